using System.Text;
using System.Text.Json;
using Compersion.Cli.Commands;

namespace Compersion.Cli.Tests;

public sealed class ParseCommandTests
{
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
}
