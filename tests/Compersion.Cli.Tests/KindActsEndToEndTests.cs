using Compersion.Cli.Inbox;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Compersion.Core.Export;
using Compersion.Core.Subscribers;
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
        Assert.Contains("kind act", receipt.Subject, StringComparison.Ordinal);
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



    private static string TokenFrom(MimeMessage tokenMail) =>
        tokenMail.TextBody!.Split('\n').Select(l => l.Trim()).Single(l => l.Length > 20 && l.Contains('.', StringComparison.Ordinal) && !l.Contains(' ', StringComparison.Ordinal));

    private static HttpRequestMessage Authorized(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
