namespace Compersion.Replies;

/// <summary>Finds the attribution line a mail client writes above quoted history ("On … wrote:", "Am … schrieb …:", "Le … a écrit :", …).</summary>
/// <remarks>
/// Clients wrap long attributions over two to five lines (the address or the verb on a line of its
/// own, sometimes after a blank line), so the search runs backwards from each line that could end
/// one. An attribution needs a verb of writing (or, for Gmail's verb-less form, a date and an
/// address in angle brackets) and evidence that it is not prose: an address, a date or time, a
/// dashed frame, or a short name directly above a quote. Everything is a single forward pass with
/// bounded look-behind, so the cost stays linear in the size of the body.
/// </remarks>
internal static class QuoteAttribution
{
    private const int MaxLineLength = 300;
    private const int MaxTextLength = 600;
    private const int MaxWindowLines = 5;
    private const int MaxNameBeforeVerb = 60;

    /// <summary>Verbs an attribution ends with (before the colon), in the languages mail clients ship.</summary>
    private static readonly string[] EndVerbs =
    [
        "wrote", "writes", "sent",
        "écrit", "schrieb", "geschrieben", "escribió", "escrit", "scritto", "escreveu", "schreef", "geschreven",
        "skrev", "kirjoitti", "napisał(a)", "napisała", "napisał", "pisze", "napsal(a)", "napsala", "napsal", "napísal",
        "написал(а)", "написала", "написал", "написав", "пишет", "пише", "írta", "yazdı", "a scris", "έγραψε",
        "kirjutas", "rašė", "rakstīja", "đã viết", "のメッセージ", "は書きました", "写道", "寫道", "작성",
    ];

    /// <summary>How a wrapped attribution's continuation line may begin ("ha scritto:", "a écrit :", "wrote:").</summary>
    private static readonly string[] ContinuationVerbs = [.. EndVerbs, "a écrit", "ha scritto", "ha escrit", "het volgende geschreven"];

    /// <summary>Verbs followed by the author's name before the colon ("Am … schrieb Test user:", "Den … skrev Ola &lt;…&gt;:").</summary>
    private static readonly string[] NamedVerbs = ["schrieb", "skrev", "schreef"];

    /// <summary>Words an attribution begins with, capitalised as clients write them.</summary>
    private static readonly string[] Leads = ["On ", "Am ", "Le ", "El ", "Il ", "In data ", "Em ", "Op ", "Den ", "På ", "W dniu ", "Dnia ", "Dne ", "Vào ", "在"];

    /// <summary>Records, on each line that starts an attribution, where it ends (<see cref="VisibleLine.AttributionEnd"/>).</summary>
    public static void Mark(string body, Span<VisibleLine> lines)
    {
        for (var j = 0; j < lines.Length; j++)
        {
            if (TryMatchEndingAt(body, lines, j, out var start, out var offset) && lines[start].AttributionEnd < j)
            {
                lines[start].AttributionEnd = j;
                lines[start].AttributionOffset = offset;
            }
        }
    }

    /// <summary>Whether <paramref name="text"/> (the attribution's lines joined by spaces) reads as an attribution.</summary>
    /// <param name="text">The candidate.</param>
    /// <param name="quoteFollows">Whether a <c>&gt;</c> quote starts on the next non-blank line.</param>
    public static bool IsAttribution(ReadOnlySpan<char> text, bool quoteFollows)
    {
        var t = text.Trim();
        var leadingDashes = CountLeading(t, "-—");
        var trailingDashes = CountTrailing(t, "-—");
        if (leadingDashes + trailingDashes >= t.Length)
        {
            return false;
        }

        // Android's "---- Ann wrote ----" and Zoho's "---- On … wrote ----" frame the line with dashes.
        var framed = leadingDashes >= 2 && trailingDashes >= 2;
        t = t[leadingDashes..^trailingDashes].Trim();
        if (t.Length == 0 || t.Length > MaxTextLength)
        {
            return false;
        }

        var colon = t[^1] is ':' or '：';
        var core = colon ? t[..^1].TrimEnd() : t;
        var hasAddress = t.Contains('@');
        var dated = VisibleTextSpans.HasDateEvidence(t);

        if (EndsWithVerb(core, out var verbStart))
        {
            if (!colon)
            {
                // Only "wrote"/"writes" stand without a colon, and then only with an address, a frame or a dated lead.
                return (core.EndsWith("wrote", StringComparison.OrdinalIgnoreCase) || core.EndsWith("writes", StringComparison.OrdinalIgnoreCase))
                    && (framed || hasAddress || (dated && StartsLikeDate(t)));
            }

            // A date alone is evidence only where the line opens like an attribution ("On 3 May 2024, Ann wrote:",
            // not "Met Ann on 3 May 2024 and she wrote:").
            return hasAddress || framed || (dated && StartsLikeDate(t)) || (quoteFollows && verbStart <= MaxNameBeforeVerb);
        }

        if (colon && HasNamedVerb(core))
        {
            return hasAddress || (dated && StartsLikeDate(t));
        }

        // Gmail's verb-less form: "2014-03-20 8:48 GMT+01:00 Rémi <remi@example.com>:" (ru, ko, en-GB …).
        if (core.Length > 0 && core[^1] == '>' && (colon || quoteFollows) && t.Length <= 250)
        {
            var open = core.LastIndexOf('<');
            return open >= 0
                && core[open..].Contains('@')
                && VisibleTextSpans.HasDateEvidence(core[..open])
                && StartsLikeDate(t);
        }

        return false;
    }

    private static bool TryMatchEndingAt(string body, ReadOnlySpan<VisibleLine> lines, int end, out int start, out int offset)
    {
        start = end;
        offset = 0;
        var line = lines[end];
        if (line.Length > MaxLineLength)
        {
            return false;
        }

        ReadOnlySpan<char> tail;
        if (line.Kind == VisibleLineKind.Text)
        {
            tail = line.Text(body).Trim();
        }
        else if (line.Kind == VisibleLineKind.Quote)
        {
            // A wrapped attribution whose last piece begins with '>' (the address's closing bracket, "> wrote:").
            tail = line.QuotedContent(body);
            if (tail.Length > 24 || !IsContinuation(tail))
            {
                return false;
            }
        }
        else
        {
            return false;
        }

        if (!CouldEnd(tail))
        {
            return false;
        }

        var first = end;
        var blanks = 0;
        while (end - start < MaxWindowLines - 1 && start > 0)
        {
            var firstText = Content(body, lines[first]);
            var previous = start - 1;
            if (lines[previous].Kind == VisibleLineKind.Blank)
            {
                // Polymail puts a blank line inside the attribution, before the "<" of the address.
                if (blanks > 0 || previous == 0 || !IsContinuation(firstText) || !IsCandidateLine(lines[previous - 1])
                    || !CouldBegin(lines[previous - 1].Text(body).Trim()) || end - previous >= MaxWindowLines - 1)
                {
                    break;
                }

                blanks++;
                start = previous - 1;
                first = start;
                continue;
            }

            if (!IsCandidateLine(lines[previous]))
            {
                break;
            }

            var previousText = lines[previous].Text(body).Trim();
            if ((IsContinuation(firstText) && CouldBegin(previousText)) || (!StartsWithLead(firstText) && ContinuesInto(previousText)))
            {
                start = previous;
                first = previous;
                continue;
            }

            break;
        }

        Span<char> buffer = stackalloc char[MaxTextLength];
        var length = Join(body, lines, start, end, 0, buffer);
        if (length < 0)
        {
            return false;
        }

        var quoteFollows = NextKind(lines, end) == VisibleLineKind.Quote;
        if (!IsAttribution(buffer[..length], quoteFollows))
        {
            return false;
        }

        if (!StartsWithLead(Content(body, lines[start])))
        {
            offset = FindSharedLineOffset(body, lines, start, end, quoteFollows, buffer);
        }

        return true;
    }

    /// <summary>Where an attribution begins inside a line that starts with reply text ("reply On Wed, … wrote:"), or 0.</summary>
    private static int FindSharedLineOffset(string body, ReadOnlySpan<VisibleLine> lines, int start, int end, bool quoteFollows, Span<char> buffer)
    {
        var text = lines[start].Text(body);
        foreach (var lead in Leads)
        {
            var from = 1;
            while (from < text.Length)
            {
                var index = text[from..].IndexOf(lead, StringComparison.Ordinal);
                if (index < 0)
                {
                    break;
                }

                index += from;
                if (text[index - 1] is ' ' or '-' && !text[..index].Trim(" \t-").IsEmpty)
                {
                    var length = Join(body, lines, start, end, index, buffer);
                    if (length > 0 && IsAttribution(buffer[..length], quoteFollows) && VisibleTextSpans.HasDateEvidence(buffer[..length]))
                    {
                        return index;
                    }
                }

                from = index + 1;
            }
        }

        return 0;
    }

    private static int Join(string body, ReadOnlySpan<VisibleLine> lines, int start, int end, int firstOffset, Span<char> buffer)
    {
        var length = 0;
        for (var k = start; k <= end; k++)
        {
            if (lines[k].Kind == VisibleLineKind.Blank)
            {
                continue;
            }

            var text = Content(body, lines[k]);
            if (k == start && firstOffset > 0)
            {
                text = lines[k].Text(body)[firstOffset..].Trim();
            }

            if (length > 0)
            {
                if (length >= buffer.Length)
                {
                    return -1;
                }

                buffer[length++] = ' ';
            }

            if (length + text.Length > buffer.Length)
            {
                return -1;
            }

            text.CopyTo(buffer[length..]);
            length += text.Length;
        }

        return length;
    }

    private static ReadOnlySpan<char> Content(string body, VisibleLine line) =>
        line.Kind == VisibleLineKind.Quote ? line.QuotedContent(body) : line.Text(body).Trim();

    private static bool IsCandidateLine(VisibleLine line) => line.Kind == VisibleLineKind.Text && line.Length <= MaxLineLength;

    private static VisibleLineKind NextKind(ReadOnlySpan<VisibleLine> lines, int end)
    {
        for (var k = end + 1; k < lines.Length; k++)
        {
            if (lines[k].Kind != VisibleLineKind.Blank)
            {
                return lines[k].Kind;
            }
        }

        return VisibleLineKind.Blank;
    }

    /// <summary>Cheap filter: could this line be the last line of an attribution?</summary>
    private static bool CouldEnd(ReadOnlySpan<char> tail)
    {
        var t = tail.TrimEnd(" \t-—");
        if (t.IsEmpty)
        {
            return false;
        }

        return t[^1] is ':' or '：' or '>'
            || t.EndsWith("wrote", StringComparison.OrdinalIgnoreCase)
            || t.EndsWith("writes", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether a line can only be the middle or end of a wrapped attribution: an address, a bracket, a colon or the verb.</summary>
    private static bool IsContinuation(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        if (text[0] is '<' or '(' or '[' or ':' or '：' || text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var space = text.IndexOfAny(' ', '\t');
        if ((space < 0 ? text : text[..space]).Contains('@'))
        {
            return true;
        }

        // The verb alone, as the wrapped tail of the attribution ("wrote:", "ha scritto:", "a écrit :").
        foreach (var verb in ContinuationVerbs)
        {
            if (text.StartsWith(verb, StringComparison.OrdinalIgnoreCase) && text[verb.Length..].Trim() is [] or [':'] or ['：'])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a line above a continuation can be the attribution's start (a lead word, a date, an open
    /// bracket) or middle, rather than reply text that happens to precede "&lt;ann@example.org&gt; wrote:".
    /// </summary>
    private static bool CouldBegin(ReadOnlySpan<char> previous) =>
        !previous.IsEmpty
        && (StartsWithLead(previous) || IsContinuation(previous) || previous[^1] is '<' or '(' or '[' || VisibleTextSpans.HasDateEvidence(previous));

    /// <summary>Whether the previous line was cut short inside an attribution ("On Nov 21, 2014," or "Ann &lt;").</summary>
    private static bool ContinuesInto(ReadOnlySpan<char> previous)
    {
        if (previous.IsEmpty)
        {
            return false;
        }

        return previous[^1] is '<' or '(' or '['
            || (previous[^1] == ',' && VisibleTextSpans.HasDateEvidence(previous));
    }

    private static bool StartsWithLead(ReadOnlySpan<char> text)
    {
        var t = text.TrimStart(" \t-—>*");
        if (t.IsEmpty)
        {
            return false;
        }

        if (char.IsAsciiDigit(t[0]))
        {
            return true;
        }

        foreach (var lead in Leads)
        {
            if (t.StartsWith(lead, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A lead word, a date or time first ("2014-03-20 …", "11:00 AM, …"), or a weekday and a comma ("Wednesday, …", "ср, …").</summary>
    /// <remarks>A list number ("1. Lunch at 12:30 …") is not a date.</remarks>
    private static bool StartsLikeDate(ReadOnlySpan<char> text)
    {
        text = text.TrimStart(" \t-—>*");
        foreach (var lead in Leads)
        {
            if (text.StartsWith(lead, StringComparison.Ordinal))
            {
                return true;
            }
        }

        var space = text.IndexOfAny(' ', '\t');
        if (VisibleTextSpans.HasDateEvidence(space < 0 ? text : text[..space]))
        {
            return true;
        }

        var comma = text.IndexOf(',');
        if (comma is < 2 or > 12)
        {
            return false;
        }

        foreach (var c in text[..comma])
        {
            if (!char.IsLetter(c) && c != '.')
            {
                return false;
            }
        }

        return true;
    }

    private static bool EndsWithVerb(ReadOnlySpan<char> core, out int verbStart)
    {
        if (EndsWithVerbWord(core, out verbStart))
        {
            return true;
        }

        // Hungarian Gmail puts the date after the verb: "Ann <ann@example.com> ezt írta (időpont: 2026. nov. 23., H, 20:00):".
        var open = core.LastIndexOf('(');
        return core.Length > 0 && core[^1] == ')' && open > 0 && EndsWithVerbWord(core[..open].TrimEnd(), out verbStart);
    }

    private static bool EndsWithVerbWord(ReadOnlySpan<char> core, out int verbStart)
    {
        foreach (var verb in EndVerbs)
        {
            if (!core.EndsWith(verb, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var start = core.Length - verb.Length;
            if (start == 0 || IsIdeographic(verb[0]) || !char.IsLetter(core[start - 1]))
            {
                verbStart = start;
                return true;
            }
        }

        verbStart = -1;
        return false;
    }

    private static bool HasNamedVerb(ReadOnlySpan<char> core)
    {
        foreach (var verb in NamedVerbs)
        {
            var from = 0;
            while (from < core.Length)
            {
                var index = core[from..].IndexOf(verb, StringComparison.OrdinalIgnoreCase);
                if (index < 0)
                {
                    break;
                }

                index += from;
                var after = index + verb.Length;
                if (VisibleTextSpans.IsWholeWord(core, index, after) && after < core.Length && core[after] == ' ' && core.Length - after <= 100)
                {
                    return true;
                }

                from = after;
            }
        }

        return false;
    }

    private static bool IsIdeographic(char c) => c >= '\u3000';

    private static int CountLeading(ReadOnlySpan<char> text, ReadOnlySpan<char> marks)
    {
        var count = 0;
        while (count < text.Length && marks.Contains(text[count]))
        {
            count++;
        }

        return count;
    }

    private static int CountTrailing(ReadOnlySpan<char> text, ReadOnlySpan<char> marks)
    {
        var count = 0;
        while (count < text.Length && marks.Contains(text[text.Length - 1 - count]))
        {
            count++;
        }

        return count;
    }
}
