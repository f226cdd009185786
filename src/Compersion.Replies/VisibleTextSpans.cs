namespace Compersion.Replies;

/// <summary>Small allocation-free tests on spans of reply text shared by the extraction rules.</summary>
internal static class VisibleTextSpans
{
    /// <summary>Whether <paramref name="text"/> holds a time (<c>8:48</c>), a year (<c>1987</c>–<c>2099</c>) or a numeric date (<c>19/03/2014</c>, <c>2011/4/7</c>).</summary>
    /// <remarks>Attribution lines almost always carry one; prose that happens to end in "wrote:" rarely does.</remarks>
    public static bool HasDateEvidence(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                continue;
            }

            var runEnd = i;
            while (runEnd < text.Length && char.IsAsciiDigit(text[runEnd]))
            {
                runEnd++;
            }

            var run = runEnd - i;
            var boundedBefore = i == 0 || !char.IsAsciiDigit(text[i - 1]);
            if (run == 4 && boundedBefore && ((text[i] == '1' && text[i + 1] == '9') || (text[i] == '2' && text[i + 1] == '0')))
            {
                return true;
            }

            if (run <= 2 && runEnd + 2 < text.Length && text[runEnd] == ':' && char.IsAsciiDigit(text[runEnd + 1]) && char.IsAsciiDigit(text[runEnd + 2]))
            {
                return true;
            }

            if (run <= 4 && IsNumericDate(text, runEnd))
            {
                return true;
            }

            i = runEnd;
        }

        return false;
    }

    /// <summary>Whether the characters before <paramref name="index"/> and after <paramref name="end"/> are not letters (a whole word).</summary>
    public static bool IsWholeWord(ReadOnlySpan<char> text, int index, int end) =>
        (index == 0 || !char.IsLetter(text[index - 1])) && (end >= text.Length || !char.IsLetter(text[end]));

    /// <summary>Whether the line is only a rule: dashes, underscores, equals signs, asterisks or tildes.</summary>
    public static bool IsRule(ReadOnlySpan<char> text)
    {
        var marks = 0;
        foreach (var c in text)
        {
            if (c is '-' or '_' or '=' or '*' or '~' or '—' or '–')
            {
                marks++;
            }
            else if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return marks >= 2;
    }

    /// <summary>Number of whitespace-separated words.</summary>
    public static int CountWords(ReadOnlySpan<char> text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                words++;
            }
        }

        return words;
    }

    /// <summary>Whether the line opens like a list item: "1. ", "2) ", "- ", "* " or "• ".</summary>
    public static bool StartsLikeListItem(ReadOnlySpan<char> line)
    {
        var text = line.TrimStart();
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        if (digits > 0)
        {
            return digits + 1 < text.Length && (text[digits] is '.' or ')') && text[digits + 1] == ' ';
        }

        return text.Length > 1 && (text[0] is '-' or '*' or '•') && text[1] == ' ';
    }

    /// <summary>Removes leading and trailing characters that frame a marker line (dashes, underscores, equals signs, asterisks, angle brackets, whitespace).</summary>
    public static ReadOnlySpan<char> TrimFraming(ReadOnlySpan<char> text) => text.Trim(" \t\u00a0-_=*~<>—–");

    /// <summary>Whether <paramref name="text"/> starts with <paramref name="prefix"/>, ignoring case.</summary>
    public static bool StartsWithIgnoreCase(ReadOnlySpan<char> text, string prefix) =>
        text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    private static bool IsNumericDate(ReadOnlySpan<char> text, int afterFirstRun)
    {
        // d{1,4} [./-] d{1,2} [./-] d{1,4}, as in 19/03/2014, 13-02-2014 or 2011/4/7.
        var i = afterFirstRun;
        if (i >= text.Length || text[i] is not ('.' or '/' or '-'))
        {
            return false;
        }

        var separator = text[i];
        i++;
        var digits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]) && digits < 3)
        {
            i++;
            digits++;
        }

        if (digits is 0 or > 2 || i >= text.Length || text[i] != separator)
        {
            return false;
        }

        return i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]);
    }
}
