namespace Compersion.Replies;

/// <summary>The visible new text of a reply mail, and which of its bodies it was read from.</summary>
/// <param name="Text">What the subscriber wrote: quotes, signatures, footers and disclaimers removed.</param>
/// <param name="Source">The body it came from, which decides how its lines are split into items.</param>
public sealed record VisibleReply(string Text, TextSource Source)
{
    /// <summary>Reads a reply from its bodies, as a mail client sent them: the plain-text body when it has any text, else the HTML.</summary>
    /// <param name="plainText">The text/plain body (format=flowed already decoded), or null.</param>
    /// <param name="html">The text/html body, or null.</param>
    public static VisibleReply Read(string? plainText, string? html)
    {
        if (!string.IsNullOrWhiteSpace(plainText))
        {
            return new VisibleReply(VisibleTextExtractor.Extract(plainText), TextSource.PlainText);
        }

        return string.IsNullOrWhiteSpace(html)
            ? new VisibleReply(string.Empty, TextSource.PlainText)
            : new VisibleReply(VisibleTextExtractor.ExtractFromHtml(html), TextSource.Html);
    }

    /// <summary>The sender's address, when known: a last line that is only their own name ("Dana" from <c>dana@example.com</c>) signs the reply.</summary>
    public string? Writer { get; init; }

    /// <summary>Reads a reply from its bodies, and remembers who sent it (see <see cref="Writer"/>).</summary>
    /// <param name="plainText">The text/plain body (format=flowed already decoded), or null.</param>
    /// <param name="html">The text/html body, or null.</param>
    /// <param name="writer">The sender's address, or null.</param>
    public static VisibleReply Read(string? plainText, string? html, string? writer) => Read(plainText, html) with { Writer = writer };

    /// <summary>The gratitude items and kind acts of the reply (<see cref="ItemSplitter"/>).</summary>
    public ReplyContent Split() => ItemSplitter.Split(Text, Source, Writer);
}
