using System.Net;
using System.Text.Json;
using Compersion.Cli.Commands;
using Compersion.Cli.Inbox;
using Compersion.Core.Export;
using Compersion.Core.Subscribers;
using Microsoft.Extensions.DependencyInjection;

namespace Compersion.Cli.Tests;

public sealed class InboundEndToEndTests
{
    private static readonly DateTimeOffset Evening = new(2026, 11, 25, 19, 0, 30, TimeSpan.Zero);

    [Fact]
    public async Task Reply_ToPrompt_ItemsSavedUnderThePromptDateAndExportable()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = await local.PromptAsync("jo@example.com", Evening);
        var reply = InboundParsePost.Reply(prompt, "1. That Sam brought me lunch even though it was far out of his way\n2. The rain on the window while I read\n3. My sister got the job she wanted\n4. Warm socks\n5. A long call with Mum");

        var response = await local.PostInboundAsync(InboundParsePost.Raw(reply));
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var export = await local.Host.Services.GetRequiredService<ExportService>().ExportAsync("jo@example.com");
        var entry = Assert.Single(export!.Entries);
        Assert.Equal("2026-11-25", entry.Date);
        Assert.Equal(5, entry.Items.Count);
        Assert.StartsWith("That Sam brought me lunch", entry.Items[0].Text, StringComparison.Ordinal);
        Assert.True(entry.Items[0].Social);
        Assert.DoesNotContain(entry.Items, i => i.Text.Contains("grateful for today", StringComparison.Ordinal));
        Assert.Empty(Outbox.Read(local.Outbox, "receipt"));
    }

    [Fact]
    public async Task Reply_SamePostThreeTimes_OneEntry()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = await local.PromptAsync("kai@example.com", Evening);
        var reply = InboundParsePost.Reply(prompt, "1. Coffee with Ana\n2. The sunset");

        for (var i = 0; i < 3; i++)
        {
            await local.PostInboundAsync(InboundParsePost.Raw(reply));
        }

        await local.Host.DrainQueuesAsync(CancellationToken.None);

        var export = await local.Host.Services.GetRequiredService<ExportService>().ExportAsync("kai@example.com");
        Assert.Equal(2, Assert.Single(export!.Entries).Items.Count);
        Assert.Single(Outbox.Read(local.Outbox, "receipt"));
    }

    [Fact]
    public async Task Reply_FewerThanFiveItems_OneKindReceipt()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = await local.PromptAsync("lu@example.com", Evening);

        await local.PostInboundAsync(InboundParsePost.Raw(InboundParsePost.Reply(prompt, "1. Warm socks\n2. Quiet morning")));
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        var receipt = Assert.Single(Outbox.Read(local.Outbox, "receipt"));
        Assert.Equal("lu@example.com", receipt.To.Mailboxes.Single().Address);
        Assert.Contains("2 gratitudes", receipt.TextBody, StringComparison.Ordinal);
        Assert.Contains("person", receipt.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_ForgedFrom_QuarantinedAndNoJournalTouched()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = await local.PromptAsync("mo@example.com", Evening);
        var forged = InboundParsePost.Reply(prompt, "1. I write into someone else's journal", from: "mallory@evil.example");

        var response = await local.PostInboundAsync(InboundParsePost.Raw(forged));
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var export = await local.Host.Services.GetRequiredService<ExportService>().ExportAsync("mo@example.com");
        Assert.Empty(export!.Entries);
        Assert.Empty(Outbox.Read(local.Outbox, "receipt"));
    }

    [Fact]
    public async Task Reply_PauseCommand_PausedAndConfirmed()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = await local.PromptAsync("ny@example.com", Evening);

        await local.PostInboundAsync(InboundParsePost.Raw(InboundParsePost.Reply(prompt, "PAUSE")));
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        var subscriber = await local.Host.Services.GetRequiredService<ISubscriberStore>().FindByEmailAsync("ny@example.com");
        Assert.Equal(SubscriberStatus.Paused, subscriber!.Status);
        Assert.Contains("RESUME", Assert.Single(Outbox.Read(local.Outbox, "command")).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_WithoutFunctionKey_401AndNothingArchived()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening);

        var response = await local.Http.PostAsync("/api/inbound/sendgrid", new StringContent("hello"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await local.Host.DrainQueuesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Webhook_GarbagePost_200AndQuarantined()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening);

        var response = await local.Http.PostAsync($"/api/inbound/sendgrid?code={local.Host.Keys.FunctionKey}", new StringContent("not a form at all"));
        var handled = await local.Host.DrainQueuesAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, handled);
    }

    [Fact]
    public async Task TokenCommand_ThenEntriesApi_PostAndGetThroughTheSameRules()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = await local.PromptAsync("ola@example.com", Evening);
        await local.PostInboundAsync(InboundParsePost.Raw(InboundParsePost.Reply(prompt, "TOKEN")));
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var tokenMail = Assert.Single(Outbox.Read(local.Outbox, "command"));
        var token = tokenMail.TextBody!.Split('\n').Select(l => l.Trim()).Single(l => l.Length > 20 && l.Contains('.', StringComparison.Ordinal) && !l.Contains(' ', StringComparison.Ordinal) && !l.StartsWith("http", StringComparison.Ordinal));

        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/entries") { Content = new StringContent("{\"date\":\"2026-11-24\",\"items\":[\"My friend Lea got the job she wanted\",\"health\"]}", System.Text.Encoding.UTF8, "application/json") };
        post.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var created = await local.Http.SendAsync(post);
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/entries?from=2026-11-24&to=2026-11-24");
        get.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var listed = await local.Http.SendAsync(get);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/entries");
        wrong.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token[..^1] + (token[^1] == 'a' ? 'b' : 'a'));
        var refused = await local.Http.SendAsync(wrong);
        using var malformed = new HttpRequestMessage(HttpMethod.Post, "/api/entries") { Content = new StringContent("{\"items\": [1, 2]}", System.Text.Encoding.UTF8, "application/json") };
        malformed.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var bad = await local.Http.SendAsync(malformed);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        using var body = JsonDocument.Parse(await listed.Content.ReadAsStringAsync());
        var items = body.RootElement[0].GetProperty("items");
        Assert.Equal("2026-11-24", body.RootElement[0].GetProperty("date").GetString());
        Assert.True(items[0].GetProperty("compersion").GetBoolean());
        Assert.True(items[1].GetProperty("vague").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("string", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PlainTextReply_ItemsWithSignals()
    {
        var result = ParseCommand.Understand("1. My partner had a wonderful date and came home glowing\n2. health\nkindness: left a note for my neighbour");

        Assert.Equal(2, result.Items.Count);
        Assert.True(result.Items[0].Compersion);
        Assert.True(result.Items[1].Vague);
        Assert.Equal("left a note for my neighbour", Assert.Single(result.Acts).Text);
    }

    [Fact]
    public async Task Stop_AnsweredWithTheWayBack_ThenResumeByReplyingToIt_ActiveAgain()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = await local.PromptAsync("kit@example.com", Evening);
        await local.PostInboundAsync(InboundParsePost.Raw(InboundParsePost.Reply(prompt, "STOP")));
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var stopAnswer = Outbox.Read(local.Outbox, "command").Single();

        await local.PostInboundAsync(InboundParsePost.Raw(InboundParsePost.Reply(stopAnswer, "1. Soup with Ana")));
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        await local.PostInboundAsync(InboundParsePost.Raw(InboundParsePost.Reply(stopAnswer, "RESUME")));
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        Assert.Contains("No more emails will come", stopAnswer.TextBody, StringComparison.Ordinal);
        Assert.Contains("reply RESUME", stopAnswer.TextBody, StringComparison.Ordinal);
        Assert.Contains("/api/signup", stopAnswer.TextBody, StringComparison.Ordinal);
        Assert.Contains("/api/settings?token=", stopAnswer.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("HELP", stopAnswer.TextBody, StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Active, (await local.Host.Services.GetRequiredService<ISubscriberStore>().FindByEmailAsync("kit@example.com"))!.Status);
        // Both answers carry the same (virtual) minute in their file names, so pick the RESUME answer by what it is, not by order.
        Assert.Contains("back on", Outbox.Read(local.Outbox, "command").Single(mail => mail.MessageId != stopAnswer.MessageId).TextBody, StringComparison.Ordinal);
        Assert.Equal(2, Outbox.Read(local.Outbox, "command").Count);
        Assert.Empty((await local.Host.Services.GetRequiredService<ExportService>().ExportAsync("kit@example.com"))!.Entries);
    }

    [Fact]
    public async Task Reply_ThreeThenTwoMoreThenOne_ReceiptsJudgeTheMergedDayAndAreThreaded()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = await local.PromptAsync("lu@example.com", Evening);
        var first = InboundParsePost.Reply(prompt, "1. Warm socks\n2. The rain\n3. A quiet bus");

        await local.PostInboundAsync(InboundParsePost.Raw(first));
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var receipt = Assert.Single(Outbox.Read(local.Outbox, "receipt"));
        await local.PostInboundAsync(InboundParsePost.Raw(InboundParsePost.Reply(receipt, "Soup with my friend Ana\nThe first snow")));
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        await local.PostInboundAsync(InboundParsePost.Raw(InboundParsePost.Reply(prompt, "1. A long call with Mum")));
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        Assert.Contains("they'll join today's 3", receipt.TextBody, StringComparison.Ordinal);
        Assert.Equal("Re: " + prompt.Subject, receipt.Subject);
        Assert.Equal(first.MessageId, receipt.InReplyTo);
        Assert.Equal([first.MessageId!], receipt.References);
        Assert.Single(Outbox.Read(local.Outbox, "receipt"));
        var entry = Assert.Single((await local.Host.Services.GetRequiredService<ExportService>().ExportAsync("lu@example.com"))!.Entries);
        Assert.Equal(6, entry.Items.Count);
    }
}
