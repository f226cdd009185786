using System.Globalization;
using System.Text;

namespace Compersion.Replies;

/// <summary>Splits the visible text of a reply into gratitude items and kind acts.</summary>
/// <remarks>
/// <para>Formats, in order of precedence:</para>
/// <list type="bullet">
/// <item>a list: lines starting <c>1.</c> <c>1)</c> <c>1:</c> <c>(1)</c> <c>#1</c>, a bullet (<c>-</c> <c>*</c> <c>•</c> <c>–</c> …)
/// or a number word ("First:", "Two -"). A list line followed by lines without a marker (wrapped or
/// indented) is one item; "1. coffee 2. Sam 3. sun" on one line is three;</item>
/// <item>one item per line, or per paragraph when paragraphs are separated by blank lines;</item>
/// <item>a single paragraph without markers: one item per sentence (see <see cref="SentenceSplitter"/>).</item>
/// </list>
/// <para>
/// A line starting <c>kindness:</c> (or <c>kindness -</c>, <c>kind act:</c>, <c>act of kindness:</c>, any
/// case, after an optional list marker) is a kind act, not a gratitude; <c>Kindness:</c> alone makes
/// the rest of its paragraph kind acts. Greetings, sign-offs and lead-in lines ("Hi!", "Thanks",
/// "Love, Alex", "Here you go:", "Today:") are dropped when anything else is there; a reply that is
/// nothing but "Thanks!" keeps it, so no one's only words are thrown away.
/// </para>
/// <para>
/// Whitespace is normalised, an item needs at least one letter or digit, and an item longer than
/// <see cref="MaxItemLength"/> characters is cut at the last word boundary before the limit and
/// ends with "…". Every step is a single pass over the text: time is linear in its length.
/// </para>
/// </remarks>
public static class ItemSplitter
{
    /// <summary>The longest item kept whole; longer ones are cut at a word boundary and end with "…".</summary>
    public const int MaxItemLength = 1000;

    /// <summary>A line this long that does not end a sentence, followed by a lower-case line, may have been wrapped by the mail client.</summary>
    private const int WrappedLineLength = 55;

    /// <summary>Mail clients that hard-wrap do it at 72 to 78 characters; text with a longer line (with spaces in it) was not hard-wrapped.</summary>
    private const int MaxWrapWidth = 80;

    /// <summary>Text whose widest line is narrower than this was not hard-wrapped by a mail client.</summary>
    private const int MinWrapWidth = 66;

    private const string Ellipsis = "…";

    /// <summary>Splits a reply's visible plain text (quotes and signatures already removed).</summary>
    /// <param name="visibleText">The new text of the reply.</param>
    /// <returns>The items and acts, in the order written; both empty for blank text.</returns>
    public static ReplyContent Split(string visibleText) => Split(visibleText, TextSource.PlainText);

    /// <summary>Splits a reply's visible text, read from a plain-text or an HTML body.</summary>
    /// <param name="visibleText">The new text of the reply.</param>
    /// <param name="source">
    /// Where the text came from. Lines of text converted from HTML are the writer's own blocks and line breaks, so
    /// they are never joined as hard-wrapped; plain text is joined only where it was actually hard-wrapped.
    /// </param>
    /// <returns>The items and acts, in the order written; both empty for blank text.</returns>
    public static ReplyContent Split(string visibleText, TextSource source) => Split(visibleText, source, writer: null);

    /// <summary>Splits a reply's visible text, knowing who sent it: a last line that is only their own name is their signature.</summary>
    /// <param name="visibleText">The new text of the reply.</param>
    /// <param name="source">Where the text came from (see <see cref="Split(string, TextSource)"/>).</param>
    /// <param name="writer">The sender's address, or null: "Dana" on the last line of a reply from <c>dana@example.com</c> is not an item.</param>
    /// <returns>The items and acts, in the order written; both empty for blank text.</returns>
    public static ReplyContent Split(string visibleText, TextSource source, string? writer)
    {
        ArgumentNullException.ThrowIfNull(visibleText);
        var units = ReadUnits(visibleText, source, source == TextSource.Html ? null : WrapWidth(visibleText));

        var acts = units.Where(unit => unit.Kind == UnitKind.Act).Select(unit => unit.Text).ToList();
        var candidates = units.Where(unit => unit.Kind != UnitKind.Act).ToList();
        var kept = candidates.Where(unit => !IsNoise(unit)).ToList();
        if (kept.Count > 1 && (IsSignedName(kept[^1], kept[^2]) || IsWritersName(kept[^1], writer)))
        {
            kept.RemoveAt(kept.Count - 1);
        }

        if (kept.Count == 0 && acts.Count == 0)
        {
            kept = candidates;
        }

        var items = new List<string>();
        var hasList = kept.Exists(unit => unit.Kind == UnitKind.ListItem);
        if (!hasList && kept.Count == 1 && kept[0].Kind == UnitKind.Line)
        {
            items.AddRange(Sentences(kept[0].Text));
        }
        else
        {
            foreach (var unit in kept)
            {
                items.AddRange(unit.Kind == UnitKind.ListItem ? InlineItems(unit) : [ReplyLines.StripLeadIn(unit.Text)]);
            }
        }

        return new ReplyContent(Finish(items), Finish(acts));
    }

    // "Daniel" on the last line under a gratitude of a few words: the writer's name, not a one-word gratitude (a list of
    // single words, "Tea" / "Rain" / "Sam", keeps its last one).
    private static bool IsSignedName(Unit last, Unit previous) =>
        last.Kind == UnitKind.Line && SignatureBlock.IsBareGivenName(last.Text) && VisibleTextSpans.CountWords(previous.Text) >= 3;

    // "Dana" or "Dana S." alone on the last line of a reply from dana@example.com (or dana.smith@, dana_s@, dana+x@): the writer
    // signing, whatever the given-names list holds. The address's first part names them only when it is a word of two letters or more.
    private static bool IsWritersName(Unit last, string? writer)
    {
        var at = writer?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        if (last.Kind != UnitKind.Line || at <= 0)
        {
            return false;
        }

        var local = writer![..at];
        var end = local.IndexOfAny(['.', '_', '-', '+']);
        var name = end < 0 ? local : local[..end];
        var words = last.Text.Trim().TrimEnd('.', ',', '!').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return name.Length >= 2 && name.All(char.IsAsciiLetter) && words.Length is 1 or 2 && char.IsUpper(words[0][0]) &&
            string.Equals(Unaccented(words[0]), name, StringComparison.OrdinalIgnoreCase);
    }

    // "Lucía" → "Lucia": addresses are written without accents.
    private static string Unaccented(string word) =>
        string.Concat(word.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark));

    private static bool IsNoise(Unit unit) =>
        unit.Kind == UnitKind.Line && (ReplyLines.IsGreetingOrClosing(unit.Text) || ReplyLines.IsLeadIn(unit.Text));

    // The width plain text was hard-wrapped at, or null when it was not: a hard-wrapping client breaks a line only when the
    // next word would not fit, so most lines that run on into the next must fail that test against the widest line.
    // Lines typed one per gratitude on a phone fit the next word easily, and are never taken for wrapped.
    private static int? WrapWidth(string text)
    {
        var width = 0;
        foreach (var raw in Lines(text))
        {
            var line = raw.Trim();
            if (line.Length > MaxWrapWidth && line.Contains(' ', StringComparison.Ordinal))
            {
                return null;
            }

            width = Math.Max(width, line.Length <= MaxWrapWidth ? line.Length : 0);
        }

        if (width < MinWrapWidth)
        {
            return null;
        }

        string? previous = null;
        int runOns = 0, wrapped = 0;
        foreach (var raw in Lines(text))
        {
            var line = raw.Trim();
            if (previous is { Length: >= WrappedLineLength } && line.Length > 0 && !EndsSentence(previous) && !ListMarker.TryStrip(line, out _, out _, out _) && !KindnessMarker.TryStrip(line, out _))
            {
                runOns++;
                wrapped += WouldNotFit(previous, line, width) ? 1 : 0;
            }

            previous = line.Length > 0 ? line : null;
        }

        return runOns > 0 && wrapped * 2 > runOns ? width : null;
    }

    // Whether the first word of next would have overflowed a line of the given width after last.
    private static bool WouldNotFit(string last, string next, int width)
    {
        var word = next.IndexOf(' ', StringComparison.Ordinal);
        return last.Length + 1 + (word < 0 ? next.Length : word) > width;
    }

    private static List<Unit> ReadUnits(string text, TextSource source, int? wrapWidth)
    {
        var units = new List<Unit>();
        Unit? current = null;
        var actParagraph = false;
        var actsInParagraph = 0;
        foreach (var raw in Lines(text))
        {
            var indent = Indent(raw);
            var line = raw.Trim();

            // A line without a letter or digit ("-", "***", "❤️") separates like a blank line.
            if (!HasWordCharacter(line))
            {
                current = null;
                if (actsInParagraph > 0)
                {
                    actParagraph = false;
                }

                continue;
            }

            var hasMarker = ListMarker.TryStrip(line, out var body, out var number, out var bullet);
            if (KindnessMarker.TryStrip(hasMarker ? body : line, out var act))
            {
                current = null;
                if (act.Length == 0)
                {
                    actParagraph = true;
                    actsInParagraph = 0;
                    continue;
                }

                current = Add(units, new Unit(UnitKind.Act, act, indent, number, bullet));
                actsInParagraph += actParagraph ? 1 : 0;
                continue;
            }

            if (hasMarker)
            {
                current = Add(units, new Unit(actParagraph ? UnitKind.Act : UnitKind.ListItem, body, indent, number, bullet));
                actsInParagraph += actParagraph ? 1 : 0;
                continue;
            }

            if (current is not null && Continues(current, line, indent, source, wrapWidth))
            {
                current.Append(line);
                continue;
            }

            current = Add(units, new Unit(actParagraph ? UnitKind.Act : UnitKind.Line, line, indent, 0, '\0'));
            actsInParagraph += actParagraph ? 1 : 0;
        }

        return units;
    }

    private static Unit Add(List<Unit> units, Unit unit)
    {
        units.Add(unit);
        return unit;
    }

    // Whether a line without a marker carries on the unit above it rather than starting a new one.
    private static bool Continues(Unit current, string line, int indent, TextSource source, int? wrapWidth)
    {
        if (ReplyLines.IsGreetingOrClosing(line))
        {
            return false;
        }

        // "Thanks," then "Alex" on the next line: the name belongs to the sign-off.
        if (current.Kind == UnitKind.Line && current.Length <= ReplyLines.MaxGreetingLength && ReplyLines.IsGreetingOrClosing(current.Text))
        {
            return ReplyLines.IsGreetingOrClosing(current.Text + " " + line);
        }

        // In HTML every block and <br> is a line the writer ended: a list item never runs on into the next block.
        if (source == TextSource.Html)
        {
            return false;
        }

        if (indent > current.Indent)
        {
            return true;
        }

        // "Daniel" under a list: the writer's name on a line of its own, not the list item's last words.
        if (current.Kind == UnitKind.ListItem && !SignatureBlock.IsBareGivenName(line))
        {
            return true;
        }

        var last = current.LastLine;
        return wrapWidth is { } width && last.Length >= WrappedLineLength && !EndsSentence(last) && char.IsLower(line[0]) && WouldNotFit(last, line, width);
    }

    private static bool EndsSentence(string line) => line[^1] is '.' or '!' or '?' or ';' or ':' or '…';

    private static List<string> Sentences(string paragraph)
    {
        var sentences = SentenceSplitter.Split(ReplyLines.StripLeadIn(Normalize(paragraph)));
        var kept = sentences.Where(sentence => !ReplyLines.IsGreetingOrClosing(sentence)).ToList();
        if (kept.Count == 0)
        {
            kept = sentences;
        }

        // A fragment with no words ("😊") belongs to the sentence before it.
        var merged = new List<string>(kept.Count);
        foreach (var sentence in kept)
        {
            var trimmed = sentence.TrimEnd(';', ' ');
            if (merged.Count > 0 && !HasWordCharacter(trimmed))
            {
                merged[^1] += " " + trimmed;
            }
            else
            {
                merged.Add(trimmed);
            }
        }

        return merged;
    }

    // "1. coffee 2. Sam 3. sun" written on one line; "• tea • rain" flattened from HTML.
    private static IEnumerable<string> InlineItems(Unit unit)
    {
        var text = Normalize(unit.Text);
        var parts = new List<string>();
        if (unit.Number > 0)
        {
            var expected = unit.Number + 1;
            var start = 0;
            var i = 0;
            while (i < text.Length)
            {
                var end = InlineNumberAt(text, i, expected);
                if (end < 0)
                {
                    i++;
                    continue;
                }

                parts.Add(text[start..i]);
                start = end;
                i = end;
                expected++;
            }

            parts.Add(text[start..]);
        }
        else if (unit.Bullet is '•' or '·' or '▪' or '●')
        {
            parts.AddRange(text.Split(" " + unit.Bullet + " "));
        }
        else
        {
            parts.Add(text);
        }

        return parts.Select(part => part.Trim());
    }

    // The end of " N. " or " N) " at position i, or -1.
    private static int InlineNumberAt(string text, int i, int expected)
    {
        if (i == 0 || text[i - 1] != ' ' || !char.IsAsciiDigit(text[i]))
        {
            return -1;
        }

        var number = 0;
        var j = i;
        while (j < text.Length && j - i < 3 && char.IsAsciiDigit(text[j]))
        {
            number = number * 10 + (text[j] - '0');
            j++;
        }

        if (number != expected || j + 1 >= text.Length || text[j] is not ('.' or ')') || text[j + 1] != ' ')
        {
            return -1;
        }

        return j + 2;
    }

    private static List<string> Finish(IEnumerable<string> texts)
    {
        var finished = new List<string>();
        foreach (var text in texts)
        {
            var normalized = Normalize(text);
            if (HasWordCharacter(normalized))
            {
                finished.Add(Truncate(normalized));
            }
        }

        return finished;
    }

    private static bool HasWordCharacter(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    // Collapses every run of white space (tabs, no-break spaces …) into one space; drops zero-width spaces and BOMs.
    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (c is '\u200B' or '\uFEFF')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string Truncate(string text)
    {
        if (text.Length <= MaxItemLength)
        {
            return text;
        }

        var limit = MaxItemLength - Ellipsis.Length;
        var cut = text.LastIndexOf(' ', limit);
        if (cut <= 0)
        {
            cut = char.IsLowSurrogate(text[limit]) ? limit - 1 : limit;
        }

        return text[..cut].TrimEnd(' ', ',', ';', ':', '-', '–', '—') + Ellipsis;
    }

    private static IEnumerable<string> Lines(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('\n' or '\r' or '\u2028' or '\u2029'))
            {
                continue;
            }

            yield return text[start..i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            start = i + 1;
        }

        yield return text[start..];
    }

    private static int Indent(string line)
    {
        var indent = 0;
        foreach (var c in line)
        {
            if (c == '\t')
            {
                indent += 4;
            }
            else if (char.IsWhiteSpace(c))
            {
                indent++;
            }
            else
            {
                break;
            }
        }

        return indent;
    }

    private enum UnitKind
    {
        Line,
        ListItem,
        Act,
    }

    // One logical line: a list item with its continuation lines, a plain line, or a kind act.
    private sealed class Unit(UnitKind kind, string text, int indent, int number, char bullet)
    {
        private readonly StringBuilder text = new(text);

        public UnitKind Kind { get; } = kind;

        public int Indent { get; } = indent;

        public int Number { get; } = number;

        public char Bullet { get; } = bullet;

        public string LastLine { get; private set; } = text;

        public string Text => text.ToString();

        public int Length => text.Length;

        public void Append(string line)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(line);
            LastLine = line;
        }
    }
}
