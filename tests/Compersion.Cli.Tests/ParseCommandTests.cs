using System.Text;
using System.Text.Json;
using Compersion.Cli.Commands;

namespace Compersion.Cli.Tests;

public sealed class ParseCommandTests
{
    static ParseCommandTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task Batch_JsonLines_VisibleTextPerIdInOrder()
    {
        var input = new MemoryStream(Encoding.UTF8.GetBytes(
            "{\"id\":\"a\",\"body\":\"Thanks, will do.\\n\\nOn Tue, Nov 24, 2026 at 9:00 AM Ana <ana@example.com> wrote:\\n> Can you send it?\"}\n" +
            "not json\n" +
            "{\"id\":\"b\",\"body\":\"1. Rain\\n2. Sam\\n\\nSent from my iPhone\"}\n"));
        var output = new StringWriter();

        var exit = await ParseCommand.BatchAsync(input, output, CancellationToken.None);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, exit);
        Assert.Equal(3, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        using var second = JsonDocument.Parse(lines[1]);
        using var third = JsonDocument.Parse(lines[2]);
        Assert.Equal("a", first.RootElement.GetProperty("id").GetString());
        Assert.Equal("Thanks, will do.", first.RootElement.GetProperty("text").GetString());
        Assert.True(second.RootElement.TryGetProperty("error", out _));
        Assert.Equal("1. Rain\n2. Sam", third.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Batch_BomCrlfALineLongerThanTheReadBufferAndNoFinalNewline_EveryLineAnsweredInOrder()
    {
        var longBody = string.Concat(Enumerable.Repeat("Tea with Ana. ", 20_000)); // 280 kB, past the 64 kB read buffer
        var text = "\uFEFF{\"id\":\"a\",\"body\":\"Rain\"}\r\n\r\n" +
            "{\"id\":\"long\",\"body\":\"" + longBody + "\"}\r\n" +
            "{\"id\":\"c\",\"body\":\"Soup\\n\\nOn Tue, Nov 24, 2026 at 9:00 AM Ana <ana@example.com> wrote:\\n> q\"}";
        var input = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var output = new MemoryStream();

        var exit = await ParseCommand.BatchAsync(input, output, CancellationToken.None);

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, exit);
        Assert.Equal(["a", "long", "c"], lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()));
        Assert.Equal(longBody.TrimEnd(), JsonDocument.Parse(lines[1]).RootElement.GetProperty("text").GetString());
        Assert.Equal("Soup", JsonDocument.Parse(lines[2]).RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public void Understand_ReplyWithKindnessLines_ClassifiesEachActWithItsReasons()
    {
        var result = ParseCommand.Understand("1. Sam made pancakes\nkindness: paid for the coffee of the person behind me\nkindness: did something nice #help");

        var json = JsonSerializer.Serialize(result, ParseJsonContext.Default.ParseResult);

        using var document = JsonDocument.Parse(json);
        var acts = document.RootElement.GetProperty("acts");
        Assert.Equal(2, acts.GetArrayLength());
        Assert.Equal("generosity", acts[0].GetProperty("category").GetString());
        Assert.Equal("stranger", acts[0].GetProperty("recipient").GetString());
        Assert.Equal("the person behind me", acts[0].GetProperty("recipientReason").GetString());
        Assert.Equal("help", acts[1].GetProperty("category").GetString());
        Assert.Equal("tag #help", acts[1].GetProperty("categoryReason").GetString());
        Assert.Equal("unclassified", acts[1].GetProperty("recipient").GetString());
        Assert.True(document.RootElement.GetProperty("items")[0].GetProperty("social").GetBoolean());
    }

    [Fact]
    public async Task ReadAsync_HtmlOnlyOutlookEmlInWindows1252_OneItemPerParagraphWithCurlyQuotesKept()
    {
        var html = "<html><body><p class=MsoNormal>the way the light came through the kitchen window this morning and</p>" +
                   "<p class=MsoNormal>my sister calling to say \u201Cwell done\u201D about my new job downtown</p></body></html>";
        var eml = "From: Jo <jo@example.com>\r\nTo: reply+abc@reply.example.org\r\nSubject: Re: Five good things\r\n" +
                  "Message-ID: <a1@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=windows-1252\r\n\r\n" + html + "\r\n";
        using var input = new MemoryStream(Encoding.GetEncoding("windows-1252").GetBytes(eml));

        var (reading, problem) = await ParseCommand.ReadAsync(input, plainText: false, CancellationToken.None);

        Assert.Null(problem);
        Assert.Equal(
            ["the way the light came through the kitchen window this morning and", "my sister calling to say \u201Cwell done\u201D about my new job downtown"],
            reading!.Items.Select(item => item.Text));
    }

    [Fact]
    public async Task ReadAsync_NotAMessage_ProblemAndNoReading()
    {
        using var input = new MemoryStream([0x00, 0x01]);

        var (reading, problem) = await ParseCommand.ReadAsync(input, plainText: false, CancellationToken.None);

        Assert.Null(reading);
        Assert.Equal("malformed-mime", problem);
    }
}
