namespace Compersion.Replies;

/// <summary>Cuts a paragraph into sentences at <c>. ! ? ;</c> followed by a space or the end.</summary>
/// <remarks>
/// Single pass, linear in the paragraph's length. A period does not end a sentence after an
/// abbreviation ("Dr.", "e.g.", "i.e.", an initial) or inside a number ("3.5"); an ellipsis or a
/// closing quote followed by a lower-case word does not either ("so tired… but", "said "yay!" and").
/// </remarks>
internal static class SentenceSplitter
{
    /// <summary>The sentences of <paramref name="paragraph"/>, each trimmed, with their end punctuation.</summary>
    public static List<string> Split(string paragraph)
    {
        var sentences = new List<string>();
        var start = 0;
        var i = 0;
        while (i < paragraph.Length)
        {
            if (!IsTerminal(paragraph[i]))
            {
                i++;
                continue;
            }

            var runStart = i;
            var end = i;
            while (end + 1 < paragraph.Length && IsTerminal(paragraph[end + 1]))
            {
                end++;
            }

            var close = end;
            while (close + 1 < paragraph.Length && IsCloser(paragraph[close + 1]))
            {
                close++;
            }

            var after = close + 1;
            if (after < paragraph.Length && !char.IsWhiteSpace(paragraph[after]))
            {
                i = after;
                continue;
            }

            var next = SkipSpaces(paragraph, after);

            // Emoji after the end belong to the sentence they follow: "My dad called. 😊 The bread rose."
            while (next < paragraph.Length && WordEnd(paragraph, next) is var wordEnd && !HasLetterOrDigit(paragraph, next, wordEnd))
            {
                after = wordEnd;
                next = SkipSpaces(paragraph, wordEnd);
            }

            var nextChar = next < paragraph.Length ? paragraph[next] : '\0';
            if (!EndsHere(paragraph, start, runStart, end, close, nextChar))
            {
                i = after;
                continue;
            }

            sentences.Add(paragraph[start..after].Trim());
            start = next;
            i = next;
        }

        if (start < paragraph.Length)
        {
            sentences.Add(paragraph[start..].Trim());
        }

        sentences.RemoveAll(sentence => sentence.Length == 0);
        return sentences;
    }

    private static bool EndsHere(string paragraph, int start, int runStart, int runEnd, int close, char next)
    {
        var run = paragraph.AsSpan(runStart, runEnd - runStart + 1);
        if (run is ".")
        {
            var word = WordBefore(paragraph, start, runStart);
            if (!Abbreviations.PeriodEndsSentence(word, next))
            {
                return false;
            }
        }

        var continuesLowerCase = char.IsLower(next);
        if (continuesLowerCase && (run.Contains('…') || run.Contains("..", StringComparison.Ordinal)))
        {
            return false;
        }

        return !(continuesLowerCase && close > runEnd);
    }

    // The word right before a period ("Dr", "e.g"), looked back at most a few characters.
    private static ReadOnlySpan<char> WordBefore(string paragraph, int start, int period)
    {
        var i = period;
        while (i > start && period - i <= Abbreviations.MaxLength && (char.IsLetter(paragraph[i - 1]) || paragraph[i - 1] == '.'))
        {
            i--;
        }

        if (period - i > Abbreviations.MaxLength || (i > start && !IsWordBoundary(paragraph[i - 1])))
        {
            return [];
        }

        return paragraph.AsSpan(i, period - i);
    }

    private static int SkipSpaces(string text, int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index;
    }

    private static int WordEnd(string text, int index)
    {
        while (index < text.Length && !char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index;
    }

    private static bool HasLetterOrDigit(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWordBoundary(char c) => char.IsWhiteSpace(c) || c is '(' or '"' or '“' or '\'' or '‘';

    private static bool IsTerminal(char c) => c is '.' or '!' or '?' or ';' or '…';

    private static bool IsCloser(char c) => c is '"' or '”' or '’' or '\'' or ')' or ']' or '»';
}
