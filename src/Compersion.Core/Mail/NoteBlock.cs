namespace Compersion.Core.Mail;

/// <summary>One block of a short note (receipt, command answer, help, farewell): a paragraph, a list, a link or a code.</summary>
/// <remarks>
/// Notes keep their line structure in both renderings: a list is a list in plain text and in HTML, a link is a link that
/// wraps on a phone, a token is a code that wraps. All text is plain; the HTML template escapes it.
/// Build blocks with the static factories.
/// </remarks>
/// <param name="Kind">What it is: <c>paragraph</c>, <c>list</c>, <c>numbered</c>, <c>terms</c>, <c>link</c> or <c>code</c>.</param>
/// <param name="Text">The paragraph, the link's label, or the code.</param>
/// <param name="Items">The items of a list (empty otherwise).</param>
/// <param name="Terms">The term and meaning pairs of a <c>terms</c> block (empty otherwise).</param>
/// <param name="Url">The link's address (empty otherwise).</param>
public sealed record NoteBlock(string Kind, string Text, IReadOnlyList<string> Items, IReadOnlyList<NoteTerm> Terms, string Url)
{
    /// <summary>A paragraph of plain text.</summary>
    public static NoteBlock Paragraph(string text) => new("paragraph", Checked(text), [], [], string.Empty);

    /// <summary>A bulleted list.</summary>
    public static NoteBlock List(IReadOnlyList<string> items) => new("list", string.Empty, Checked(items), [], string.Empty);

    /// <summary>A numbered list (what was saved, as written).</summary>
    public static NoteBlock Numbered(IReadOnlyList<string> items) => new("numbered", string.Empty, Checked(items), [], string.Empty);

    /// <summary>A list of terms with their meaning (the commands of HELP).</summary>
    public static NoteBlock Definitions(IReadOnlyList<NoteTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return new("terms", string.Empty, [], terms, string.Empty);
    }

    /// <summary>A link on a line of its own; the label is shown in HTML, the address in plain text.</summary>
    public static NoteBlock Link(string label, string url) => new("link", Checked(label), [], [], Checked(url));

    /// <summary>A code to copy (a token), shown on a line of its own and allowed to wrap anywhere.</summary>
    public static NoteBlock Code(string code) => new("code", Checked(code), [], [], string.Empty);

    private static string Checked(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value;
    }

    private static IReadOnlyList<string> Checked(IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items;
    }
}
