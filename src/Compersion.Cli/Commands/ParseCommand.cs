using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Compersion.Core.Inbound;
using Compersion.Core.Journal;
using Compersion.Email;
using Compersion.Replies;

namespace Compersion.Cli.Commands;

/// <summary><c>compersion parse</c>: what the product understands of a reply — visible text, items with signals, kind acts.</summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var text = new Option<bool>("--text") { Description = "Input is a plain-text body (default: a whole RFC 5322 message, .eml)" };
        var visible = new Option<bool>("--visible") { Description = "Print only the visible reply text" };
        var batch = new Option<bool>("--batch") { Description = "JSON Lines in ({\"id\",\"body\"}), JSON Lines out ({\"id\",\"text\"}): visible text of each plain-text body, inline replies with the quotes they answer (the public corpus's convention)" };
        var command = new Command("parse", "Parse a reply from standard input and print what would be saved, as JSON.") { text, visible, batch };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var input = Console.OpenStandardInput();
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(batch))
            {
                if (!ReferenceEquals(output, Console.Out))
                {
                    return await BatchAsync(input, output, cancellationToken);
                }

                // UTF-8 straight to standard output, one write per 64 KB rather than per line.
                await using var buffered = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
                return await BatchAsync(input, buffered, cancellationToken);
            }

            var (reply, problem) = await ReadVisibleAsync(input, parse.GetValue(text), cancellationToken);
            if (reply is null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"Not a readable message ({problem}): give a whole .eml, or --text for a plain-text body.");
                return 2;
            }

            if (parse.GetValue(visible))
            {
                await output.WriteLineAsync(reply.Text);
                return 0;
            }

            await output.WriteLineAsync(JsonSerializer.Serialize(ParseResult.From(ReplyReading.Read(reply)), ParseJsonContext.Default.ParseResult));
            return 0;
        });
        return command;
    }

    /// <summary>Reads a reply as ingestion does: an .eml through the Inbound Parse reader's MIME decoding, or a plain-text body.</summary>
    internal static async Task<(ReplyReading? Reading, string? Problem)> ReadAsync(Stream input, bool plainText, CancellationToken cancellationToken)
    {
        var (reply, problem) = await ReadVisibleAsync(input, plainText, cancellationToken);
        return (reply is null ? null : ReplyReading.Read(reply), problem);
    }

    // The visible text alone, for --visible, which prints no items.
    private static async Task<(VisibleReply? Reply, string? Problem)> ReadVisibleAsync(Stream input, bool plainText, CancellationToken cancellationToken)
    {
        if (plainText)
        {
            using var reader = new StreamReader(input, Encoding.UTF8);
            return (VisibleReply.Read(await reader.ReadToEndAsync(cancellationToken), null), null);
        }

        return InboundParseReader.TryReadMessage(input, out var mail, out var problem) && mail is not null
            ? (VisibleReply.Read(mail.Text, mail.Html, mail.From), null)
            : (null, problem);
    }

    /// <summary>The parse result for a plain-text visible text.</summary>
    internal static ParseResult Understand(string visibleText) =>
        ParseResult.From(ReplyReading.Read(new VisibleReply(visibleText, TextSource.PlainText)));

    /// <summary>Lines read before a chunk is processed: enough to keep every core busy, few enough to keep memory flat.</summary>
    private const int BatchChunk = 1024;

    /// <summary><c>--batch</c> to a text writer (tests, redirected output): the bytes <see cref="BatchAsync(Stream, Stream, CancellationToken)"/> writes, as text.</summary>
    internal static async Task<int> BatchAsync(Stream input, TextWriter output, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var exit = await BatchAsync(input, buffer, cancellationToken);
        await output.WriteAsync(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        await output.FlushAsync(cancellationToken);
        return exit;
    }

    /// <summary>
    /// <c>--batch</c>: JSON Lines in, JSON Lines out, in input order, UTF-8 bytes end to end (no line is decoded to a string
    /// and encoded back: the source-generated serializer reads and writes UTF-8). Lines are read a chunk at a time, the chunk
    /// is understood on every core (each line is independent), then written in order.
    /// </summary>
    internal static async Task<int> BatchAsync(Stream input, Stream output, CancellationToken cancellationToken)
    {
        var lines = new List<byte[]>(BatchChunk);
        var results = new byte[BatchChunk][];
        var pending = new byte[1 << 16];
        var filled = 0;
        var start = 0;
        var ended = false;
        var first = true;
        while (!ended || start < filled)
        {
            // Collect up to a chunk of complete lines, reading more input as needed.
            lines.Clear();
            while (lines.Count < BatchChunk)
            {
                var newline = Array.IndexOf(pending, (byte)'\n', start, filled - start);
                if (newline >= 0 || (ended && start < filled))
                {
                    var end = newline >= 0 ? newline : filled;
                    var line = pending.AsSpan(start, end - start);
                    if (first && line.StartsWith("\uFEFF"u8))
                    {
                        line = line[3..];
                    }

                    first = false;
                    if (!IsBlank(line))
                    {
                        lines.Add(line.ToArray());
                    }

                    start = end + (newline >= 0 ? 1 : 0);
                    continue;
                }

                if (ended)
                {
                    break;
                }

                // Keep the partial line at the front, growing the buffer when one line fills it.
                if (start > 0)
                {
                    Buffer.BlockCopy(pending, start, pending, 0, filled - start);
                    filled -= start;
                    start = 0;
                }
                else if (filled == pending.Length)
                {
                    Array.Resize(ref pending, pending.Length * 2);
                }

                var read = await input.ReadAsync(pending.AsMemory(filled), cancellationToken);
                ended = read == 0;
                filled += read;
            }

            Parallel.For(0, lines.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => results[i] = BatchLine(lines[i]));
            for (var i = 0; i < lines.Count; i++)
            {
                await output.WriteAsync(results[i], cancellationToken);
                output.WriteByte((byte)'\n');
            }
        }

        await output.FlushAsync(cancellationToken);
        return 0;
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t\r"u8) < 0;

    private static byte[] BatchLine(byte[] line)
    {
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
            : new BatchOutput(item.Id, VisibleTextExtractor.Extract(item.Body ?? string.Empty, InlineQuotes.Keep), null);
        return JsonSerializer.SerializeToUtf8Bytes(result, ParseJsonContext.Default.BatchOutput);
    }
}

/// <summary>What <c>compersion parse</c> prints.</summary>
/// <param name="Text">The visible reply text.</param>
/// <param name="Items">Gratitudes with their signals.</param>
/// <param name="Acts">Kind acts, classified.</param>
internal sealed record ParseResult(string Text, IReadOnlyList<JournalItem> Items, IReadOnlyList<ParsedAct> Acts)
{
    /// <summary>What ingestion would save, as parse prints it.</summary>
    public static ParseResult From(ReplyReading reading) =>
        new(reading.Visible.Text, reading.Items, [.. reading.Acts.Select(act => ParsedAct.From(act.Text))]);
}

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
