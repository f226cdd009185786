using System.Collections.Frozen;
using System.Globalization;

namespace Compersion.Replies;

/// <summary>Cuts an item into words, numbers and sentence breaks for the signal rules.</summary>
/// <remarks>
/// Single pass, linear in the item's length. Typographic apostrophes are read as <c>'</c>.
/// Contractions are opened ("she's" → "she is", "I'm" → "I am"); other <c>'s</c> endings mark a
/// possessive ("Sam's"); "n't" marks a negation; French elisions are dropped ("l'ami" → "ami").
/// </remarks>
internal static class ItemTokenizer
{
    private static readonly FrozenSet<string> IsContractions = new[]
    {
        "he", "she", "it", "that", "there", "what", "who", "where", "here", "everyone", "someone",
        "everybody", "somebody", "nobody", "let",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly (string Suffix, string Word)[] Contractions =
    [
        ("'m", "am"), ("'re", "are"), ("'ve", "have"), ("'ll", "will"), ("'d", "would"),
    ];

    private static readonly string[] Elisions = ["l'", "d'", "j'", "m'", "t'", "s'", "n'", "c'", "qu'"];

    /// <summary>Tokenizes one item.</summary>
    public static List<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>(text.Length / 5 + 1);
        var sentenceStart = true;
        var punctuated = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                var end = ReadWord(text, i);
                var first = tokens.Count;
                AddWord(tokens, text.AsSpan(i, end - i), sentenceStart);
                if (punctuated && first < tokens.Count)
                {
                    tokens[first] = tokens[first] with { AfterPunctuation = true };
                }

                sentenceStart = false;
                punctuated = false;
                i = end;
                continue;
            }

            if (c is '.' or '!' or '?' or ';' or '…')
            {
                if (c == '.' && !PeriodEndsSentence(text, i, tokens))
                {
                    i++;
                    continue;
                }

                if (tokens.Count > 0 && tokens[^1].Kind != TokenKind.Break)
                {
                    tokens.Add(new Token(c.ToString(), c.ToString(), TokenKind.Break, false, false, false));
                }

                sentenceStart = true;
            }
            else if (c is ':' or '"' or '“' or '”' or '—' or '–')
            {
                sentenceStart = true;
            }

            // "Kate, Tom", "Kate/Tom": the next word is not joined to the one before (an abbreviation's period, skipped above, joins).
            punctuated |= !char.IsWhiteSpace(c);
            i++;
        }

        return tokens;
    }

    private static bool PeriodEndsSentence(string text, int period, List<Token> tokens)
    {
        if (period + 1 < text.Length && !char.IsWhiteSpace(text[period + 1]))
        {
            // "example.com" goes on; "done.)" ends.
            return !char.IsLetterOrDigit(text[period + 1]);
        }

        if (tokens.Count == 0 || tokens[^1].Kind == TokenKind.Break)
        {
            return true;
        }

        var next = period + 1;
        while (next < text.Length && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        return Abbreviations.PeriodEndsSentence(tokens[^1].Text, next < text.Length ? text[next] : '\0');
    }

    private static int ReadWord(string text, int start)
    {
        var i = start;
        var segmentStart = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || IsMark(c))
            {
                i++;
                continue;
            }

            var hasNext = i + 1 < text.Length;
            var nextIsLetter = hasNext && char.IsLetter(text[i + 1]);
            var nextIsDigit = hasNext && char.IsDigit(text[i + 1]);
            if ((c is '\'' or '’' or '-' or '‐') && nextIsLetter)
            {
                i++;
                continue;
            }

            // A plural possessive: "my parents' house".
            if (c is '\'' or '’' && !nextIsLetter && text[i - 1] is 's' or 'S')
            {
                i++;
                break;
            }

            // "3.5", "10:30", "1,000"
            if ((c is '.' or ':' or ',') && nextIsDigit && char.IsDigit(text[i - 1]))
            {
                i++;
                continue;
            }

            // "e.g", "a.m", "U.S": one letter, a period, another letter.
            if (c == '.' && nextIsLetter && i - segmentStart == 1 && char.IsLetter(text[i - 1]))
            {
                i++;
                segmentStart = i;
                continue;
            }

            break;
        }

        return i;
    }

    private static bool IsMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static void AddWord(List<Token> tokens, ReadOnlySpan<char> raw, bool sentenceStart)
    {
        var text = raw.ToString().Replace('’', '\'');
        var lower = text.ToLowerInvariant();
        if (char.IsDigit(text[0]))
        {
            tokens.Add(new Token(text, lower, TokenKind.Number, sentenceStart, false, false));
            return;
        }

        if (lower.EndsWith("n't", StringComparison.Ordinal) || lower == "cannot")
        {
            tokens.Add(new Token(text, lower, TokenKind.Word, sentenceStart, false, true));
            return;
        }

        foreach (var elision in Elisions)
        {
            if (lower.Length > elision.Length + 1 && lower.StartsWith(elision, StringComparison.Ordinal))
            {
                if (elision is "j'" or "m'")
                {
                    // The writer ("j'ai", "m'a fait rire"): kept as a word of its own, so the rules see who it is about.
                    tokens.Add(new Token(text[..elision.Length], elision, TokenKind.Word, sentenceStart, false, false));
                    sentenceStart = false;
                }

                text = text[elision.Length..];
                lower = lower[elision.Length..];
                break;
            }
        }

        foreach (var (suffix, word) in Contractions)
        {
            if (lower.Length > suffix.Length && lower.EndsWith(suffix, StringComparison.Ordinal))
            {
                AddPlain(tokens, text[..^suffix.Length], sentenceStart, possessive: false);
                tokens.Add(new Token(word, word, TokenKind.Word, false, false, false));
                return;
            }
        }

        if (lower.Length > 2 && lower.EndsWith("'s", StringComparison.Ordinal))
        {
            var stem = text[..^2];
            if (IsContractions.Contains(stem.ToLowerInvariant()))
            {
                AddPlain(tokens, stem, sentenceStart, possessive: false);
                tokens.Add(new Token("is", "is", TokenKind.Word, false, false, false));
                return;
            }

            AddPlain(tokens, stem, sentenceStart, possessive: true);
            return;
        }

        if (lower.Length > 2 && lower.EndsWith("s'", StringComparison.Ordinal))
        {
            AddPlain(tokens, text[..^1], sentenceStart, possessive: true);
            return;
        }

        AddPlain(tokens, text, sentenceStart, possessive: false);
    }

    private static void AddPlain(List<Token> tokens, string text, bool sentenceStart, bool possessive) =>
        tokens.Add(new Token(text, text.ToLowerInvariant(), TokenKind.Word, sentenceStart, possessive, false));
}
