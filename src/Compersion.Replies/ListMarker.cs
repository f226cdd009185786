using System.Collections.Frozen;

namespace Compersion.Replies;

/// <summary>Recognises the marker at the start of a list line: <c>1.</c> <c>1)</c> <c>1:</c> <c>(1)</c> <c>#1</c>, bullets, "First:".</summary>
/// <remarks>
/// A marker needs a space after it ("10:30", "-5°" and "3.5 km" are not markers), except
/// <c>1.</c> or <c>1)</c> directly followed by a letter ("1.coffee"), as phones type it, and the
/// markers of Japanese and Chinese text, which is written without spaces: full-width numbers
/// (<c>１．</c> <c>1、</c> <c>（1）</c>), circled numbers (<c>①</c>) and <c>・</c>. A pictograph
/// at the start of a line (<c>✨</c> <c>🔸</c> <c>✔️</c>, with or without its variation selector)
/// followed by a space is an emoji bullet.
/// A hand-written scanner: constant work per line, no regular expression.
/// </remarks>
internal static class ListMarker
{
    private static readonly FrozenDictionary<string, int> WordNumbers = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["first"] = 1, ["second"] = 2, ["third"] = 3,
        ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7, ["eighth"] = 8, ["ninth"] = 9,
        ["tenth"] = 10, ["firstly"] = 1, ["secondly"] = 2, ["thirdly"] = 3, ["fourthly"] = 4,
        ["fifthly"] = 5, ["lastly"] = 0, ["finally"] = 0,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The longest word marker ("fourthly").</summary>
    private const int MaxWordLength = 8;

    /// <summary>Strips a list marker from a trimmed line.</summary>
    /// <param name="line">The line, trimmed.</param>
    /// <param name="content">The text after the marker, trimmed; empty when the line is only a marker.</param>
    /// <param name="number">The item's number for numbered markers; 0 for bullets and "lastly".</param>
    /// <param name="bullet">The bullet character, or <c>'\0'</c> for numbered markers.</param>
    /// <returns>Whether the line starts with a marker.</returns>
    public static bool TryStrip(string line, out string content, out int number, out char bullet)
    {
        content = line;
        number = 0;
        bullet = '\0';
        if (line.Length == 0)
        {
            return false;
        }

        var end = MatchNumber(line, out number);
        if (end < 0)
        {
            end = MatchBullet(line, out bullet);
        }

        if (end < 0)
        {
            end = MatchWord(line, out number);
        }

        if (end < 0)
        {
            return false;
        }

        content = line[end..].Trim();
        return true;
    }

    // "1." "1)" "1:" "(1)" "#1" "#1." "1 -", followed by a space or the end.
    private static int MatchNumber(string line, out int number)
    {
        number = 0;
        var i = 0;
        var parenthesised = false;
        if (line[0] == '(')
        {
            parenthesised = true;
            i++;
        }
        else if (line[0] == '#')
        {
            i++;
        }

        else if (line[0] == '（')
        {
            parenthesised = true;
            i++;
        }
        else if (line[0] is >= '①' and <= '⑳')
        {
            // Circled numbers are markers of their own, typed without a space after them.
            number = line[0] - '①' + 1;
            return 1;
        }

        var digitsStart = i;
        while (i < line.Length && i - digitsStart < 3 && Digit(line[i]) >= 0)
        {
            number = number * 10 + Digit(line[i]);
            i++;
        }

        if (i == digitsStart || (i < line.Length && Digit(line[i]) >= 0))
        {
            return -1;
        }

        // "１．" "1、" "（１）": Japanese and Chinese punctuation needs no space after it.
        if (i < line.Length && line[i] is '．' or '、' or '）' or '：' or '。')
        {
            return i + 1;
        }

        if (parenthesised)
        {
            return i < line.Length && line[i] == ')' ? AfterSpace(line, i + 1) : -1;
        }

        if (i < line.Length && line[i] is '.' or ')' or ':')
        {
            // "1.coffee" typed on a phone; "3.5" and "10:30" stay numbers.
            return line[i] != ':' && i + 1 < line.Length && char.IsLetter(line[i + 1]) ? i + 1 : AfterSpace(line, i + 1);
        }

        if (line[0] == '#')
        {
            return AfterSpace(line, i);
        }

        // "1 - coffee"
        if (i + 2 < line.Length && line[i] == ' ' && line[i + 1] is '-' or '–' or '—' && line[i + 2] == ' ')
        {
            return i + 3;
        }

        return -1;
    }

    private static int MatchBullet(string line, out char bullet)
    {
        bullet = line[0];
        switch (bullet)
        {
            case '・' or '･':
                return 1;
            case '•' or '·' or '▪' or '◦' or '‣' or '●' or '○' or '■' or '□' or '➢' or '➤' or '→' or '✓' or '✔' or '☐' or '☑':
                return SkipVariationSelector(line, 1);
            case '-' or '*' or '+' or '–' or '—':
                // A dash alone is a separator line, not an empty item.
                return line.Length > 1 ? AfterSpace(line, 1) : -1;
            default:
                var end = EmojiBullet(line);
                bullet = end < 0 ? '\0' : '*';
                return end;
        }
    }

    // A pictograph ("✨", "🔸", "✔️", "❤️"), its variation selector if any, then a space: an emoji used as a bullet.
    private static int EmojiBullet(string line)
    {
        if (System.Text.Rune.DecodeFromUtf16(line, out var rune, out var length) != System.Buffers.OperationStatus.Done)
        {
            return -1;
        }

        var first = rune.Value;
        var isPictograph = first is >= 0x1F300 and <= 0x1FAFF || (first is >= 0x2600 and <= 0x27BF) || first is 0x2B50 or 0x2B55 or 0x2B06 or 0x2934;
        if (!isPictograph)
        {
            return -1;
        }

        var end = SkipVariationSelector(line, length);
        return end < line.Length && line[end] == ' ' ? end : -1;
    }

    private static int SkipVariationSelector(string line, int index) =>
        index < line.Length && line[index] is '\uFE0F' or '\uFE0E' ? index + 1 : index;

    // The value of an ASCII or full-width digit, or -1.
    private static int Digit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '０' and <= '９' => c - '０',
        _ => -1,
    };

    // "First:" "Two -" "Lastly:", followed by a space or the end.
    private static int MatchWord(string line, out int number)
    {
        number = 0;
        var i = 0;
        while (i < line.Length && i <= MaxWordLength && char.IsAsciiLetter(line[i]))
        {
            i++;
        }

        if (i == 0 || i > MaxWordLength || !WordNumbers.TryGetValue(line[..i].ToLowerInvariant(), out number))
        {
            return -1;
        }

        var j = i;
        while (j < line.Length && line[j] == ' ')
        {
            j++;
        }

        if (j < line.Length && line[j] is ':' or ')' && (line[j] != ')' || j == i))
        {
            return AfterSpace(line, j + 1);
        }

        if (j < line.Length && line[j] is '-' or '–' or '—')
        {
            return AfterSpace(line, j + 1);
        }

        return -1;
    }

    // The marker counts only when a space (or the end of the line) follows it: "10:30" and "-5°" are not markers.
    private static int AfterSpace(string line, int index) =>
        index >= line.Length ? index : char.IsWhiteSpace(line[index]) ? index : -1;
}
