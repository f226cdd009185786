using System.Buffers;

namespace Compersion.Replies;

/// <summary>Splits a plain-text reply into lines, decides which belong to the visible new text, and joins those back.</summary>
/// <remarks>
/// One pass decides each line in order: quote lines are dropped; an attribution followed by a quote
/// drops itself and lets reply text resume after the quote (inline and bottom replies); an
/// attribution followed by unquoted text, a header block, a separator, a device footer, our own
/// prompt, a disclaimer or a signature delimiter ends the reply. A last pass removes a closing
/// sign-off. Lines live in a pooled array; the only allocation is the returned string.
/// </remarks>
internal static class VisibleTextScanner
{
    private const int MinWrappedQuoteLength = 50;
    private const int MaxLoneQuoteLength = 200;

    /// <summary>The visible new text of <paramref name="body"/>.</summary>
    public static string Extract(string body, InlineQuotes inlineQuotes = InlineQuotes.Omit)
    {
        if (body.Length == 0)
        {
            return string.Empty;
        }

        var span = body.AsSpan();
        var capacity = span.Count('\n') + span.Count('\r') + 1;
        var rented = ArrayPool<VisibleLine>.Shared.Rent(capacity);
        try
        {
            var count = Split(body, rented);
            var lines = rented.AsSpan(0, count);
            Decide(body, lines);
            if (inlineQuotes == InlineQuotes.Keep)
            {
                InlineReply.RestoreContext(body, lines);
            }

            var length = Render(body, lines, []);
            if (length == body.Length)
            {
                // Nothing was removed, not even a trailing space: the body is its own visible text.
                return body;
            }

            return length == 0
                ? string.Empty
                : string.Create(length, (body, rented, count), static (destination, state) => Render(state.body, state.rented.AsSpan(0, state.count), destination));
        }
        finally
        {
            ArrayPool<VisibleLine>.Shared.Return(rented);
        }
    }

    private static int Split(string body, Span<VisibleLine> lines)
    {
        var span = body.AsSpan();
        var count = 0;
        var position = 0;
        while (true)
        {
            var rest = span[position..];
            var end = rest.IndexOfAny('\r', '\n');
            var raw = end < 0 ? rest : rest[..end];
            var text = raw.TrimEnd();
            var kind = text.IsEmpty ? VisibleLineKind.Blank : text.TrimStart()[0] == '>' ? VisibleLineKind.Quote : VisibleLineKind.Text;
            lines[count++] = new VisibleLine
            {
                Start = position,
                Length = text.Length,
                KeepLength = text.Length,
                AttributionEnd = -1,
                Kind = kind,
            };

            if (end < 0)
            {
                return count;
            }

            position += end + 1;
            if (rest[end] == '\r' && position < span.Length && span[position] == '\n')
            {
                position++;
            }
        }
    }

    private static void Decide(string body, Span<VisibleLine> lines)
    {
        QuoteAttribution.Mark(body, lines);
        var afterAttribution = false;
        var keptText = false;
        for (var i = 0; i < lines.Length; i++)
        {
            ref var line = ref lines[i];
            if (line.Kind == VisibleLineKind.Blank)
            {
                continue;
            }

            if (line.Kind == VisibleLineKind.Quote)
            {
                if (!afterAttribution && IsLoneQuote(body, lines, i))
                {
                    keptText = true;
                }
                else
                {
                    line.Dropped = true;
                    line.Quoted = true;
                }

                continue;
            }

            if (line.AttributionEnd >= 0)
            {
                var end = line.AttributionEnd;
                var offset = line.AttributionOffset;
                var next = NextNonBlank(lines, end);
                if (next >= 0 && lines[next].Kind == VisibleLineKind.Quote)
                {
                    for (var k = i; k <= end; k++)
                    {
                        lines[k].Dropped = true;
                        lines[k].Quoted = true;
                    }

                    keptText |= KeepPrefix(body, ref line, offset);
                    afterAttribution = true;
                    i = end;
                    continue;
                }

                Cut(body, lines, i, offset);
                break;
            }

            if (IsWrappedQuote(body, lines, i))
            {
                line.Dropped = true;
                line.Quoted = true;
                continue;
            }

            if (StartsHistory(body, lines, i, keptText))
            {
                Cut(body, lines, i, 0);
                break;
            }

            keptText = true;
        }

        SignatureBlock.DropTrailing(body, lines);
    }

    private static bool StartsHistory(string body, ReadOnlySpan<VisibleLine> lines, int index, bool keptText)
    {
        var text = lines[index].Text(body);
        if (QuoteHeaderBlock.StartsAt(body, lines, index) || QuoteSeparator.IsSeparator(text) || SignatureFooter.IsFooter(text))
        {
            return true;
        }

        // Below this line the rules need reply text above them: a reply can't open with its signature.
        if (!keptText)
        {
            return false;
        }

        return QuotePrompt.IsQuestion(text)
            || SignatureDisclaimer.IsOpening(text, afterBlankLine: lines[index - 1].Kind == VisibleLineKind.Blank)
            || SignatureBlock.StartsAt(body, lines, index);
    }

    /// <summary>Drops everything from line <paramref name="index"/> on, and the rules and blank lines just above it.</summary>
    private static void Cut(string body, Span<VisibleLine> lines, int index, int offset)
    {
        for (var k = index; k < lines.Length; k++)
        {
            lines[k].Dropped = true;
        }

        if (KeepPrefix(body, ref lines[index], offset))
        {
            return;
        }

        for (var k = index - 1; k >= 0; k--)
        {
            if (lines[k].Kind == VisibleLineKind.Blank || lines[k].Dropped)
            {
                continue;
            }

            if (lines[k].Kind != VisibleLineKind.Text || !VisibleTextSpans.IsRule(lines[k].Text(body)))
            {
                return;
            }

            lines[k].Dropped = true;
        }
    }

    /// <summary>Keeps the reply text in front of an attribution that shares its line ("reply On … wrote:").</summary>
    private static bool KeepPrefix(string body, ref VisibleLine line, int offset)
    {
        if (offset <= 0)
        {
            return false;
        }

        var prefix = line.Text(body)[..offset].TrimEnd(" \t-—");
        if (prefix.IsEmpty)
        {
            return false;
        }

        line.Dropped = false;
        line.KeepLength = prefix.Length;
        return true;
    }

    /// <summary>
    /// A single <c>&gt;</c> line between two text lines, with text after its markers, is more likely an
    /// arrow or a "greater than" ("&gt;&gt;&gt; www.example.com &lt;&lt;&lt;") than a quote: it stays.
    /// </summary>
    private static bool IsLoneQuote(string body, ReadOnlySpan<VisibleLine> lines, int index) =>
        index > 0 && index + 1 < lines.Length
        && lines[index - 1].Kind == VisibleLineKind.Text && !lines[index - 1].Dropped
        && lines[index + 1].Kind == VisibleLineKind.Text
        && lines[index].QuotedContent(body).Length is > 0 and <= MaxLoneQuoteLength;

    /// <summary>
    /// An unquoted line squeezed between two quote lines that continues the line above it: a client
    /// re-wrapped a long quoted line ("> … pharetra d" / "ignissim odio?") or broke a link.
    /// </summary>
    private static bool IsWrappedQuote(string body, ReadOnlySpan<VisibleLine> lines, int index)
    {
        if (index == 0 || index + 1 >= lines.Length || lines[index - 1].Kind != VisibleLineKind.Quote || lines[index + 1].Kind != VisibleLineKind.Quote)
        {
            return false;
        }

        var text = lines[index].Text(body).TrimStart();
        if (char.IsUpper(text[0]))
        {
            return false;
        }

        var above = lines[index - 1].QuotedContent(body);
        return above.Length >= MinWrappedQuoteLength
            || above.Count('(') > above.Count(')')
            || above.Count('<') > above.Count('>')
            || text[0] is '(' or '<'
            || text.Contains("http", StringComparison.OrdinalIgnoreCase);
    }

    private static int NextNonBlank(ReadOnlySpan<VisibleLine> lines, int index)
    {
        for (var k = index + 1; k < lines.Length; k++)
        {
            if (lines[k].Kind != VisibleLineKind.Blank)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>Writes the kept lines to <paramref name="destination"/> (or only measures them when it is empty).</summary>
    /// <remarks>Blank lines just below removed text are dropped so that removing a quote leaves no gap; blank lines at either end are trimmed.</remarks>
    private static int Render(string body, ReadOnlySpan<VisibleLine> lines, Span<char> destination)
    {
        var write = !destination.IsEmpty;
        var length = 0;
        var pendingBlanks = 0;
        var afterDropped = false;
        var started = false;
        foreach (ref readonly var line in lines)
        {
            if (line.Dropped)
            {
                afterDropped = true;
                continue;
            }

            if (line.Kind == VisibleLineKind.Blank)
            {
                if (started && !afterDropped)
                {
                    pendingBlanks++;
                }

                continue;
            }

            if (started)
            {
                var breaks = 1 + pendingBlanks;
                if (write)
                {
                    destination.Slice(length, breaks).Fill('\n');
                }

                length += breaks;
            }

            if (write)
            {
                body.AsSpan(line.Start, line.KeepLength).CopyTo(destination[length..]);
            }

            length += line.KeepLength;
            started = true;
            pendingBlanks = 0;
            afterDropped = false;
        }

        return length;
    }
}
