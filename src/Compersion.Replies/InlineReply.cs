namespace Compersion.Replies;

/// <summary>Puts back the quoted lines an inline reply answers (<see cref="InlineQuotes.Keep"/>).</summary>
/// <remarks>
/// A reply is inline when a line the writer typed has quoted lines with text both above and below it (a
/// quote, an answer, another quote). Then the quoted lines and attributions the scanner left out are
/// restored from the top down to the first line that starts the quoted message's own history or
/// ends the reply: a quoted signature delimiter (<c>&gt; -- Tim</c>), a quoted attribution
/// (<c>&gt; On … wrote:</c>), a quoted "-Name", rule or separator (<c>&gt; ____</c>), or a line removed for any other reason (a signature, a footer, a
/// separator). Single pass over the lines; no allocation.
/// </remarks>
internal static class InlineReply
{
    public static void RestoreContext(string body, Span<VisibleLine> lines)
    {
        var boundary = Boundary(body, lines);
        if (!IsInline(body, lines, boundary))
        {
            return;
        }

        for (var k = 0; k < boundary; k++)
        {
            ref var line = ref lines[k];
            if (line.Quoted)
            {
                line.Dropped = false;
                line.KeepLength = line.Length;
            }
        }
    }

    /// <summary>The first line that is not the reply or the quotes it answers.</summary>
    private static int Boundary(string body, ReadOnlySpan<VisibleLine> lines)
    {
        for (var k = 0; k < lines.Length; k++)
        {
            var line = lines[k];
            if (line.Dropped && !line.Quoted)
            {
                return k;
            }

            if (line.Kind == VisibleLineKind.Quote && StartsQuotedHistory(line.QuotedContent(body)))
            {
                return k;
            }
        }

        return lines.Length;
    }

    private static bool StartsQuotedHistory(ReadOnlySpan<char> content) =>
        (content.StartsWith("--", StringComparison.Ordinal) && (content.Length == 2 || content[2] == ' '))
        || SignatureBlock.IsDashName(content)
        || VisibleTextSpans.IsRule(content)
        || QuoteSeparator.IsSeparator(content)
        || QuoteAttribution.IsAttribution(content, quoteFollows: true);

    /// <summary>Whether some kept line has left-out quoted lines both above and below it.</summary>
    private static bool IsInline(string body, ReadOnlySpan<VisibleLine> lines, int boundary)
    {
        var quotedAbove = false;
        var textBetween = false;
        for (var k = 0; k < boundary; k++)
        {
            var line = lines[k];
            if (line.Kind == VisibleLineKind.Blank)
            {
                continue;
            }

            if (line.Quoted)
            {
                // An empty "> " line is spacing, not something answered.
                if (line.Kind == VisibleLineKind.Quote && line.QuotedContent(body).IsEmpty)
                {
                    continue;
                }

                if (textBetween)
                {
                    return true;
                }

                quotedAbove = true;
            }
            else if (!line.Dropped && quotedAbove)
            {
                textBetween = true;
            }
        }

        return false;
    }
}
