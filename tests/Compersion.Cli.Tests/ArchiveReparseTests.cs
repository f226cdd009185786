using Compersion.Cli.Commands;
using Compersion.Cli.Inbox;
using Compersion.Core.Export;
using Compersion.Core.Inbound;
using Compersion.Core.Journal;
using Compersion.Core.Photos;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;

namespace Compersion.Cli.Tests;

/// <summary>
/// <c>replay --archive --reparse</c> over Azurite: archived posts read again with today's code heal the journal —
/// quarantined mail from a sender registered since is saved, a misread reply is replaced in place, and the subscriber's
/// own corrections stand. A dry run changes nothing.
/// </summary>
public sealed class ArchiveReparseTests
{
    // 19:00:30 UTC is 20:00:30 in Berlin: just after the 20:00 prompt.
    private static readonly DateTimeOffset Evening = new(2026, 11, 25, 19, 0, 30, TimeSpan.Zero);
    private static readonly DateOnly Since = new(2026, 11, 24);

    [Fact]
    public async Task Reparse_SenderRegisteredAfterTheirMailWasQuarantined_ExportNowHoldsTheReply()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening);
        await local.PostInboundAsync(InboundParsePost.Raw(Tokenless(local, "ana@example.com", "1. Coffee with Ana\n2. The sunset")));
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        await SignUpAsync(local, "ana@example.com");
        var reparser = local.Host.Services.GetRequiredService<ArchiveReparser>();

        var dryRun = await reparser.ReparseSinceAsync(Since, apply: false);
        var exportAfterDryRun = await ExportEntriesAsync(local, "ana@example.com");
        var applied = await reparser.ReparseSinceAsync(Since, apply: true);
        var again = await reparser.ReparseSinceAsync(Since, apply: true);

        Assert.Equal(1, dryRun[ReparseOutcome.Reattributed]);
        Assert.Contains("1 quarantined, would now be saved", ReplayCommand.Describe(dryRun, applied: false), StringComparison.Ordinal);
        Assert.Empty(exportAfterDryRun);
        Assert.Equal(1, applied[ReparseOutcome.Reattributed]);
        Assert.Equal(1, again[ReparseOutcome.Unchanged]);
        var entry = Assert.Single(await ExportEntriesAsync(local, "ana@example.com"));
        Assert.Equal("2026-11-25", entry.Date);
        Assert.Equal(["Coffee with Ana", "The sunset"], entry.Items.Select(item => item.Text));
        Assert.Empty(Outbox.Read(local.Outbox, "receipt"));
    }

    /// <summary>An older extractor misread the first reply as one item; today's reads two. Only that reply's items change.</summary>
    [Fact]
    public async Task Reparse_ReplyAnOlderParserMisread_ReplacedInPlaceAndTheOtherReplyUntouched()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = await PromptAsync(local, "ana@example.com");
        await local.ReplyAsync(prompt, "1. Coffee with Ana\n2. The sunset");
        await local.ReplyAsync(prompt, "Soup with Sam");
        var (subscriber, date) = await DayOfAsync(local, "ana@example.com");
        var editor = local.Host.Services.GetRequiredService<IJournalEditor>();
        await editor.EditDayAsync(subscriber.Id, date, day =>
        {
            var first = day.Items[0].Source!;
            return day.Replacing(first, JournalWriter.Understand(["Coffee with Ana 2. The sunset"], []));
        });
        var misread = Assert.Single(await ExportEntriesAsync(local, "ana@example.com")).Items.Select(item => item.Text).ToList();
        var reparser = local.Host.Services.GetRequiredService<ArchiveReparser>();

        var dryRun = await reparser.ReparseSinceAsync(Since, apply: false);
        var applied = await reparser.ReparseSinceAsync(Since, apply: true);
        var again = await reparser.ReparseSinceAsync(Since, apply: true);

        Assert.Equal(["Coffee with Ana 2. The sunset", "Soup with Sam"], misread);
        Assert.Equal((1, 1), (dryRun[ReparseOutcome.Replaced], dryRun[ReparseOutcome.Unchanged]));
        Assert.Equal((1, 1), (applied[ReparseOutcome.Replaced], applied[ReparseOutcome.Unchanged]));
        Assert.Equal(2, again[ReparseOutcome.Unchanged]);
        var entry = Assert.Single(await ExportEntriesAsync(local, "ana@example.com"));
        Assert.Equal(["Coffee with Ana", "The sunset", "Soup with Sam"], entry.Items.Select(item => item.Text));
    }

    [Fact]
    public async Task Reparse_ReplyTheSubscriberCorrectedOnTheWeb_TheirEditAndDeletionStand()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = await PromptAsync(local, "ana@example.com");
        await local.ReplyAsync(prompt, "1. Coffee with Ana\n2. The sunset\n3. The bus was late");
        var (subscriber, date) = await DayOfAsync(local, "ana@example.com");
        var corrections = local.Host.Services.GetRequiredService<JournalCorrections>();
        await corrections.ApplyAsync(subscriber, new Correction(date, IsAct: false, 2, JournalViews.Fingerprint("The sunset"), CorrectionAction.Edit, "The sunset over the river"));
        await corrections.ApplyAsync(subscriber, new Correction(date, IsAct: false, 3, JournalViews.Fingerprint("The bus was late"), CorrectionAction.Delete));
        var reparser = local.Host.Services.GetRequiredService<ArchiveReparser>();

        var applied = await reparser.ReparseSinceAsync(Since, apply: true);

        Assert.Equal(1, applied[ReparseOutcome.KeptCorrected]);
        var entry = Assert.Single(await ExportEntriesAsync(local, "ana@example.com"));
        Assert.Equal(["Coffee with Ana", "The sunset over the river"], entry.Items.Select(item => item.Text));
    }

    [Fact]
    public async Task Reparse_CommandMailAlreadyCarriedOut_NotCarriedOutAgain()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = await PromptAsync(local, "ana@example.com");
        await local.ReplyAsync(prompt, "PAUSE");
        var store = local.Host.Services.GetRequiredService<ISubscriberStore>();
        var (subscriber, _) = await DayOfAsync(local, "ana@example.com");
        Assert.Equal(SubscriberStatus.Paused, subscriber.Status);
        await store.SaveAsync(subscriber with { Status = SubscriberStatus.Active });
        var answers = Outbox.Read(local.Outbox).Count;

        var applied = await local.Host.Services.GetRequiredService<ArchiveReparser>().ReparseSinceAsync(Since, apply: true);

        Assert.Equal(1, applied[ReparseOutcome.NotReplayed]);
        Assert.Equal(SubscriberStatus.Active, (await store.FindByEmailAsync("ana@example.com"))!.Status);
        Assert.Equal(answers, Outbox.Read(local.Outbox).Count);
    }

    /// <summary>Photos that were never kept (a parsed-mode post from before those were read, say) come back on a reparse:
    /// the dry run names as many as <c>--apply</c> then keeps, and stores none of them.</summary>
    [Fact]
    public async Task Reparse_DryRunOverAReplyWhosePhotosWereNeverKept_CountsThePhotosApplyKeeps()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = await PromptAsync(local, "ana@example.com");
        var reply = InboundParsePost.Reply(prompt, "1. Coffee with Ana");
        var body = new BodyBuilder { TextBody = "1. Coffee with Ana" };
        body.Attachments.Add("coffee.jpg", Picture(1600, 1200), new ContentType("image", "jpeg"));
        body.Attachments.Add("notes.jpg", System.Text.Encoding.ASCII.GetBytes(new string('x', 20_000)), new ContentType("image", "jpeg"));
        body.Attachments.Add("ana.jpg", Picture(1200, 1600), new ContentType("image", "jpeg"));
        reply.Body = body.ToMessageBody();
        await local.PostInboundAsync(InboundParsePost.Raw(reply));
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var (subscriber, date) = await DayOfAsync(local, "ana@example.com");
        var photos = local.Host.Services.GetRequiredService<IPhotoStore>();
        var keptAtIngestion = await photos.ListAsync(subscriber.Id, date);
        foreach (var photo in keptAtIngestion)
        {
            await photos.DeleteAsync(subscriber.Id, date, photo.Id);
        }

        var reparser = local.Host.Services.GetRequiredService<ArchiveReparser>();

        var dryRun = await reparser.ReparseSinceAsync(Since, apply: false);
        var afterDryRun = await photos.ListAsync(subscriber.Id, date);
        var applied = await reparser.ReparseSinceAsync(Since, apply: true);
        var again = await reparser.ReparseSinceAsync(Since, apply: true);

        Assert.Equal(2, keptAtIngestion.Count);
        Assert.Equal((1, 2), (dryRun[ReparseOutcome.Replaced], dryRun.PhotosAdded));
        Assert.Contains("2 photos would be kept that are not kept yet", ReplayCommand.Describe(dryRun, applied: false), StringComparison.Ordinal);
        Assert.Empty(afterDryRun);
        Assert.Equal((1, 2), (applied[ReparseOutcome.Replaced], applied.PhotosAdded));
        Assert.Contains("2 photos kept that were not kept before", ReplayCommand.Describe(applied, applied: true), StringComparison.Ordinal);
        Assert.Equal(["coffee.jpg", "ana.jpg"], (await photos.ListAsync(subscriber.Id, date)).Select(photo => photo.Name));
        Assert.Equal((1, 0), (again[ReparseOutcome.Unchanged], again.PhotosAdded));
    }

    private static byte[] Picture(uint width, uint height)
    {
        using var image = new ImageMagick.MagickImage("plasma:", width, height);
        return image.ToByteArray(ImageMagick.MagickFormat.Jpeg);
    }

    private static async Task SignUpAsync(LocalHostFixture local, string email)
    {
        Assert.True(SignUpRequest.TryCreate(email, "Europe/Berlin", "20:00", null, null, out var request, out _));
        await local.Host.Services.GetRequiredService<SubscriptionService>().AddConfirmedAsync(request!);
    }

    private static async Task<MimeMessage> PromptAsync(LocalHostFixture local, string email)
    {
        await SignUpAsync(local, email);
        local.Clock.SetTo(Evening);
        await local.Host.RunTimerAsync("DispatchDueFunction", CancellationToken.None);
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        return Assert.Single(Outbox.Read(local.Outbox, "prompt"));
    }

    private static async Task<(Subscriber Subscriber, LocalDate Date)> DayOfAsync(LocalHostFixture local, string email)
    {
        var subscriber = (await local.Host.Services.GetRequiredService<ISubscriberStore>().FindByEmailAsync(email))!;
        var entry = (await local.Host.Services.GetRequiredService<IEntryStore>().GetEntriesAsync(subscriber.Id)).SingleOrDefault();
        return (subscriber, entry?.Date ?? new LocalDate(2026, 11, 25));
    }

    /// <summary>A mail without a reply token, as someone writes to the service from their own mailbox.</summary>
    private static MimeMessage Tokenless(LocalHostFixture local, string from, string body)
    {
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(from));
        mail.To.Add(MailboxAddress.Parse("hello@" + local.Host.Services.GetRequiredService<IOptions<MailOptions>>().Value.InboundDomain));
        mail.Subject = "A few good things";
        mail.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("mail.example.com");
        mail.Body = new TextPart("plain") { Text = body };
        return mail;
    }

    private static async Task<IReadOnlyList<ExportEntry>> ExportEntriesAsync(LocalHostFixture local, string email) =>
        (await local.Host.Services.GetRequiredService<ExportService>().ExportAsync(email))?.Entries ?? [];
}
