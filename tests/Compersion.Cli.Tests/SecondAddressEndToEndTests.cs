using Compersion.Core.Export;
using Compersion.Core.Inbound;
using Compersion.Core.Subscribers;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Compersion.Cli.Tests;

/// <summary>Addresses by mail through <c>serve</c> over Azurite: a second one added, confirmed at that address, read (with what it sent before), and removed; the registered one changed, and the change undone from the old address.</summary>
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

        await local.ReplyAsync(prompt, "1. Before it was added: tea with Jo", from: "uma@work.example");
        var told = Assert.Single(Outbox.Read(local.Outbox, "unknown-sender"));
        await local.ReplyAsync(prompt, "ADD ADDRESS uma@work.example");
        var link = Assert.Single(Outbox.Read(local.Outbox, "address"));
        await local.ReplyAsync(prompt, "1. Still waiting for the link: lunch with Ines", from: "uma@work.example");
        using var workInbox = new WebClient(local.Host.BaseUrl);
        var (pageStatus, page) = await workInbox.GetAsync(Outbox.Link(link, "/api/address/confirm"));
        var afterGet = await ExportAsync(local);
        var confirmed = await workInbox.PostAsync("/api/address/confirm", ("token", WebClient.Field(page, "token")), ("form_token", WebClient.Field(page, "form_token")));
        await local.ReplyAsync(prompt, "1. From work: Sam brought me coffee", from: "uma@work.example");
        var whileAdded = await ExportAsync(local);
        await local.ReplyAsync(prompt, "REMOVE ADDRESS uma@work.example");
        await local.ReplyAsync(prompt, "1. After removing it: a walk with Lee", from: "uma@work.example");
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
        // The two replies quarantined before the link was confirmed are saved once it is, each once.
        string[] fromWork = ["Before it was added: tea with Jo", "From work: Sam brought me coffee", "Still waiting for the link: lunch with Ines"];
        Assert.Equal(fromWork, Assert.Single(whileAdded.Entries).Items.Select(item => item.Text).Order(StringComparer.Ordinal));
        Assert.Empty(afterRemove.ExtraAddresses!);
        Assert.Equal(fromWork, Assert.Single(afterRemove.Entries).Items.Select(item => item.Text).Order(StringComparer.Ordinal));
        Assert.Contains(Outbox.Read(local.Outbox, "address"), mail => To(mail) == "uma@example.com" && (mail.TextBody ?? string.Empty).Contains("REMOVE ADDRESS uma@work.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChangeAddress_ByMailConfirmedAtTheNewAddress_MailMovesTheOldAddressIsToldAndItsLinkMovesItBack()
    {
        await using var local = await LocalHostFixture.StartAsync(Noon);
        var prompt = await local.PromptAsync("uma@example.com", Evening);
        var store = local.Host.Services.GetRequiredService<ISubscriberStore>();

        await local.ReplyAsync(prompt, "CHANGE ADDRESS uma@new.example");
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

    [Fact]
    public async Task AddAddress_AReplyQuarantinedFromItBefore_SavedOnceOnItsOwnDayWithAReceiptInItsThread()
    {
        await using var local = await LocalHostFixture.StartAsync(Noon);
        var prompt = await local.PromptAsync("vi@example.com", Evening);

        var early = await local.ReplyAsync(prompt, "1. Tea with Jo before work", from: "vi@work.example", messageId: "early-reply@work.example");
        var told = Assert.Single(Outbox.Read(local.Outbox, "unknown-sender"));
        var beforeAdding = await ExportAsync(local, "vi@example.com");
        await local.ReplyAsync(prompt, "ADD ADDRESS vi@work.example");
        using (var workInbox = new WebClient(local.Host.BaseUrl))
        {
            var (_, page) = await workInbox.GetAsync(Outbox.Link(Assert.Single(Outbox.Read(local.Outbox, "address")), "/api/address/confirm"));
            (await workInbox.PostAsync("/api/address/confirm", ("token", WebClient.Field(page, "token")), ("form_token", WebClient.Field(page, "form_token")))).EnsureSuccessStatusCode();
        }

        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var afterConfirm = await ExportAsync(local, "vi@example.com");
        var replayed = await local.Host.Services.GetRequiredService<ArchiveReparser>().ReparseSinceAsync(new DateOnly(2026, 11, 24), apply: true);
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var afterReplay = await ExportAsync(local, "vi@example.com");

        Assert.Contains("saved then too, each on its own day", told.TextBody, StringComparison.Ordinal);
        Assert.Empty(beforeAdding.Entries);
        var entry = Assert.Single(afterConfirm.Entries);
        Assert.Equal("2026-11-25", entry.Date);
        Assert.Equal(["Tea with Jo before work"], entry.Items.Select(item => item.Text));
        Assert.Equal(0, replayed[ReparseOutcome.Reattributed]);
        Assert.Equal(["Tea with Jo before work"], Assert.Single(afterReplay.Entries).Items.Select(item => item.Text));
        var receipt = Assert.Single(Outbox.Read(local.Outbox, "receipt"));
        Assert.Equal("vi@example.com", To(receipt));
        Assert.Equal(early.MessageId, receipt.InReplyTo);
        Assert.Equal(early.Subject, receipt.Subject);
    }

    [Fact]
    public async Task SignUpPage_FurtherAddressOfAnUnsubscribedSubscriber_ConfirmedAtTheAddressTypedAndNothingChangesUntilTheClick()
    {
        await using var local = await LocalHostFixture.StartAsync(Noon);
        var prompt = await local.PromptAsync("wen@example.com", Evening);
        var store = local.Host.Services.GetRequiredService<ISubscriberStore>();
        var id = (await store.FindByEmailAsync("wen@example.com"))!.Id;
        await store.ChangeAddressAsync(id, s => s with { ExtraAddresses = ["wen@work.example"] });
        await local.ReplyAsync(prompt, "STOP");
        var left = (await store.FindByIdAsync(id))!;
        var toRegistered = Outbox.Read(local.Outbox).Count(mail => To(mail) == "wen@example.com");

        var signUp = await local.Http.PostAsync(
            "/api/subscribe",
            new FormUrlEncodedContent([new("email", "wen@work.example"), new("zone", "America/New_York"), new("time", "07:30"), new("goal", "3")]));
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var waiting = (await store.FindByIdAsync(id))!;
        var confirmation = Assert.Single(Outbox.Read(local.Outbox, "confirm"));
        var toRegisteredBeforeClick = Outbox.Read(local.Outbox).Count(mail => To(mail) == "wen@example.com");
        (await local.ConfirmSignUpAsync(confirmation)).EnsureSuccessStatusCode();
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var back = (await store.FindByIdAsync(id))!;

        Assert.Equal(System.Net.HttpStatusCode.Accepted, signUp.StatusCode);
        Assert.Equal(SubscriberStatus.Unsubscribed, left.Status);
        Assert.Equal(left, waiting with { SignUp = null, ExtraAddresses = left.ExtraAddresses, StrangerPosts = left.StrangerPosts });
        Assert.Equal(["wen@work.example"], waiting.Extras);
        Assert.Equal("wen@work.example", To(confirmation));
        Assert.Contains("07:30 New York time", confirmation.TextBody, StringComparison.Ordinal);
        Assert.Equal(toRegistered, toRegisteredBeforeClick);
        Assert.Equal(
            (SubscriberStatus.Active, "wen@example.com", "America/New_York", new NodaTime.LocalTime(7, 30), 3),
            (back.Status, back.Email, back.Zone, back.PromptTime, back.KindnessGoal));
        Assert.Equal("wen@example.com", To(Assert.Single(Outbox.Read(local.Outbox, "welcome"))));
    }

    private static async Task<SubscriberExport> ExportAsync(LocalHostFixture local, string email = "uma@example.com") =>
        (await local.Host.Services.GetRequiredService<ExportService>().ExportAsync(email))!;

    private static string To(MimeMessage mail) => ((MailboxAddress)mail.To[0]).Address;
}
