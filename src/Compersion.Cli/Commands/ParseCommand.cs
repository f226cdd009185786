using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Compersion.Core.Journal;
using Compersion.Replies;
using MimeKit;

namespace Compersion.Cli.Commands;

/// <summary><c>compersion parse</c>: what the product understands of a reply — visible text, items with signals, kind acts.</summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var text = new Option<bool>("--text") { Description = "Input is a plain-text body (default: a whole RFC 5322 message, .eml)" };
        var visible = new Option<bool>("--visible") { Description = "Print only the visible reply text" };
        var batch = new Option<bool>("--batch") { Description = "JSON Lines in ({\"id\",\"body\"}), JSON Lines out ({\"id\",\"text\"}): visible text of each plain-text body" };
        var command = new Command("parse", "Parse a reply from standard input and print what would be saved, as JSON.") { text, visible, batch };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var input = Console.OpenStandardInput();
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(batch))
            {
                return await BatchAsync(input, output, cancellationToken);
            }

            string visibleText;
            if (parse.GetValue(text))
            {
                using var reader = new StreamReader(input, Encoding.UTF8);
                visibleText = VisibleTextExtractor.Extract(await reader.ReadToEndAsync(cancellationToken));
            }
            else
            {
                using var message = await MimeMessage.LoadAsync(input, cancellationToken);
                visibleText = message.TextBody is { } body
                    ? VisibleTextExtractor.Extract(body)
                    : message.HtmlBody is { } html ? VisibleTextExtractor.ExtractFromHtml(html) : string.Empty;
            }

            if (parse.GetValue(visible))
            {
                await output.WriteLineAsync(visibleText);
                return 0;
            }

            await output.WriteLineAsync(JsonSerializer.Serialize(Understand(visibleText), ParseJsonContext.Default.ParseResult));
            return 0;
        });
        return command;
    }

    /// <summary>The parse result for a visible text.</summary>
    internal static ParseResult Understand(string visibleText)
    {
        var content = ItemSplitter.Split(visibleText);
        return new ParseResult(
            visibleText,
            [.. content.Items.Select(JournalItem.Understand)],
            [.. content.Acts.Select(ParsedAct.From)]);
    }

    internal static async Task<int> BatchAsync(Stream input, TextWriter output, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(input, Encoding.UTF8);
        string? line;
        while ((line = await reader.ReadLineAsync(cancellationToken)) is not null)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            BatchInput? item;
            try
            {
                item = JsonSerializer.Deserialize(line, ParseJsonContext.Default.BatchInput);
            }
            catch (JsonException)
            {
                item = null;
            }

            var result = item is null
                ? new BatchOutput(null, null, "not a JSON object with id and body")
                : new BatchOutput(item.Id, VisibleTextExtractor.Extract(item.Body ?? string.Empty), null);
            await output.WriteLineAsync(JsonSerializer.Serialize(result, ParseJsonContext.Default.BatchOutput));
        }

        return 0;
    }
}

/// <summary>What <c>compersion parse</c> prints.</summary>
/// <param name="Text">The visible reply text.</param>
/// <param name="Items">Gratitudes with their signals.</param>
/// <param name="Acts">Kind acts, classified.</param>
internal sealed record ParseResult(string Text, IReadOnlyList<JournalItem> Items, IReadOnlyList<ParsedAct> Acts);

/// <summary>A kind act as parsed.</summary>
/// <param name="Text">The act as written.</param>
/// <param name="Category">Its category (<c>words</c>, <c>help</c> … or <c>unclassified</c>).</param>
/// <param name="Recipient">Its recipient (<c>partner</c>, <c>stranger</c> … or <c>unclassified</c>).</param>
/// <param name="CategoryReason">The tag or words that decided the category.</param>
/// <param name="RecipientReason">The tag or words that decided the recipient.</param>
internal sealed record ParsedAct(string Text, string Category, string Recipient, string CategoryReason, string RecipientReason)
{
    /// <summary>Classifies an act as ingestion does.</summary>
    public static ParsedAct From(string text)
    {
        var classified = Core.Kindness.ActClassifier.Classify(text);
        return new ParsedAct(
            text,
            Core.Kindness.KindnessNames.Name(classified.Category),
            Core.Kindness.KindnessNames.Name(classified.Recipient),
            classified.CategoryReason,
            classified.RecipientReason);
    }
}

/// <summary>One line of <c>--batch</c> input.</summary>
/// <param name="Id">Caller's id.</param>
/// <param name="Body">A plain-text body.</param>
internal sealed record BatchInput(string? Id, string? Body);

/// <summary>One line of <c>--batch</c> output.</summary>
/// <param name="Id">Caller's id.</param>
/// <param name="Text">The visible text.</param>
/// <param name="Error">Why a line could not be read.</param>
internal sealed record BatchOutput(string? Id, string? Text, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error);

/// <summary>Source-generated JSON for <c>compersion parse</c>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ParseResult))]
[JsonSerializable(typeof(BatchInput))]
[JsonSerializable(typeof(BatchOutput))]
internal sealed partial class ParseJsonContext : JsonSerializerContext;
