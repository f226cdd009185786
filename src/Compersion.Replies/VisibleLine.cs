namespace Compersion.Replies;

/// <summary>One line of a reply body, as offsets into the body, and what the extractor decided about it.</summary>
/// <remarks>
/// A mutable struct kept in a pooled array: extraction allocates nothing per line.
/// <see cref="Length"/> excludes the line break and trailing whitespace.
/// </remarks>
internal struct VisibleLine
{
    /// <summary>Index of the line's first character in the body.</summary>
    public int Start;

    /// <summary>Characters in the line, without the line break and trailing whitespace.</summary>
    public int Length;

    /// <summary>Characters kept when the line is cut part-way (a reply sharing its line with an attribution); otherwise <see cref="Length"/>.</summary>
    public int KeepLength;

    /// <summary>Index of the last line of the attribution that starts on this line, or -1.</summary>
    public int AttributionEnd;

    /// <summary>Where, inside this line, the attribution starting here begins (0 unless it shares the line with reply text).</summary>
    public int AttributionOffset;

    /// <summary>Blank, text or quote.</summary>
    public VisibleLineKind Kind;

    /// <summary>Whether the line is left out of the visible text.</summary>
    public bool Dropped;

    /// <summary>Whether the line was left out as quoted history: a <c>&gt;</c> line, an attribution above one, or a quoted line a client re-wrapped.</summary>
    public bool Quoted;

    /// <summary>The line's text (trailing whitespace excluded).</summary>
    public readonly ReadOnlySpan<char> Text(string body) => body.AsSpan(Start, Length);

    /// <summary>The text after the quote markers (<c>&gt;</c>, <c>&gt; &gt;</c>, …) and the spaces around them.</summary>
    public readonly ReadOnlySpan<char> QuotedContent(string body)
    {
        var text = Text(body);
        var i = 0;
        while (i < text.Length && (text[i] == '>' || char.IsWhiteSpace(text[i])))
        {
            i++;
        }

        return text[i..];
    }
}
