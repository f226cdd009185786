using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Compersion.Core.Common;
using Fluid;
using Fluid.Ast;

namespace Compersion.Core.Mail;

/// <summary>
/// The words of the short notes (command answers and the like), one Liquid template each in <c>Mail/Notes</c>, rendered
/// to the subject and the <see cref="NoteBlock"/>s that <see cref="NoteComposer"/> then lays out as text and HTML.
/// </summary>
/// <remarks>
/// <para>A note template writes nothing itself: its tags build the note. <c>{% subject %}…{% endsubject %}</c> is the
/// subject; <c>{% paragraph %}…{% endparagraph %}</c> a paragraph; <c>{% link url %}label{% endlink %}</c> a link;
/// <c>{% code value %}</c> a code to copy; <c>{% list %}</c> or <c>{% numbered %}</c> with <c>{% item %}…{% enditem %}</c>
/// inside a list; <c>{% terms value %}</c> a list of <see cref="NoteTerm"/>s. A block's text is trimmed, and a line break
/// inside it reads as a space, so long sentences may wrap in the template.</para>
/// <para>Values are plain text (the HTML layout escapes them) and strict: a variable the template reads that the caller
/// did not give fails the render, as does text outside a block or a note without a subject.</para>
/// </remarks>
internal static class NoteTemplates
{
    private const string Building = "compersion.note";

    private static readonly LiquidTemplates Templates = new(
        typeof(NoteTemplates).Assembly,
        "Compersion.Core.Mail.Notes.",
        [typeof(NoteTerm)],
        CreateParser());

    /// <summary>Renders the note template <paramref name="name"/> with these values.</summary>
    /// <param name="name">The template's file name without <c>.liquid</c>, e.g. <c>paused</c>.</param>
    /// <param name="values">The variables it reads, by snake_case name: strings, numbers, booleans, lists.</param>
    /// <returns>The note's subject and blocks.</returns>
    public static RenderedNote Render(string name, params (string Name, object Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var note = new NoteBuilder();
        var output = Templates.RenderText(
            name,
            values.ToDictionary(value => value.Name, value => value.Value, StringComparer.Ordinal),
            new Dictionary<string, object>(StringComparer.Ordinal) { [Building] = note });
        if (!string.IsNullOrWhiteSpace(output))
        {
            throw new InvalidOperationException($"Note template '{name}' writes text outside a block.");
        }

        return note.Subject is { Length: > 0 } subject
            ? new RenderedNote(subject, note.Blocks)
            : throw new InvalidOperationException($"Note template '{name}' has no subject.");
    }

    private static FluidParser CreateParser()
    {
        var parser = new FluidParser();
        parser.RegisterEmptyBlock("subject", static async (statements, _, encoder, context) =>
        {
            Note(context).Subject = await InnerAsync(statements, encoder, context);
            return Completion.Normal;
        });
        parser.RegisterEmptyBlock("paragraph", static async (statements, _, encoder, context) =>
        {
            Note(context).Blocks.Add(NoteBlock.Paragraph(await InnerAsync(statements, encoder, context)));
            return Completion.Normal;
        });
        parser.RegisterExpressionBlock("link", static async (url, statements, _, encoder, context) =>
        {
            var address = (await url.EvaluateAsync(context)).ToStringValue();
            Note(context).Blocks.Add(NoteBlock.Link(await InnerAsync(statements, encoder, context), address));
            return Completion.Normal;
        });
        parser.RegisterExpressionTag("code", static async (value, _, _, context) =>
        {
            Note(context).Blocks.Add(NoteBlock.Code((await value.EvaluateAsync(context)).ToStringValue()));
            return Completion.Normal;
        });
        parser.RegisterExpressionTag("terms", static async (value, _, _, context) =>
        {
            var terms = (await value.EvaluateAsync(context)).Enumerate(context).Select(term => (NoteTerm)term.ToObjectValue()).ToList();
            Note(context).Blocks.Add(NoteBlock.Definitions(terms));
            return Completion.Normal;
        });
        parser.RegisterEmptyBlock("list", static (statements, _, encoder, context) => ListAsync(statements, encoder, context, NoteBlock.List));
        parser.RegisterEmptyBlock("numbered", static (statements, _, encoder, context) => ListAsync(statements, encoder, context, NoteBlock.Numbered));
        parser.RegisterEmptyBlock("item", static async (statements, _, encoder, context) =>
        {
            var items = Note(context).Items ?? throw new InvalidOperationException("An item is outside a list.");
            items.Add(await InnerAsync(statements, encoder, context));
            return Completion.Normal;
        });
        return parser;
    }

    private static async ValueTask<Completion> ListAsync(
        IReadOnlyList<Statement> statements, TextEncoder encoder, TemplateContext context, Func<IReadOnlyList<string>, NoteBlock> block)
    {
        var note = Note(context);
        var outer = note.Items;
        note.Items = [];
        var rest = await InnerAsync(statements, encoder, context);
        if (rest.Length > 0)
        {
            throw new InvalidOperationException("A list holds only items.");
        }

        note.Blocks.Add(block(note.Items));
        note.Items = outer;
        return Completion.Normal;
    }

    private static NoteBuilder Note(TemplateContext context) => (NoteBuilder)context.AmbientValues[Building];

    private static async ValueTask<string> InnerAsync(IReadOnlyList<Statement> statements, TextEncoder encoder, TemplateContext context)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        foreach (var statement in statements)
        {
            await statement.WriteToAsync(writer, encoder, context);
        }

        return OneLine(writer.ToString());
    }

    // A line break in the template (with the indentation around it) reads as one space; the ends are trimmed.
    private static string OneLine(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return lines.Length == 1 ? lines[0] : new StringBuilder().AppendJoin(' ', lines).ToString();
    }

    private sealed class NoteBuilder
    {
        public string? Subject { get; set; }

        public List<NoteBlock> Blocks { get; } = [];

        public List<string>? Items { get; set; }
    }
}
