using Compersion.Core.Inbound;
using Compersion.Core.Links;
using Compersion.Core.Photos;
using Compersion.Core.Security;
using Compersion.Core.Subscribers;
using Compersion.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Inbound;

public sealed class ReplyIngestorTests
{
    // Tuesday 2026-11-24, 21:00 in Berlin: the evening after Monday's prompt.
    private static readonly DateTimeOffset Arrival = new(2026, 11, 24, 20, 0, 0, TimeSpan.Zero);

    private readonly InMemorySubscriberStore subscribers = new();
    private readonly InMemoryEntryStore entries = new();
    private readonly InMemoryActStore acts = new();
    private readonly InMemoryInboundArchive archive = new();
    private readonly ScriptedMailReader reader = new();
    private readonly InMemoryInboundLedger ledger = new();
    private readonly InMemoryPostIndex postIndex = new();
    private readonly RecordingMailSender sender = new();
    private readonly FakeTimeProvider time = new(Arrival);
    private readonly RecordingJobQueue jobs = new();
    private readonly InMemoryPhotoStore photoStore = new();
    private readonly ScriptedPhotoImaging imaging = new();

    [Fact]
    public async Task IngestAsync_ReplyToYesterdaysPrompt_FiledUnderThePromptDateWithAReceipt()
    {
        var sut = await CreateSutAsync();

        var outcome = await sut.IngestAsync(Post(Reply("1. Soup with Ana\n2. The rain stopped\n3. A quiet bus", TokenPurpose.Prompt, "2026-11-23")));

        Assert.Equal(IngestOutcome.Journaled, outcome);
        var entry = Assert.Single(await entries.GetEntriesAsync(AlexId));
        Assert.Equal(Date("2026-11-23"), entry.Date);
        Assert.Equal(["Soup with Ana", "The rain stopped", "A quiet bus"], entry.Items.Select(i => i.Text));
        var receipt = Assert.Single(sender.Sent);
        Assert.Equal("receipt", receipt.Kind);
        Assert.Equal("alex@example.org", receipt.To);
        Assert.Contains("3 gratitudes", receipt.Text, StringComparison.Ordinal);
        // Answered the morning after: more will join the prompt's day, which is yesterday by now, not today.
        Assert.Contains("they'll join yesterday's 3.", receipt.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestAsync_ReplyWithTwoPhotosAndALogo_PhotosKeptWithTheDayAndCountedInTheReceipt()
    {
        var sut = await CreateSutAsync();
        var mail = Reply("1. Soup with Ana\n2. The rain stopped\n3. A quiet bus", TokenPurpose.Prompt, "2026-11-23") with
        {
            Html = """<p>1. Soup with Ana</p><div class="gmail_signature"><img src="cid:logo"></div>""",
            Attachments =
            [
                new MailAttachment("soup.jpg", "image/jpeg", null, 60_000, ScriptedPhotoImaging.Picture(4032, 3024)),
                new MailAttachment("logo.png", "image/png", "logo", 20_000, ScriptedPhotoImaging.Picture(300, 90, PhotoFormat.Png)),
                new MailAttachment("rain.heic", "image/heic", null, 60_000, ScriptedPhotoImaging.Picture(4032, 3024, PhotoFormat.Heic)),
            ],
        };

        await sut.IngestAsync(Post(mail));

        Assert.Equal([("soup.jpg", Date("2026-11-23")), ("rain.heic", Date("2026-11-23"))], photoStore.Of(AlexId).Select(p => (p.Name, p.Date)));
        Assert.Contains("Saved for Monday, 23 November: 3 gratitudes and 2 photos.", Assert.Single(sender.Sent).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestAsync_PhotosWithoutAWord_JournaledWithAPhotoReceipt()
    {
        var sut = await CreateSutAsync();
        var mail = Reply(string.Empty, TokenPurpose.Prompt, "2026-11-24") with
        {
            Attachments = [new MailAttachment("a.jpg", "image/jpeg", null, 60_000, ScriptedPhotoImaging.Picture(1600, 1200)), new MailAttachment("b.jpg", "image/jpeg", null, 60_000, ScriptedPhotoImaging.Picture(1600, 1200))],
        };

        var outcome = await sut.IngestAsync(Post(mail));

        Assert.Equal(IngestOutcome.Journaled, outcome);
        Assert.Equal(2, photoStore.Of(AlexId).Count);
        Assert.Contains("Saved for Tuesday, 24 November: 2 photos. You'll find them on that day in your journal.", Assert.Single(sender.Sent).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestAsync_CompleteDayWithARefusedAttachment_ReceiptNamesIt()
    {
        var sut = await CreateSutAsync();
        var mail = Reply("1. Soup with Ana\n2. The rain stopped\n3. A quiet bus\n4. Tea\n5. Sam's laugh", TokenPurpose.Prompt, "2026-11-24") with
        {
            Attachments = [new MailAttachment("notes.jpg", "image/jpeg", null, 5_000, new byte[5_000])],
        };

        await sut.IngestAsync(Post(mail));

        Assert.Empty(photoStore.Of(AlexId));
        Assert.Contains("notes.jpg isn't a photo we can read, so it wasn't kept.", Assert.Single(sender.Sent).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestAsync_SameMessageTwice_StoredOnceAndAnsweredOnce()
    {
        var sut = await CreateSutAsync();
        var mail = Reply("1. Soup with Ana\n2. The rain stopped", TokenPurpose.Prompt, "2026-11-24");

        await sut.IngestAsync(Post(mail));
        var second = await sut.IngestAsync(Post(mail));

        Assert.Equal(IngestOutcome.Duplicate, second);
        Assert.Equal(2, Assert.Single(await entries.GetEntriesAsync(AlexId)).Items.Count);
        Assert.Single(sender.Sent);
        Assert.Equal(2, postIndex.PostsOf(AlexId).Count);
    }

    [Fact]
    public async Task IngestAsync_RedeliveredAfterStoring_AnswersWithoutStoringAgain()
    {
        var sut = await CreateSutAsync();
        var mail = Reply("1. Soup with Ana", TokenPurpose.Prompt, "2026-11-24");
        await sut.IngestAsync(Post(mail));
        var key = Assert.Single(ledger.Rows.Keys);
        ledger.Rewind(key, InboundStage.Stored);
        sender.Answer = Compersion.Core.Sending.SendResult.Sent("sg-2");

        await sut.IngestAsync(Post(mail));

        Assert.Single(Assert.Single(await entries.GetEntriesAsync(AlexId)).Items);
        Assert.Single(sender.Sent);
        Assert.Equal(InboundStage.Done, ledger.Rows[key].Stage);
    }

    [Fact]
    public async Task IngestAsync_ReplyToTheDigestWithActs_EachActClassified()
    {
        var sut = await CreateSutAsync();

        var outcome = await sut.IngestAsync(Post(Reply("left flowers on my neighbour's doorstep\nfed the cat next door", TokenPurpose.Digest, "2026-11-22")));

        Assert.Equal(IngestOutcome.Journaled, outcome);
        Assert.Empty(await entries.GetEntriesAsync(AlexId));
        var day = Assert.Single(await acts.GetActsAsync(AlexId));
        Assert.Equal(Date("2026-11-24"), day.Date);
        Assert.Equal(2, day.Acts.Count);
        Assert.Equal(("gift", "neighbour"), (day.Acts[0].Category, day.Acts[0].Recipient));
    }

    [Fact]
    public async Task IngestAsync_ReplyToTheDigestWithTheDaysGratitudes_GratitudesFiledAsGratitudesAndOnlyTheActAsAnAct()
    {
        var sut = await CreateSutAsync();

        await sut.IngestAsync(Post(Reply("1. The snow\n2. Coffee with Ana\n3. Sam made me dinner\n4. Shovelled the path for the neighbour", TokenPurpose.Digest, "2026-11-22")));

        var entry = Assert.Single(await entries.GetEntriesAsync(AlexId));
        Assert.Equal(Date("2026-11-24"), entry.Date);
        Assert.Equal(["The snow", "Coffee with Ana", "Sam made me dinner"], entry.Items.Select(i => i.Text));
        Assert.Equal("Shovelled the path for the neighbour", Assert.Single(Assert.Single(await acts.GetActsAsync(AlexId)).Acts).Text);
        var receipt = Assert.Single(sender.Sent);
        Assert.Contains("Kind act: Shovelled the path for the neighbour", receipt.Text, StringComparison.Ordinal);
        Assert.Contains("The snow", receipt.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestAsync_CompleteDay_NoReceipt()
    {
        var sut = await CreateSutAsync();

        await sut.IngestAsync(Post(Reply("1. Soup with Ana\n2. The rain stopped\n3. A quiet bus\n4. Warm socks\n5. The first snow", TokenPurpose.Prompt, "2026-11-24")));

        Assert.Equal(5, Assert.Single(await entries.GetEntriesAsync(AlexId)).Items.Count);
        Assert.Empty(sender.Sent);
        Assert.Equal(InboundStage.Done, Assert.Single(ledger.Rows.Values).Stage);
    }

    [Fact]
    public async Task IngestAsync_ValidTokenFromAStranger_QuarantinedAndNothingSentToTheStranger()
    {
        var sut = await CreateSutAsync();

        var outcome = await sut.IngestAsync(Post(Reply("1. Soup", TokenPurpose.Prompt, "2026-11-24", from: "mallory@example.net")));

        Assert.Equal(IngestOutcome.Quarantined, outcome);
        Assert.Empty(await entries.GetEntriesAsync(AlexId));
        Assert.Equal(("unknown-sender", "alex@example.org"), (Assert.Single(sender.Sent).Kind, sender.Sent[0].To));
        Assert.Equal("from-mismatch", Assert.Single(ledger.Rows.Values).Detail);
        Assert.Empty(postIndex.PostsOf(AlexId));
    }

    [Fact]
    public async Task IngestAsync_QuarantinedStrangerReplyQueuedTwiceOnceItsAddressIsAdded_SavedOnceAndAnsweredOnce()
    {
        var sut = await CreateSutAsync();
        var name = Post(Reply("1. Soup with Ana\n2. The rain stopped", TokenPurpose.Prompt, "2026-11-24", from: "alex@work.example"));
        var quarantined = await sut.IngestAsync(name);
        await subscribers.UpdateAsync(AlexId, s => s with { ExtraAddresses = ["alex@work.example"] });

        // What a retried address confirmation does: the remembered post queued a second time.
        var first = await sut.IngestAsync(name);
        var second = await sut.IngestAsync(name);

        Assert.Equal((IngestOutcome.Quarantined, IngestOutcome.Journaled, IngestOutcome.Duplicate), (quarantined, first, second));
        Assert.Equal(["Soup with Ana", "The rain stopped"], Assert.Single(await entries.GetEntriesAsync(AlexId)).Items.Select(i => i.Text));
        Assert.Single(sender.Sent, sent => sent.Kind == "receipt");
    }

    [Fact]
    public async Task IngestAsync_Unreadable_Quarantined()
    {
        var sut = await CreateSutAsync();

        var outcome = await sut.IngestAsync(archive.Add("not a registered mail", Arrival));

        Assert.Equal(IngestOutcome.Quarantined, outcome);
        Assert.Equal("unreadable", Assert.Single(ledger.Rows.Values).Detail);
    }

    [Fact]
    public async Task IngestAsync_PostGoneFromTheArchive_NothingDone()
    {
        var sut = await CreateSutAsync();
        var name = Post(Reply("1. Soup", TokenPurpose.Prompt, "2026-11-24"));
        archive.Remove(name);

        var outcome = await sut.IngestAsync(name);

        Assert.Equal(IngestOutcome.Gone, outcome);
        Assert.Empty(ledger.Rows);
    }

    [Fact]
    public async Task IngestAsync_PauseCommand_PausesAndConfirmsOnce()
    {
        var sut = await CreateSutAsync();
        var mail = Reply("PAUSE", TokenPurpose.Prompt, "2026-11-24");

        var outcome = await sut.IngestAsync(Post(mail));
        await sut.IngestAsync(Post(mail));

        Assert.Equal(IngestOutcome.Command, outcome);
        Assert.Equal(SubscriberStatus.Paused, (await subscribers.FindByIdAsync(AlexId))!.Status);
        var answer = Assert.Single(sender.Sent);
        Assert.Contains("paused", answer.Text, StringComparison.Ordinal);
        Assert.Equal("Re: today", answer.Subject);
        Assert.Equal($"<{mail.MessageId}>", answer.Headers["In-Reply-To"]);
        Assert.Equal($"<{mail.MessageId}>", answer.Headers["References"]);
        Assert.Empty(await entries.GetEntriesAsync(AlexId));
    }

    [Fact]
    public async Task IngestAsync_AllCapsFirstLineThenMore_IsAGratitudeNotACommand()
    {
        var sut = await CreateSutAsync();

        var outcome = await sut.IngestAsync(Post(Reply("SAM MADE ME DINNER\nand the rain stopped", TokenPurpose.Prompt, "2026-11-24")));

        Assert.Equal(IngestOutcome.Journaled, outcome);
        Assert.NotEmpty(Assert.Single(await entries.GetEntriesAsync(AlexId)).Items);
    }

    [Fact]
    public async Task IngestAsync_UnsubscribeMailboxFromAnySenderWithAnyBody_UnsubscribesTheTokensSubscriberAndConfirmsOnce()
    {
        var sut = await CreateSutAsync();
        await subscribers.AddOrGetAsync(Subscriber(SamId) with { Email = "sam@example.org" });
        var to = UnsubscribeLinks.Create(Signer(), MailSettings().Value, AlexId, Date("2026-11-23")).MailtoAddress;

        var first = await sut.IngestAsync(Post(new InboundMail("u1@example.org", "sam@example.org", [to], "unsubscribe", "1. Soup with Ana\n2. Please stop", null, false, false, "h1")));
        var second = await sut.IngestAsync(Post(new InboundMail("u2@example.org", null, [to], null, null, null, false, false, "h2")));

        Assert.Equal((IngestOutcome.Unsubscribed, IngestOutcome.Unsubscribed), (first, second));
        Assert.Equal(SubscriberStatus.Unsubscribed, (await subscribers.FindByIdAsync(AlexId))!.Status);
        Assert.Equal(SubscriberStatus.Active, (await subscribers.FindByIdAsync(SamId))!.Status);
        var confirmation = Assert.Single(sender.Sent);
        Assert.Equal(("alex@example.org", "You're unsubscribed"), (confirmation.To, confirmation.Subject));
        Assert.StartsWith("reply+", confirmation.ReplyTo, StringComparison.Ordinal);
        Assert.Empty(await entries.GetEntriesAsync(AlexId));
        Assert.Empty(await entries.GetEntriesAsync(SamId));
        Assert.Equal(2, postIndex.PostsOf(AlexId).Count);
    }

    [Fact]
    public async Task IngestAsync_UnsubscribeMailPostedTwice_BothCopiesIndexedForDeletionAndConfirmedOnce()
    {
        var sut = await CreateSutAsync();
        var to = UnsubscribeLinks.Create(Signer(), MailSettings().Value, AlexId, Date("2026-11-23")).MailtoAddress;
        var mail = new InboundMail("u1@example.org", "alex@example.org", [to], "unsubscribe", null, null, false, false, "h1");

        var first = await sut.IngestAsync(Post(mail));
        var second = await sut.IngestAsync(Post(mail));

        Assert.Equal((IngestOutcome.Unsubscribed, IngestOutcome.Duplicate), (first, second));
        Assert.Equal(2, postIndex.PostsOf(AlexId).Count);
        Assert.Single(sender.Sent);
    }

    [Fact]
    public async Task IngestAsync_QuarantinedForgeryWithTheSameMessageIdFirst_GenuineReplyStoredAndReceipted()
    {
        var sut = await CreateSutAsync();
        var genuine = Reply("1. Soup with Ana\n2. The rain stopped", TokenPurpose.Prompt, "2026-11-24");
        var forgery = genuine with { From = "mallory@evil.example", Text = "1. Mallory was here" };

        var outcomes = (await sut.IngestAsync(Post(forgery)), await sut.IngestAsync(Post(genuine)));

        Assert.Equal((IngestOutcome.Quarantined, IngestOutcome.Journaled), outcomes);
        Assert.Equal(["Soup with Ana", "The rain stopped"], Assert.Single(await entries.GetEntriesAsync(AlexId)).Items.Select(i => i.Text));
        Assert.Equal([("unknown-sender", "alex@example.org"), ("receipt", "alex@example.org")], sender.Sent.Select(sent => (sent.Kind, sent.To)));
    }

    [Fact]
    public async Task IngestAsync_AnotherSubscribersVerifiedMailWithTheSameMessageIdFirst_EachStoredInTheirOwnJournal()
    {
        var sut = await CreateSutAsync();
        await subscribers.AddOrGetAsync(Subscriber(SamId) with { Email = "sam@example.org" });
        var alexs = Reply("1. Soup with Ana\n2. The rain stopped", TokenPurpose.Prompt, "2026-11-24");
        var sams = alexs with { From = "sam@example.org", EnvelopeTo = [$"hello@{InboundDomain}"], Text = "1. Tea with my sister" };

        var outcomes = (await sut.IngestAsync(Post(sams)), await sut.IngestAsync(Post(alexs)));

        Assert.Equal((IngestOutcome.Journaled, IngestOutcome.Journaled), outcomes);
        Assert.Equal(["Soup with Ana", "The rain stopped"], Assert.Single(await entries.GetEntriesAsync(AlexId)).Items.Select(i => i.Text));
        Assert.Equal(["Tea with my sister"], Assert.Single(await entries.GetEntriesAsync(SamId)).Items.Select(i => i.Text));
    }

    /// <summary>Ledger rows written before keys named the subscriber are keyed by the Message-ID alone; replaying such a post does nothing again.</summary>
    [Fact]
    public async Task IngestAsync_PostFinishedUnderAMessageOnlyLedgerKey_DuplicateNothingStoredOrSentAndBothKeysIndexed()
    {
        var sut = await CreateSutAsync();
        var mail = Reply("RESUME", TokenPurpose.Prompt, "2026-11-24");
        var legacyKey = "m:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(mail.MessageId!)))[..40];
        await ledger.BeginAsync(legacyKey, "old-post");
        await ledger.AdvanceAsync(legacyKey, InboundStage.Done, AlexId, null);

        var outcome = await sut.IngestAsync(Post(mail));

        Assert.Equal(IngestOutcome.Duplicate, outcome);
        Assert.Empty(sender.Sent);
        Assert.Single(postIndex.PostsOf(AlexId));
        Assert.Equal(2, ledger.Rows.Count);
        Assert.Equal(ledger.Rows.Keys.Order(StringComparer.Ordinal), postIndex.KeysOf(AlexId));
    }

    [Fact]
    public async Task IngestAsync_UnsubscribeMailboxTamperedToken_QuarantinedAndNobodyUnsubscribed()
    {
        var sut = await CreateSutAsync();
        var token = UnsubscribeLinks.Create(Signer(), MailSettings().Value, AlexId, Date("2026-11-23")).Token;
        var tampered = $"unsubscribe+{token[..^1]}{(token[^1] == 'a' ? 'b' : 'a')}@{InboundDomain}";

        var outcome = await sut.IngestAsync(Post(new InboundMail("u1@example.org", "alex@example.org", [tampered], "unsubscribe", "stop", null, true, true, "h1")));

        Assert.Equal(IngestOutcome.Quarantined, outcome);
        Assert.Equal(SubscriberStatus.Active, (await subscribers.FindByIdAsync(AlexId))!.Status);
        Assert.Equal("invalid-unsubscribe-token", Assert.Single(ledger.Rows.Values).Detail);
        Assert.Empty(sender.Sent);
    }

    [Fact]
    public async Task IngestAsync_ResumeAfterStop_ActiveAgainAndWelcomedBack()
    {
        var sut = await CreateSutAsync();
        await sut.IngestAsync(Post(Reply("STOP", TokenPurpose.Prompt, "2026-11-24")));

        var outcome = await sut.IngestAsync(Post(Reply("RESUME", TokenPurpose.Note, "2026-11-24")));

        Assert.Equal(IngestOutcome.Command, outcome);
        Assert.Equal(SubscriberStatus.Active, (await subscribers.FindByIdAsync(AlexId))!.Status);
        Assert.Equal(2, sender.Sent.Count);
        Assert.Contains("No more emails will come", sender.Sent[0].Text, StringComparison.Ordinal);
        Assert.Contains("back on", sender.Sent[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestAsync_GratitudesOrHelpAfterStop_QuarantinedUnsavedAndUnanswered()
    {
        var sut = await CreateSutAsync();
        await sut.IngestAsync(Post(Reply("STOP", TokenPurpose.Prompt, "2026-11-24")));

        var gratitudes = await sut.IngestAsync(Post(Reply("1. Soup with Ana", TokenPurpose.Note, "2026-11-24")));
        var help = await sut.IngestAsync(Post(Reply("HELP", TokenPurpose.Note, "2026-11-24")));

        Assert.Equal((IngestOutcome.Quarantined, IngestOutcome.Quarantined), (gratitudes, help));
        Assert.Empty(await entries.GetEntriesAsync(AlexId));
        Assert.Single(sender.Sent);
    }

    /// <summary>Mail after STOP is stored against no one, but it is still theirs: deleting them must find it.</summary>
    [Fact]
    public async Task IngestAsync_MailAfterStop_QuarantinedAndIndexedUnderTheirId()
    {
        var sut = await CreateSutAsync();
        await sut.IngestAsync(Post(Reply("STOP", TokenPurpose.Prompt, "2026-11-24")));

        var verified = await sut.IngestAsync(Post(Reply("1. Soup with Ana", TokenPurpose.Note, "2026-11-24")));
        var unverified = await sut.IngestAsync(Post(Unverified(Reply("RESUME", TokenPurpose.Note, "2026-11-24"))));

        Assert.Equal((IngestOutcome.Quarantined, IngestOutcome.Quarantined), (verified, unverified));
        Assert.Equal(3, postIndex.PostsOf(AlexId).Count);
        Assert.Equal(ledger.Rows.Keys.Order(StringComparer.Ordinal), postIndex.KeysOf(AlexId));
    }

    [Fact]
    public async Task IngestAsync_SecondReplyCompletesTheDay_NoReceiptForIt()
    {
        var sut = await CreateSutAsync();
        await sut.IngestAsync(Post(Reply("1. Warm socks\n2. The rain\n3. A quiet bus", TokenPurpose.Prompt, "2026-11-24")));

        await sut.IngestAsync(Post(Reply("1. Soup with my friend Ana\n2. The first snow", TokenPurpose.Note, "2026-11-24")));
        await sut.IngestAsync(Post(Reply("1. A long call with Mum", TokenPurpose.Prompt, "2026-11-24")));

        Assert.Equal(6, Assert.Single(await entries.GetEntriesAsync(AlexId)).Items.Count);
        Assert.Contains("they'll join today's 3", Assert.Single(sender.Sent).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestAsync_SecondReplyStillShort_ReceiptCountsTheWholeDay()
    {
        var sut = await CreateSutAsync();
        await sut.IngestAsync(Post(Reply("1. Warm socks\n2. The rain", TokenPurpose.Prompt, "2026-11-24")));

        await sut.IngestAsync(Post(Reply("1. Soup with my friend Ana", TokenPurpose.Note, "2026-11-24")));

        Assert.Equal(2, sender.Sent.Count);
        Assert.Contains("Saved for Tuesday, 24 November: 1 gratitude.", sender.Sent[1].Text, StringComparison.Ordinal);
        Assert.Contains("they'll join today's 3", sender.Sent[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("include at least one person", sender.Sent[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestAsync_SecondMessageRepeatsAGratitude_StoredOnceAndTheReceiptCountsWhatWasSaved()
    {
        var sut = await CreateSutAsync();
        await sut.IngestAsync(Post(Reply("1. Soup with Ana\n2. The rain stopped", TokenPurpose.Prompt, "2026-11-24")));

        await sut.IngestAsync(Post(Reply("1. soup with  Ana.\n2. A quiet bus", TokenPurpose.Note, "2026-11-24")));

        Assert.Equal(["Soup with Ana", "The rain stopped", "A quiet bus"], Assert.Single(await entries.GetEntriesAsync(AlexId)).Items.Select(i => i.Text));
        Assert.Equal(2, sender.Sent.Count);
        Assert.Contains("Saved for Tuesday, 24 November: 1 gratitude.", sender.Sent[1].Text, StringComparison.Ordinal);
        Assert.Contains("1 gratitude was already in your journal for that day", sender.Sent[1].Text, StringComparison.Ordinal);
        Assert.Contains("they'll join today's 3", sender.Sent[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("soup with  Ana.", sender.Sent[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestAsync_SecondMessageOnlyRepeats_SavesNothingAndSaysItWasAlreadySaved()
    {
        var sut = await CreateSutAsync();
        await sut.IngestAsync(Post(Reply("1. Soup with Ana\n2. The rain stopped", TokenPurpose.Prompt, "2026-11-24")));

        await sut.IngestAsync(Post(Reply("The rain stopped!", TokenPurpose.Note, "2026-11-24")));

        Assert.Equal(2, Assert.Single(await entries.GetEntriesAsync(AlexId)).Items.Count);
        Assert.Equal(2, sender.Sent.Count);
        Assert.Contains("That gratitude was already in your journal for Tuesday, 24 November, so nothing new was added", sender.Sent[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Saved for", sender.Sent[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestAsync_UndoAnsweringTheReceiptOfADigestReply_ExactlyThatReplysItemsAndActsTakenBack()
    {
        var sut = await CreateSutAsync();
        await sut.IngestAsync(Post(Reply("1. Warm socks with Ana", TokenPurpose.Prompt, "2026-11-24")));
        var digestReply = Reply("1. The snow\n2. Sam made me dinner\n3. Shovelled the path for the neighbour", TokenPurpose.Digest, "2026-11-22");
        await sut.IngestAsync(Post(digestReply));
        var undo = Reply("UNDO", TokenPurpose.Note, "2026-11-24");

        var outcome = await sut.IngestAsync(Post(new InboundMail(undo.MessageId, undo.From, undo.EnvelopeTo, "Re: Re: Saved", "UNDO", null, true, true, "undo")
        {
            References = ["receipt-2@compersion.local", digestReply.MessageId!],
        }));

        Assert.Equal(IngestOutcome.Command, outcome);
        Assert.Equal(["Warm socks with Ana"], Assert.Single(await entries.GetEntriesAsync(AlexId)).Items.Select(i => i.Text));
        Assert.Empty(Assert.Single(await acts.GetActsAsync(AlexId)).Acts);
        var answer = sender.Sent[^1];
        Assert.Contains("that reply's 2 gratitudes and 1 kind act are out of your journal again", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Kind act: Shovelled the path for the neighbour", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(23, true)]
    [InlineData(25, false)]
    public async Task IngestAsync_UndoAnHourOrMoreEitherSideOfADayAfterTheReply_TakenBackWithinTheDayElseTheJournalPageOffered(int hoursLater, bool takenBack)
    {
        var sut = await CreateSutAsync();
        var reply = Reply("1. Warm socks with Ana", TokenPurpose.Prompt, "2026-11-24");
        await sut.IngestAsync(Post(reply));

        await sut.IngestAsync(archive.Add(reader.Register(Undo(reply)), Arrival.AddHours(hoursLater)));

        Assert.Equal(takenBack ? 0 : 1, (await entries.GetEntriesAsync(AlexId)).SelectMany(entry => entry.Items).Count());
        var answer = sender.Sent[^1];
        Assert.Contains(takenBack ? "out of your journal again" : "UNDO works for a day after a reply", answer.Text, StringComparison.Ordinal);
        Assert.Equal(!takenBack, answer.Html!.Contains(">Open my journal<", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IngestAsync_UndoOfAReplyWithPhotos_ItsPhotosGoWithItsItemsAndAnotherReplysPhotoStays()
    {
        var sut = await CreateSutAsync();
        var reply = Reply("1. Warm socks with Ana", TokenPurpose.Prompt, "2026-11-24") with
        {
            Attachments = [new MailAttachment("a.jpg", "image/jpeg", null, 60_000, ScriptedPhotoImaging.Picture(1600, 1200)), new MailAttachment("b.jpg", "image/jpeg", null, 60_000, ScriptedPhotoImaging.Picture(1600, 1200))],
        };
        var other = Reply("1. The snow", TokenPurpose.Prompt, "2026-11-24") with
        {
            Attachments = [new MailAttachment("snow.jpg", "image/jpeg", null, 60_000, ScriptedPhotoImaging.Picture(1600, 1200))],
        };
        await sut.IngestAsync(Post(reply));
        await sut.IngestAsync(Post(other));

        await sut.IngestAsync(Post(Undo(reply)));

        Assert.Equal(["snow.jpg"], photoStore.Of(AlexId).Select(p => p.Name));
        Assert.Equal(["The snow"], (await entries.GetEntriesAsync(AlexId)).SelectMany(entry => entry.Items).Select(i => i.Text));
        Assert.Contains("that reply's 1 gratitude and 2 photos are out of your journal again", sender.Sent[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestAsync_UndoOfAReplyOfPhotosAlone_PhotosGoneAndTheAnswerSaysSo()
    {
        var sut = await CreateSutAsync();
        var reply = Reply(string.Empty, TokenPurpose.Prompt, "2026-11-24") with
        {
            Attachments = [new MailAttachment("a.jpg", "image/jpeg", null, 60_000, ScriptedPhotoImaging.Picture(1600, 1200))],
        };
        await sut.IngestAsync(Post(reply));

        await sut.IngestAsync(Post(Undo(reply)));

        Assert.Empty(photoStore.Of(AlexId));
        Assert.Contains("Done: that reply's 1 photo is out of your journal again.", sender.Sent[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestAsync_UndoRedeliveredAfterTakingBackButBeforeAnswering_AnswersTakenBackOnce()
    {
        var sut = await CreateSutAsync();
        var reply = Reply("1. Warm socks with Ana", TokenPurpose.Prompt, "2026-11-24");
        await sut.IngestAsync(Post(reply));
        var undo = Undo(reply);
        await sut.IngestAsync(Post(undo));
        var key = ledger.Rows.Single(row => row.Value.Detail == "undone").Key;
        ledger.Rewind(key, InboundStage.Stored, unanswered: true);
        var sentBefore = sender.Sent.Count;

        await sut.IngestAsync(Post(undo));
        await sut.IngestAsync(Post(undo));

        Assert.Empty((await entries.GetEntriesAsync(AlexId)).SelectMany(entry => entry.Items));
        var again = Assert.Single(sender.Sent.Skip(sentBefore));
        Assert.Contains("that reply is out of your journal again", again.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(sender.Sent, sent => sent.Text.Contains("Nothing to take back", StringComparison.Ordinal) || sent.Text.Contains("couldn't find anything", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IngestAsync_UndoNamingNoReplyOfTheirs_NothingChangedAndTheWayToTheDayPage()
    {
        var sut = await CreateSutAsync();
        await sut.IngestAsync(Post(Reply("1. Warm socks with Ana", TokenPurpose.Prompt, "2026-11-24")));

        await sut.IngestAsync(Post(Reply("UNDO", TokenPurpose.Note, "2026-11-24")));

        Assert.Single(Assert.Single(await entries.GetEntriesAsync(AlexId)).Items);
        Assert.Contains("couldn't find anything to take back", sender.Sent[^1].Text, StringComparison.Ordinal);
        Assert.Contains("reply JOURNAL", sender.Sent[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestAsync_CommandWithTokenAndFromButSpfAndDkimFailing_NothingChangedAndTheSubscriberAskedByALink()
    {
        var sut = await CreateSutAsync();

        var outcome = await sut.IngestAsync(Post(Unverified(Reply("TIME 07:30", TokenPurpose.Prompt, "2026-11-24"))));

        Assert.Equal(IngestOutcome.Held, outcome);
        Assert.Equal(new NodaTime.LocalTime(20, 0), (await subscribers.FindByIdAsync(AlexId))!.PromptTime);
        var note = Assert.Single(sender.Sent);
        Assert.Equal(("held", "alex@example.org"), (note.Kind, note.To));
        Assert.Contains("It asked for this, and nothing has changed yet:", note.Text, StringComparison.Ordinal);
        Assert.Contains("TIME 07:30", note.Text, StringComparison.Ordinal);
        Assert.Matches(KeepLink, note.Text);
    }

    [Fact]
    public async Task IngestAsync_SecondUnverifiedMailTheSameDay_HeldWithoutASecondNoteAndNotedAgainTheNextDay()
    {
        var sut = await CreateSutAsync();

        var first = await sut.IngestAsync(Post(Unverified(Reply("TIME 07:30", TokenPurpose.Prompt, "2026-11-24"))));
        var second = await sut.IngestAsync(Post(Unverified(Reply("STOP", TokenPurpose.Prompt, "2026-11-24"))));
        time.Advance(TimeSpan.FromDays(1));
        var nextDay = await sut.IngestAsync(Post(Unverified(Reply("PAUSE", TokenPurpose.Prompt, "2026-11-24"))));

        Assert.Equal((IngestOutcome.Held, IngestOutcome.Held, IngestOutcome.Held), (first, second, nextDay));
        Assert.Equal(["held", "held"], sender.Sent.Select(m => m.Kind));
        Assert.Contains("TIME 07:30", sender.Sent[0].Text, StringComparison.Ordinal);
        Assert.Contains("PAUSE", sender.Sent[1].Text, StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Active, (await subscribers.FindByIdAsync(AlexId))!.Status);
    }

    [Fact]
    public async Task KeepAsync_HeldCommandKeptByItsLink_AppliedAndConfirmedOnceEvenClickedTwice()
    {
        var sut = await CreateSutAsync();
        await sut.IngestAsync(Post(Unverified(Reply("TIME 07:30", TokenPurpose.Prompt, "2026-11-24"))));
        var link = KeepLink.Match(sender.Sent[0].Text).Groups;

        var first = await sut.KeepAsync(link["token"].Value, Uri.UnescapeDataString(link["post"].Value), link["mac"].Value);
        var second = await sut.KeepAsync(link["token"].Value, Uri.UnescapeDataString(link["post"].Value), link["mac"].Value);

        Assert.Equal((KeepOutcome.Kept, KeepOutcome.AlreadyKept), (first, second));
        Assert.Equal(new NodaTime.LocalTime(7, 30), (await subscribers.FindByIdAsync(AlexId))!.PromptTime);
        Assert.Equal(["held", "command"], sender.Sent.Select(m => m.Kind));
    }

    /// <summary>A held mail has a ledger row under its unverified key, and once kept another under the verified one: deleting the subscriber must find both.</summary>
    [Fact]
    public async Task KeepAsync_HeldReplyKept_BothOfItsLedgerKeysIndexed()
    {
        var sut = await CreateSutAsync();
        await sut.IngestAsync(Post(Unverified(Reply("1. Soup with Ana", TokenPurpose.Prompt, "2026-11-24"))));
        var link = KeepLink.Match(sender.Sent[0].Text).Groups;

        var outcome = await sut.KeepAsync(link["token"].Value, Uri.UnescapeDataString(link["post"].Value), link["mac"].Value);

        Assert.Equal(KeepOutcome.Kept, outcome);
        Assert.Single(postIndex.PostsOf(AlexId));
        Assert.Equal(2, ledger.Rows.Count);
        Assert.Equal(ledger.Rows.Keys.Order(StringComparer.Ordinal), postIndex.KeysOf(AlexId));
    }

    [Fact]
    public async Task IngestAsync_JournalTextUnverified_KeptAsideAndListedThenJournaledOnlyOnceKept()
    {
        var sut = await CreateSutAsync();
        await sut.IngestAsync(Post(Unverified(Reply("1. Soup with Ana\n2. The rain stopped", TokenPurpose.Prompt, "2026-11-23"))));
        var held = await entries.GetEntriesAsync(AlexId);
        var link = KeepLink.Match(sender.Sent[0].Text).Groups;

        var outcome = await sut.KeepAsync(link["token"].Value, Uri.UnescapeDataString(link["post"].Value), link["mac"].Value);

        Assert.Empty(held);
        Assert.Contains("Soup with Ana", sender.Sent[0].Text, StringComparison.Ordinal);
        Assert.Equal(KeepOutcome.Kept, outcome);
        var entry = Assert.Single(await entries.GetEntriesAsync(AlexId));
        Assert.Equal((Date("2026-11-23"), 2), (entry.Date, entry.Items.Count));
        Assert.Equal(["held", "receipt"], sender.Sent.Select(m => m.Kind));
    }

    [Fact]
    public async Task IngestAsync_HeldForgeryThenTheGenuineReplyWithItsMessageId_GenuineJournaled()
    {
        var sut = await CreateSutAsync();
        var genuine = Reply("1. Soup with Ana\n2. The rain stopped", TokenPurpose.Prompt, "2026-11-24");

        var outcomes = (await sut.IngestAsync(Post(Unverified(genuine with { Text = "STOP" }))), await sut.IngestAsync(Post(genuine)));

        Assert.Equal((IngestOutcome.Held, IngestOutcome.Journaled), outcomes);
        Assert.Equal(SubscriberStatus.Active, (await subscribers.FindByIdAsync(AlexId))!.Status);
        Assert.Equal(2, Assert.Single(await entries.GetEntriesAsync(AlexId)).Items.Count);
    }

    [Fact]
    public async Task KeepAsync_LinkAfterThreeDaysOrForAnotherPost_NothingKept()
    {
        var sut = await CreateSutAsync();
        var other = Post(Reply("1. Someone else's post", TokenPurpose.Prompt, "2026-11-24"));
        await sut.IngestAsync(Post(Unverified(Reply("STOP", TokenPurpose.Prompt, "2026-11-24"))));
        var link = KeepLink.Match(sender.Sent[0].Text).Groups;

        var swapped = await sut.KeepAsync(link["token"].Value, other, link["mac"].Value);
        time.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        var late = await sut.KeepAsync(link["token"].Value, Uri.UnescapeDataString(link["post"].Value), link["mac"].Value);

        Assert.Equal((KeepOutcome.Invalid, KeepOutcome.Expired), (swapped, late));
        Assert.Equal(SubscriberStatus.Active, (await subscribers.FindByIdAsync(AlexId))!.Status);
    }

    [Fact]
    public async Task IngestAsync_TokenFromAnAddressTheyHaveNotAdded_NothingSavedAndOnlyTheSubscriberToldOnceAWeek()
    {
        var sut = await CreateSutAsync();

        var first = await sut.IngestAsync(Post(Reply("1. Soup with Ana", TokenPurpose.Prompt, "2026-11-24", from: "alex@work.example")));
        await sut.IngestAsync(Post(Reply("2. The rain stopped", TokenPurpose.Prompt, "2026-11-24", from: "alex@work.example")));
        time.Advance(TimeSpan.FromDays(7));
        await sut.IngestAsync(Post(Reply("3. A quiet bus", TokenPurpose.Prompt, "2026-11-24", from: "alex@work.example")));

        Assert.Equal(IngestOutcome.Quarantined, first);
        Assert.Empty(await entries.GetEntriesAsync(AlexId));
        Assert.Equal(2, sender.Sent.Count);
        Assert.All(sender.Sent, note => Assert.Equal("alex@example.org", note.To));
        Assert.Contains("a•••@work.example", sender.Sent[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("alex@work.example", sender.Sent[0].Text, StringComparison.Ordinal);
        Assert.Contains("ADD ADDRESS", sender.Sent[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestAsync_ReplyFromAConfirmedFurtherAddress_JournaledForTheSubscriber()
    {
        var sut = await CreateSutAsync();
        await subscribers.UpdateAsync(AlexId, s => s with { ExtraAddresses = ["alex@work.example"] });

        var outcome = await sut.IngestAsync(Post(Reply("1. Soup with Ana", TokenPurpose.Prompt, "2026-11-24", from: "alex@work.example")));

        Assert.Equal(IngestOutcome.Journaled, outcome);
        Assert.Equal(["Soup with Ana"], Assert.Single(await entries.GetEntriesAsync(AlexId)).Items.Select(i => i.Text));
        Assert.Equal("alex@example.org", Assert.Single(sender.Sent).To);
    }

    [Theory]
    [InlineData("alex@example.org", true)]
    [InlineData("alex@work.example", false)]
    public async Task IngestAsync_AddAddress_CarriedOutOnlyFromTheRegisteredAddress(string from, bool carriedOut)
    {
        var sut = await CreateSutAsync();
        await subscribers.UpdateAsync(AlexId, s => s with { ExtraAddresses = ["alex@work.example"] });

        await sut.IngestAsync(Post(Reply("ADD ADDRESS alex@alias.example", TokenPurpose.Prompt, "2026-11-24", from: from)));

        Assert.Equal(carriedOut ? "alex@alias.example" : null, (await subscribers.FindByIdAsync(AlexId))!.PendingAddress?.Email);
        Assert.Equal(carriedOut ? ["alex@alias.example", "alex@example.org"] : ["alex@example.org"], sender.Sent.Select(sent => sent.To));
        Assert.Contains(carriedOut ? "We've sent a link to alex@alias.example" : "works only from a•••@example.org", sender.Sent[^1].Text, StringComparison.Ordinal);
    }

    private static readonly System.Text.RegularExpressions.Regex KeepLink = new(@"/api/keep\?token=(?<token>[a-z2-7]+)&post=(?<post>[^&\s]+)&mac=(?<mac>[A-Za-z0-9_-]+)");

    private static InboundMail Unverified(InboundMail mail) => mail with { SpfPass = false, DkimPass = false };

    [Fact]
    public async Task IngestAsync_MailToTheSignUpMailboxFromAStranger_PendingWithOneConfirmationQueuedAndNothingJournaled()
    {
        var sut = await CreateSutAsync();

        var outcome = await sut.IngestAsync(Post(SignUpMail("sam@example.org", "Hello! I'd love to join. I live in Europe/Berlin.", verified: true)));
        await sut.IngestAsync(Post(SignUpMail("sam@example.org", "Me again", verified: true)));

        Assert.Equal(IngestOutcome.SignUp, outcome);
        var sam = await subscribers.FindByEmailAsync("sam@example.org");
        Assert.Equal((SubscriberStatus.Pending, "Europe/Berlin"), (sam!.Status, sam.Zone));
        Assert.All(jobs.Jobs, job => Assert.Equal((Compersion.Core.Scheduling.JobKind.Confirm, sam.Id), (job.Kind, job.SubscriberId)));
        Assert.Single(jobs.Jobs.Select(job => job.Id).Distinct());
        Assert.Empty(await entries.GetEntriesAsync(sam.Id));
        Assert.Empty(sender.Sent);
    }

    [Fact]
    public async Task IngestAsync_MailToTheSignUpMailboxFromAVerifiedSubscriber_TheirSettingsLinkAndNoConfirmation()
    {
        var sut = await CreateSutAsync();

        await sut.IngestAsync(Post(SignUpMail("alex@example.org", "1. Soup with Ana", verified: true)));

        var answer = Assert.Single(sender.Sent);
        Assert.Equal(("settings", "alex@example.org"), (answer.Kind, answer.To));
        Assert.Empty(jobs.Jobs);
        Assert.Empty(await entries.GetEntriesAsync(AlexId));
        Assert.Equal(SubscriberStatus.Active, (await subscribers.FindByIdAsync(AlexId))!.Status);
    }

    [Fact]
    public async Task IngestAsync_SignUpMailForgedFromASubscribersAddress_NothingSentToThem()
    {
        var sut = await CreateSutAsync();

        var outcome = await sut.IngestAsync(Post(SignUpMail("alex@example.org", "sign me up", verified: false)));

        Assert.Equal(IngestOutcome.SignUp, outcome);
        Assert.Empty(sender.Sent);
        Assert.Empty(jobs.Jobs);
    }

    private static InboundMail SignUpMail(string from, string text, bool verified) => new(
        StableId(text, TokenPurpose.Note, "start", from),
        from,
        [$"start@{InboundDomain}"],
        "Sign me up",
        text,
        null,
        SpfPass: verified,
        DkimPass: verified,
        ContentHash: "hash-" + text);

    // UNDO as a reply to the receipt of reply: its References name the receipt, then the reply.
    private static InboundMail Undo(InboundMail reply) =>
        new("undo-" + reply.MessageId, reply.From, [ReplyAddressOf(TokenPurpose.Note, "2026-11-24")], "Re: Saved", "UNDO", null, true, true, "undo")
        {
            References = ["receipt-1@compersion.local", reply.MessageId!],
        };

    private static string ReplyAddressOf(TokenPurpose purpose, string date) => Reply("x", purpose, date).EnvelopeTo[0];

    private string Post(InboundMail mail) => archive.Add(reader.Register(mail), Arrival);

    private static InboundMail Reply(string text, TokenPurpose purpose, string date, string from = "alex@example.org") => new(
        StableId(text, purpose, date, from),
        from,
        [$"reply+{Signer().ForReply(purpose, AlexId, Date(date))}@{InboundDomain}"],
        "Re: today",
        text,
        null,
        SpfPass: true,
        DkimPass: true,
        ContentHash: "hash");

    // The same reply gets the same Message-ID, as a mail posted twice does.
    private static string StableId(string text, TokenPurpose purpose, string date, string from) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{text}|{purpose}|{date}|{from}")))[..24] + "@mail.example.org";

    private async Task<ReplyIngestor> CreateSutAsync()
    {
        // An active subscriber, who replied the day before (one quiet for a week gets the welcome-back receipt instead).
        await subscribers.AddOrGetAsync(Subscriber(lastReply: new NodaTime.LocalDate(2026, 11, 23)));
        return new ReplyIngestorParts(subscribers, time)
        {
            Archive = archive,
            Reader = reader,
            Ledger = ledger,
            PostIndex = postIndex,
            Entries = entries,
            Acts = acts,
            Sender = sender,
            Jobs = jobs,
            Imaging = imaging,
            Photos = photoStore,
        }.Build();
    }
}
