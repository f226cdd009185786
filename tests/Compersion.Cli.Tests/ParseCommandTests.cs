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
}
