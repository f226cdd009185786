using Compersion.Cli.Inbox;
using Compersion.Core.Export;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Compersion.Cli.Tests;

/// <summary>Addresses by mail through <c>serve</c> over Azurite: a second one added, confirmed at that address, read, and removed; the registered one changed, and the change undone from the old address.</summary>
public sealed class SecondAddressEndToEndTests
{
    // Wednesday 25 November 2026; Berlin is UTC+1, so a 20:00 prompt is due at 19:00 UTC.
    private static readonly DateTimeOffset Noon = new(2026, 11, 25, 11, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Evening = new(2026, 11, 25, 19, 0, 30, TimeSpan.Zero);

    [Fact]
    public async Task AddAddress_ConfirmedAtTheWorkAddress_RepliesFromItLandUntilRemoved()
    {
        await using var local = await LocalHostFixture.StartAsync(Noon);
        var prompt = await local.PromptAsync("uma@example.com", Evening);

        await ReplyAsync(local, prompt, "1. Before it was added: tea with Jo", from: "uma@work.example");
        var told = Assert.Single(Outbox.Read(local.Outbox, "unknown-sender"));
        await ReplyAsync(local, prompt, "ADD ADDRESS uma@work.example");
        var link = Assert.Single(Outbox.Read(local.Outbox, "address"));
        await ReplyAsync(local, prompt, "1. Still waiting for the link: lunch with Ines", from: "uma@work.example");
        using var workInbox = new WebClient(local.Host.BaseUrl);
        var (pageStatus, page) = await workInbox.GetAsync(Outbox.Link(link, "/api/address/confirm"));
        var afterGet = await ExportAsync(local);
        var confirmed = await workInbox.PostAsync("/api/address/confirm", ("token", WebClient.Field(page, "token")), ("form_token", WebClient.Field(page, "form_token")));
        await ReplyAsync(local, prompt, "1. From work: Sam brought me coffee", from: "uma@work.example");
        var whileAdded = await ExportAsync(local);
        await ReplyAsync(local, prompt, "REMOVE ADDRESS uma@work.example");
        await ReplyAsync(local, prompt, "1. After removing it: a walk with Lee", from: "uma@work.example");
        var afterRemove = await ExportAsync(local);

        Assert.Equal("uma@example.com", To(told));
        Assert.Contains("u•••@work.example", told.TextBody, StringComparison.Ordinal);
        Assert.Single(Outbox.Read(local.Outbox), mail => To(mail) == "uma@work.example");
        Assert.Equal("uma@work.example", To(link));
        Assert.Equal(System.Net.HttpStatusCode.OK, pageStatus);
        Assert.Contains("Yes, save replies from here", page, StringComparison.Ordinal);
        Assert.Empty(afterGet.ExtraAddresses!);
        Assert.Empty(afterGet.Entries);
        Assert.Equal(System.Net.HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(["uma@work.example"], whileAdded.ExtraAddresses!);
        Assert.Equal(["From work: Sam brought me coffee"], Assert.Single(whileAdded.Entries).Items.Select(item => item.Text));
        Assert.Empty(afterRemove.ExtraAddresses!);
        Assert.Equal(["From work: Sam brought me coffee"], Assert.Single(afterRemove.Entries).Items.Select(item => item.Text));
        Assert.Contains(Outbox.Read(local.Outbox, "address"), mail => To(mail) == "uma@example.com" && (mail.TextBody ?? string.Empty).Contains("REMOVE ADDRESS uma@work.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChangeAddress_ByMailConfirmedAtTheNewAddress_MailMovesTheOldAddressIsToldAndItsLinkMovesItBack()
    {
        await using var local = await LocalHostFixture.StartAsync(Noon);
        var prompt = await local.PromptAsync("uma@example.com", Evening);
        var store = local.Host.Services.GetRequiredService<Core.Subscribers.ISubscriberStore>();

        await ReplyAsync(local, prompt, "CHANGE ADDRESS uma@new.example");
        var link = Assert.Single(Outbox.Read(local.Outbox, "address"));
        var answer = Outbox.Read(local.Outbox, "command")[^1];
        var beforeConfirm = (await store.FindByEmailAsync("uma@example.com"))?.Email;
        using var newInbox = new WebClient(local.Host.BaseUrl);
        var (_, page) = await newInbox.GetAsync(Outbox.Link(link, "/api/address/confirm"));
        await newInbox.PostAsync("/api/address/confirm", ("token", WebClient.Field(page, "token")), ("form_token", WebClient.Field(page, "form_token")));
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var moved = await store.FindByEmailAsync("uma@new.example");
        var notice = Assert.Single(Outbox.Read(local.Outbox, "address"), mail => To(mail) == "uma@example.com");

        Assert.Equal("uma@new.example", To(link));
        Assert.Equal("uma@example.com", To(answer));
        Assert.Contains("We've sent a link to uma@new.example", answer.TextBody, StringComparison.Ordinal);
        Assert.Equal("uma@example.com", beforeConfirm);
        Assert.NotNull(moved);
        Assert.Contains("u•••@new.example", notice.TextBody, StringComparison.Ordinal);
        Assert.Empty(notice.ReplyTo);

        using var oldInbox = new WebClient(local.Host.BaseUrl);
        var (undoStatus, undoPage) = await oldInbox.GetAsync(Outbox.Link(notice, "/api/address/undo"));
        var stillMoved = (await store.FindByIdAsync(moved!.Id))!.Email;
        var undone = await oldInbox.PostAsync("/api/address/undo", ("token", WebClient.Field(undoPage, "token")), ("form_token", WebClient.Field(undoPage, "form_token")));
        var (laterStatus, _) = await oldInbox.GetAsync(Outbox.Link(notice, "/api/address/undo"));

        Assert.Equal(System.Net.HttpStatusCode.OK, undoStatus);
        Assert.Contains("Yes, move them back here", undoPage, StringComparison.Ordinal);
        Assert.Equal("uma@new.example", stillMoved);
        Assert.Equal(System.Net.HttpStatusCode.OK, undone.StatusCode);
        Assert.Equal("uma@example.com", (await store.FindByIdAsync(moved.Id))!.Email);
        Assert.Null(await store.FindByEmailAsync("uma@new.example"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, laterStatus);
    }

    private static async Task<SubscriberExport> ExportAsync(LocalHostFixture local) =>
        (await local.Host.Services.GetRequiredService<ExportService>().ExportAsync("uma@example.com"))!;

    private static async Task ReplyAsync(LocalHostFixture local, MimeMessage prompt, string text, string? from = null)
    {
        var response = await local.PostInboundAsync(InboundParsePost.Raw(InboundParsePost.Reply(prompt, text, from: from)));
        response.EnsureSuccessStatusCode();
        await local.Host.DrainQueuesAsync(CancellationToken.None);
    }

    private static string To(MimeMessage mail) => ((MailboxAddress)mail.To[0]).Address;
}
