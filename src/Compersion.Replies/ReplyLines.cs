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

    /// <summary>Whether a whole line is a greeting or closing ("Hi!", "Thanks", "Love, Alex", "Here you go:").</summary>
    public static bool IsGreetingOrClosing(string line)
    {
        if (line.Length > MaxGreetingLength)
        {
            return false;
        }

        var words = Words(line);
        if (words.Count == 0 || words.Count > 6)
        {
            return false;
        }

        var lexicon = Lexicon.Shared;
        var lower = string.Join(' ', words).ToLowerInvariant();
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
