namespace Compersion.Replies;

/// <summary>Which body of a mail a reply's text was read from.</summary>
public enum TextSource
{
    /// <summary>The text/plain body (hard-wrapped lines may be joined back together).</summary>
    PlainText,

    /// <summary>The text/html body, converted to text: its blocks and line breaks are the writer's own.</summary>
    Html,
}
