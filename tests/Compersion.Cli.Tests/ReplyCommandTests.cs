using System.CommandLine;
using Compersion.Cli.Commands;
using Compersion.Cli.Inbox;
using Compersion.Core.Export;
using Compersion.Core.Inbound;
using Compersion.Core.Sending;
using Compersion.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

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

    [Fact]
    public async Task Reply_ToAReceipt_GoesToItsReplyToAndJoinsTheSameDay()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = await local.PromptAsync("rae@example.com", Evening);
        await local.PostInboundAsync(InboundParsePost.Raw(InboundParsePost.Reply(prompt, "1. Dinner with Noor")));
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var receiptFile = Directory.EnumerateFiles(local.Outbox, "*-receipt-*.eml").Single();
        var receipt = await MimeMessage.LoadAsync(receiptFile);

        var exit = await InvokeAsync(["reply", "--mail", receiptFile, "--text", "The first snow", "--url", local.Host.BaseUrl, "--key", local.Host.Keys.FunctionKey], out _);
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.StartsWith("reply+", receipt.ReplyTo.Mailboxes.Single().Address, StringComparison.Ordinal);
        Assert.EndsWith("@" + new MailOptions().InboundDomain, receipt.ReplyTo.Mailboxes.Single().Address, StringComparison.Ordinal);
        var export = await local.Host.Services.GetRequiredService<ExportService>().ExportAsync("rae@example.com");
        var entry = Assert.Single(export!.Entries);
        Assert.Equal(["Dinner with Noor", "The first snow"], entry.Items.Select(i => i.Text).ToArray());
    }

    [Fact]
    public async Task Reply_ToAMailWithoutReplyTo_RefusedAndNothingPosted()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening);
        Assert.True(SignUpRequest.TryCreate("sol@example.com", "Europe/Berlin", "20:00", null, null, out var request, out _));
        await local.Host.Services.GetRequiredService<SubscriptionService>().SignUpAsync(request!);
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var confirmFile = Directory.EnumerateFiles(local.Outbox, "*-confirm-*.eml").Single();
        using var web = new WebClient(local.Host.BaseUrl);

        var exit = await InvokeAsync(["reply", "--mail", confirmFile, "--text", "1. Hello?", "--url", local.Host.BaseUrl, "--key", local.Host.Keys.FunctionKey], out var error);
        var (_, page) = await web.GetAsync("/outbox?mail=" + Uri.EscapeDataString(Path.GetFileName(confirmFile)));

        Assert.Equal(1, exit);
        Assert.Contains("no Reply-To", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("action=\"/outbox/reply\"", page, StringComparison.Ordinal);
        Assert.Contains("receives nothing", page, StringComparison.Ordinal);
        await foreach (var name in local.Host.Services.GetRequiredService<IInboundArchive>().ListSinceAsync(DateOnly.MinValue))
        {
            Assert.Fail("Something was posted to the webhook: " + name);
        }
    }

    [Fact]
    public async Task Outbox_PickupDirectoryConfigured_ShowsTheMailWrittenThere()
    {
        var folder = Path.Combine(Path.GetTempPath(), "compersion-tests", Guid.NewGuid().ToString("N"), "pickup");
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8), settings: new Dictionary<string, string?> { ["Mail:PickupDirectory"] = folder });
        await local.PromptAsync("rae@example.com", Evening);
        var promptFile = Directory.EnumerateFiles(folder, "*-prompt-*.eml").Single();
        using var web = new WebClient(local.Host.BaseUrl);

        var (_, page) = await web.GetAsync("/outbox");

        Assert.Equal(Path.GetFullPath(folder), local.Host.OutboxDirectory);
        Assert.Contains(Uri.EscapeDataString(Path.GetFileName(promptFile)), page, StringComparison.Ordinal);
    }

    private static Task<int> InvokeAsync(string[] args, out StringWriter error)
    {
        var root = new RootCommand { ReplyCommand.Create() };
        error = new StringWriter();
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = new StringWriter(), Error = error });
    }
}
