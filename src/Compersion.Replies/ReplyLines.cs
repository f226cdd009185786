namespace Compersion.Replies;

/// <summary>Recognises the lines around a list that are not gratitudes: greetings, sign-offs and lead-ins.</summary>
internal static class ReplyLines
{
    /// <summary>The longest line that can be a greeting or closing.</summary>
    public const int MaxGreetingLength = 80;

    private const int MaxLeadInWords = 8;
    private const int MaxLeadInLength = 120;
    private const int MaxOpenerTail = 3;
    private const int MaxNameWords = 2;
    private const int MaxClosingWords = 9;
    private const int MaxWishWordsBeforeTime = 4;
    private const int MaxWishWordsAfterTime = 2;
    private const int MaxThanksObjectWords = 3;

    private static readonly char[] ClosingPartBreaks = [',', '.', '!', '?', ';', '…', '—', '–'];

    /// <summary>Whether a whole line is a greeting or closing ("Hi!", "Thanks", "Love, Alex", "Here you go:", "Have a great weekend!",
    /// "Thanks for the reminder, have a lovely evening!").</summary>
    public static bool IsGreetingOrClosing(string line)
    {
        if (line.Length > MaxGreetingLength)
        {
            return false;
        }

        if (IsOneGreetingOrClosing(Words(line)))
        {
            return true;
        }

        // Several joined by commas or full stops: a closing when every part is one.
        var parts = line.Split(ClosingPartBreaks, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length > 1 && Array.TrueForAll(parts, part => Words(part) is var words && (words.Count == 0 || IsOneGreetingOrClosing(words)));
    }

    private static bool IsOneGreetingOrClosing(List<string> words)
    {
        if (words.Count == 0 || words.Count > MaxClosingWords)
        {
            return false;
        }

        var lexicon = Lexicon.Shared;
        var lowerWords = words.ConvertAll(word => word.ToLowerInvariant().Replace('’', '\''));
        if (IsWellWish(words, lowerWords) || IsThanksForTheMail(lowerWords))
        {
            return true;
        }

        // "Hope you're well x", "Love this xx": a kiss or a thanks after a closing.
        if (words.Count > 1 && lexicon.Greetings.Contains(lowerWords[^1]) && IsOneGreetingOrClosing(words[..^1]))
        {
            return true;
        }

        if (words.Count > 6)
        {
            return false;
        }

        var lower = string.Join(' ', lowerWords);
        if (lexicon.Greetings.Contains(lower))
        {
            return true;
        }

        foreach (var opener in lexicon.Openers)
        {
            var tail = Tail(lower, opener);
            if (tail is >= 0 and <= MaxOpenerTail)
            {
                return true;
            }
        }

        foreach (var greeting in lexicon.BeforeName)
        {
            var tail = Tail(lower, greeting);
            if (tail is > 0 and <= MaxNameWords && words.Skip(words.Count - tail).All(IsCapitalised))
            {
                return true;
            }
        }

        return false;
    }

    // "Have a great weekend", "Schönen Abend noch", "Buona serata a tutti": an opener, at most four words, a time, at most two
    // lower-case words after it ("Have a lovely evening with Sam" names someone: not only a wish).
    private static bool IsWellWish(List<string> words, List<string> lowerWords)
    {
        var lexicon = Lexicon.Shared;
        var opener = PrefixLength(lowerWords, 0, lexicon.WishOpeners);
        if (opener == 0)
        {
            return false;
        }

        for (var at = opener; at < lowerWords.Count && at <= opener + MaxWishWordsBeforeTime; at++)
        {
            var time = PrefixLength(lowerWords, at, lexicon.WishTimes);
            var after = at + time;
            if (time > 0 && lowerWords.Count - after <= MaxWishWordsAfterTime && words.Skip(after).All(word => !char.IsUpper(word[0])))
            {
                return true;
            }
        }

        return false;
    }

    // "Thank you for these prompts", "Danke für die Erinnerung": a thank-you, "for", at most three words ending with the mail.
    private static bool IsThanksForTheMail(List<string> lowerWords)
    {
        var lexicon = Lexicon.Shared;
        var thanks = PrefixLength(lowerWords, 0, lexicon.Thanks);
        var rest = lowerWords.Count - thanks - 1;
        return thanks > 0 && rest is >= 1 and <= MaxThanksObjectWords && lexicon.ThanksFor.Contains(lowerWords[thanks]) && lexicon.ThisMail.Contains(lowerWords[^1]);
    }

    // How many words of the longest phrase that starts at <paramref name="at"/>, or 0.
    private static int PrefixLength(List<string> words, int at, IReadOnlyList<string[]> phrases)
    {
        foreach (var phrase in phrases)
        {
            if (at + phrase.Length <= words.Count && phrase.AsSpan().SequenceEqual(words.GetRange(at, phrase.Length).ToArray()))
            {
                return phrase.Length;
            }
        }

        return 0;
    }

    /// <summary>Whether a line only introduces what follows ("Today:", "Here are my five for today:").</summary>
    public static bool IsLeadIn(string line)
    {
        var trimmed = line.TrimEnd();
        return trimmed.Length is > 1 and <= MaxLeadInLength && trimmed[^1] == ':' && Words(trimmed).Count <= MaxLeadInWords;
    }

    /// <summary>Removes an opening up to a colon that only introduces the items ("Today I'm grateful for: coffee").</summary>
    public static string StripLeadIn(string text)
    {
        var colon = text.IndexOf(':', 0, Math.Min(text.Length, MaxLeadInLength));
        if (colon <= 0 || colon == text.Length - 1)
        {
            return text;
        }

        var opening = Words(text[..colon]);
        if (opening.Count == 0 || opening.Count > MaxLeadInWords)
        {
            return text;
        }

        var leadIn = Lexicon.Shared.LeadInWords;
        var isLeadIn = opening.Exists(word => leadIn.Contains(word, word.ToLowerInvariant()));
        return isLeadIn ? text[(colon + 1)..].Trim() : text;
    }

    // Words of a line with punctuation, emoji and symbols at their ends removed ("Love," → "Love").
    private static List<string> Words(string line)
    {
        var words = new List<string>();
        foreach (var part in line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var start = 0;
            var end = part.Length;
            while (start < end && !IsWordChar(part[start]))
            {
                start++;
            }

            while (end > start && !IsWordChar(part[end - 1]))
            {
                end--;
            }

            if (end > start)
            {
                words.Add(part[start..end]);
            }
        }

        return words;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '\'' || c == '’';

    // How many words follow the phrase when the line starts with it, else -1.
    private static int Tail(string lower, string phrase)
    {
        if (!lower.StartsWith(phrase, StringComparison.Ordinal))
        {
            return -1;
        }

        if (lower.Length == phrase.Length)
        {
            return 0;
        }

        if (lower[phrase.Length] != ' ')
        {
            return -1;
        }

        return lower[(phrase.Length + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
    }

    private static bool IsCapitalised(string word) => word.Length > 0 && char.IsUpper(word[0]);
}
