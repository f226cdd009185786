using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Compersion.Cli.Inbox;
using Compersion.Core.Export;
using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Compersion.Cli.Tests;

/// <summary>Kind acts through <c>serve</c>: logged by replying with a <c>kindness:</c> line or through the entries API, kept, exported.</summary>
public sealed class KindActsEndToEndTests
{
    private static readonly DateTimeOffset Evening = new(2026, 11, 25, 19, 0, 30, TimeSpan.Zero);

    [Fact]
    public async Task Reply_ItemsAndAKindnessLine_ItemsAndActStoredAndReceiptMentionsTheAct()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = await local.PromptAsync("ida@example.com", Evening);
        var reply = InboundParsePost.Reply(prompt, "1. Coffee with Ana before work\n2. The sunset over the river\nkindness: left flowers on my neighbour's doorstep");

        await local.PostInboundAsync(InboundParsePost.Raw(reply));
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        var export = await local.Host.Services.GetRequiredService<ExportService>().ExportAsync("ida@example.com");
        var day = Assert.Single(export!.Entries);
        Assert.Equal("2026-11-25", day.Date);
        Assert.Equal(["Coffee with Ana before work", "The sunset over the river"], day.Items.Select(i => i.Text));
        Assert.Equal("left flowers on my neighbour's doorstep", Assert.Single(day.Acts).Text);
        var receipt = Assert.Single(Outbox.Read(local.Outbox, "receipt"));
        Assert.Contains("2 gratitudes and 1 kind act", receipt.TextBody, StringComparison.Ordinal);
        Assert.Contains("Don't tell anyone", receipt.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_SamePostTwice_OneAct()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = await local.PromptAsync("rey@example.com", Evening);
        var reply = InboundParsePost.Reply(prompt, "1. Coffee with Ana\nkindness: paid for the coffee of the person behind me");

        await local.PostInboundAsync(InboundParsePost.Raw(reply));
        await local.PostInboundAsync(InboundParsePost.Raw(reply));
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        var export = await local.Host.Services.GetRequiredService<ExportService>().ExportAsync("rey@example.com");
        var day = Assert.Single(export!.Entries);
        Assert.Single(day.Acts);
        Assert.Single(day.Items);
        Assert.Single(Outbox.Read(local.Outbox, "receipt"));
    }

    [Fact]
    public async Task Reply_OnlyAKindnessLine_ActSavedAndKeptSecret()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = await local.PromptAsync("uma@example.com", Evening);

        await local.PostInboundAsync(InboundParsePost.Raw(InboundParsePost.Reply(prompt, "kindness: shovelled the snow off my neighbour's path before she woke")));
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        var export = await local.Host.Services.GetRequiredService<ExportService>().ExportAsync("uma@example.com");
        var day = Assert.Single(export!.Entries);
        Assert.Empty(day.Items);
        Assert.Equal("shovelled the snow off my neighbour's path before she woke", Assert.Single(day.Acts).Text);
        var receipt = Assert.Single(Outbox.Read(local.Outbox, "receipt"));
        Assert.Equal("Re: " + prompt.Subject, receipt.Subject);
        Assert.Contains("1 kind act", receipt.TextBody, StringComparison.Ordinal);
        Assert.Contains("Don't tell anyone", receipt.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("couldn't find", receipt.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntriesApi_PostWithActs_StoredAndListed()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = await local.PromptAsync("eli@example.com", Evening);
        await local.PostInboundAsync(InboundParsePost.Raw(InboundParsePost.Reply(prompt, "TOKEN")));
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var token = TokenFrom(Assert.Single(Outbox.Read(local.Outbox, "command")));

        using var post = Authorized(HttpMethod.Post, "/api/entries", token);
        post.Content = new StringContent("""{"date":"2026-11-24","items":["My friend Lea got the job she wanted"],"acts":["left a thank-you note for the night nurse"]}""", Encoding.UTF8, "application/json");
        var created = await local.Http.SendAsync(post);
        using var get = Authorized(HttpMethod.Get, "/api/entries?from=2026-11-24&to=2026-11-24", token);
        var listed = await local.Http.SendAsync(get);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var createdBody = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        Assert.Equal("left a thank-you note for the night nurse", createdBody.RootElement.GetProperty("acts")[0].GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        using var listedBody = JsonDocument.Parse(await listed.Content.ReadAsStringAsync());
        var day = Assert.Single(listedBody.RootElement.EnumerateArray());
        Assert.Equal("left a thank-you note for the night nurse", day.GetProperty("acts")[0].GetProperty("text").GetString());
        Assert.Equal(1, day.GetProperty("items").GetArrayLength());
        var export = await local.Host.Services.GetRequiredService<ExportService>().ExportAsync("eli@example.com");
        Assert.Equal("left a thank-you note for the night nurse", Assert.Single(Assert.Single(export!.Entries, e => e.Date == "2026-11-24").Acts).Text);
    }



    [Fact]
    public async Task WeeklyDigest_RepliesDuringTheWeek_DigestReflectsThemAndAReplyToItLogsClassifiedActs()
    {
        // Monday 23 November 2026, Berlin; the digest is on Wednesdays at 18:00, the prompt daily at 20:00.
        await using var local = await LocalHostFixture.StartAsync(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
        Assert.True(SignUpRequest.TryCreate("noor@example.com", "Europe/Berlin", "20:00", "wednesday", "18:00", out var request, out _));
        var added = await local.Host.Services.GetRequiredService<SubscriptionService>().AddConfirmedAsync(request!);

        // With us for a while already: a digest comes only after five days.
        await local.Host.Services.GetRequiredService<ISubscriberStore>().UpdateAsync(added.Id, s => s with { ConfirmedAt = s.ConfirmedAt!.Value - NodaTime.Duration.FromDays(10) });
        string[] replies =
        [
            "1. Sam made me laugh at breakfast\n2. Rain on the window\n3. My sister got the job\n4. A quiet lunch\n5. Early night\nkindness: left a thank-you note on my neighbour's car",
            "1. Priya brought me soup\n2. Warm socks\n3. A good book\n4. Sam's terrible puns\n5. The bus was on time",
        ];
        for (var day = 0; day < replies.Length; day++)
        {
            local.Clock.SetTo(new DateTimeOffset(2026, 11, 23 + day, 19, 0, 30, TimeSpan.Zero));
            await local.Host.RunTimerAsync("DispatchDueFunction", CancellationToken.None);
            await local.Host.DrainQueuesAsync(CancellationToken.None);
            var prompt = Outbox.Read(local.Outbox, "prompt")[day];
            await local.PostInboundAsync(InboundParsePost.Raw(InboundParsePost.Reply(prompt, replies[day])));
            await local.Host.DrainQueuesAsync(CancellationToken.None);
        }

        local.Clock.SetTo(new DateTimeOffset(2026, 11, 25, 17, 0, 30, TimeSpan.Zero));
        await local.Host.RunTimerAsync("DispatchDueFunction", CancellationToken.None);
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        var digest = Assert.Single(Outbox.Read(local.Outbox, "digest"));
        Assert.Equal("Your first week of gratitude and kindness — Wednesday, 25 November", digest.Subject);
        var text = digest.TextBody!;
        Assert.Contains("What a start: you wrote on 2 days, and 2 days had a person in them.", text, StringComparison.Ordinal);
        Assert.Contains("Who showed up most: Sam", text, StringComparison.Ordinal);
        Assert.Contains("1 secret act this week: your goal of 1 is met.", text, StringComparison.Ordinal);
        Assert.Contains("  - left a thank-you note on my neighbour's car\n", text, StringComparison.Ordinal);
        Assert.NotNull(digest.Headers["List-Unsubscribe-Post"]);

        await local.PostInboundAsync(InboundParsePost.Raw(InboundParsePost.Reply(digest, "paid for the coffee of the person behind me\ntaught my nephew to tie his shoelaces")));
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        var export = await local.Host.Services.GetRequiredService<ExportService>().ExportAsync("noor@example.com");
        var wednesday = Assert.Single(export!.Entries, entry => entry.Date == "2026-11-25");
        Assert.Empty(wednesday.Items);
        Assert.Equal(
            [("paid for the coffee of the person behind me", "generosity", "stranger"), ("taught my nephew to tie his shoelaces", "skill", "family")],
            wednesday.Acts.Select(act => (act.Text, act.Category, act.Recipient)));
        var receipt = Outbox.Read(local.Outbox, "receipt")[^1];
        Assert.Contains("Kind act: paid for the coffee of the person behind me (generosity for a stranger)", receipt.TextBody, StringComparison.Ordinal);
    }

    private static string TokenFrom(MimeMessage tokenMail) =>
        tokenMail.TextBody!.Split('\n').Select(l => l.Trim()).Single(l => l.Length > 20 && l.Contains('.', StringComparison.Ordinal) && !l.Contains(' ', StringComparison.Ordinal) && !l.StartsWith("http", StringComparison.Ordinal));

    private static HttpRequestMessage Authorized(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
