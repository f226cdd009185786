using System.CommandLine;
using Compersion.Cli.Commands;
using Compersion.Core.Export;
using Microsoft.Extensions.DependencyInjection;

namespace Compersion.Cli.Tests;

public sealed class ReplyCommandTests
{
    private static readonly DateTimeOffset Evening = new(2026, 11, 25, 19, 0, 30, TimeSpan.Zero);

    [Fact]
    public async Task Reply_ToAPromptInTheOutbox_PostedAsSendGridWouldAndJournaled()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        await local.PromptAsync("rae@example.com", Evening);
        var promptFile = Directory.EnumerateFiles(local.Outbox, "*-prompt-*.eml").Single();
        var output = new StringWriter();
        var root = new RootCommand { ReplyCommand.Create() };

        var exit = await root.Parse(["reply", "--mail", promptFile, "--text", "1. Dinner with Noor\\n2. The first snow", "--url", local.Host.BaseUrl, "--key", local.Host.Keys.FunctionKey])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = new StringWriter() });
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Contains("200", output.ToString(), StringComparison.Ordinal);
        var export = await local.Host.Services.GetRequiredService<ExportService>().ExportAsync("rae@example.com");
        var entry = Assert.Single(export!.Entries);
        Assert.Equal(["Dinner with Noor", "The first snow"], entry.Items.Select(i => i.Text).ToArray());
    }
}
