using Compersion.Core.Access;
using Compersion.Core.Digests;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Mail;
using Compersion.Core.Outbound;
using Compersion.Core.Scheduling;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Compersion.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Outbound;

/// <summary>One queued job to one mail, at most once: the outbox claim, failures that retry, ambiguous answers that do not, and jobs that no longer apply.</summary>
public sealed class OutboundSenderTests
{
    private static readonly LocalDate Today = new(2026, 11, 25);

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 19, 0, 30, TimeSpan.Zero));
    private readonly InMemorySubscriberStore subscribers = new();
    private readonly InMemoryOutbox outbox = new();
    private readonly RecordingMailSender mail = new();

    [Fact]
    public async Task SendAsync_DuePromptDeliveredTwice_SendsOneMailToTheAlex()
    {
        var sut = await CreateSutAsync(Alex());
        var job = PromptJob(Alex());

        var first = await sut.SendAsync(job);
        var second = await sut.SendAsync(job);

        Assert.Equal(SendReport.Sent, first);
        Assert.Equal(SendReport.Duplicate, second);
        var sent = Assert.Single(mail.Sent);
        Assert.Equal("alex@example.org", sent.To);
        Assert.Equal("prompt", sent.Kind);
    }

    [Fact]
    public async Task SendAsync_ProviderCertainlyRefused_ThrowsSoTheQueueRetriesAndTheRetrySends()
    {
        var sut = await CreateSutAsync(Alex());
        var job = PromptJob(Alex());
        mail.Answer = SendResult.NotSent("400 bad request");

        await Assert.ThrowsAsync<MailNotSentException>(() => sut.SendAsync(job));
        mail.Answer = SendResult.Sent("sg-2");
        var retry = await sut.SendAsync(job);

        Assert.Equal(SendReport.Sent, retry);
        Assert.Equal(2, mail.Sent.Count);
    }

    [Fact]
    public async Task SendAsync_AddressMovedNoticeRefusedOnce_RetriedToTheOldAddressWithAnUndoLinkAndSentOnce()
    {
        var moved = Alex() with { Email = "alex@new.example", MovedFrom = new PreviousAddress("alex@example.org", 42, Instant.FromDateTimeOffset(time.GetUtcNow()) + PreviousAddress.UndoWindow) };
        var sut = await CreateSutAsync(moved);
        var job = OutboundJob.For(moved.Id, JobKind.AddressMoved, Today);
        mail.Answer = SendResult.NotSent("503 service unavailable");

        await Assert.ThrowsAsync<MailNotSentException>(() => sut.SendAsync(job));
        mail.Answer = SendResult.Sent("sg-2");
        var retry = await sut.SendAsync(job);
        var again = await sut.SendAsync(job);

        Assert.Equal((SendReport.Sent, SendReport.Duplicate), (retry, again));
        Assert.Equal(2, mail.Sent.Count);
        var notice = mail.Sent[^1];
        Assert.Equal("alex@example.org", notice.To);
        Assert.Null(notice.ReplyTo);
        Assert.Contains("a•••@new.example", notice.Text, StringComparison.Ordinal);
        Assert.Contains(PublicBaseUrl + "/api/address/undo?token=", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/settings", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_AddressMovedNoticeAfterTheMoveWasUndone_Skipped()
    {
        var sut = await CreateSutAsync(Alex());

        var report = await sut.SendAsync(OutboundJob.For(AlexId, JobKind.AddressMoved, Today));

        Assert.Equal(SendReport.Skipped, report);
        Assert.Empty(mail.Sent);
    }

    [Fact]
    public async Task SendAsync_AmbiguousAnswer_IsRecordedAndNeverSentAgain()
    {
        var sut = await CreateSutAsync(Alex());
        var job = PromptJob(Alex());
        mail.Answer = SendResult.Uncertain("timeout");

        var first = await sut.SendAsync(job);
        mail.Answer = SendResult.Sent("sg-2");
        var redelivered = await sut.SendAsync(job);

        Assert.Equal(SendReport.Uncertain, first);
        Assert.Equal(SendReport.Duplicate, redelivered);
        Assert.Single(mail.Sent);
    }

    [Fact]
    public async Task SendAsync_SubscriberStoppedAfterTheJobWasQueued_SendsNothing()
    {
        var sut = await CreateSutAsync(Alex() with { Status = SubscriberStatus.Unsubscribed });

        var report = await sut.SendAsync(PromptJob(Alex()));

        Assert.Equal(SendReport.Skipped, report);
        Assert.Empty(mail.Sent);
    }

    [Fact]
    public async Task SendAsync_PromptMovedLaterAfterDispatch_TheOldTimesJobSendsNothing()
    {
        var sut = await CreateSutAsync(Alex() with { PromptTime = new LocalTime(21, 30) });

        var report = await sut.SendAsync(PromptJob(Alex()));

        Assert.Equal(SendReport.Skipped, report);
        Assert.Empty(mail.Sent);
    }

    [Fact]
    public async Task SendAsync_PromptMovedToATimeAlreadyPastToday_TheDaysPromptStillGoesOut()
    {
        var sut = await CreateSutAsync(Alex() with { PromptTime = new LocalTime(7, 30) });

        var report = await sut.SendAsync(PromptJob(Alex()));

        Assert.Equal(SendReport.Sent, report);
        Assert.Single(mail.Sent);
    }

    [Fact]
    public async Task SendAsync_ConfirmationForSomeoneAlreadyActive_SendsNothing()
    {
        var sut = await CreateSutAsync(Alex());

        var report = await sut.SendAsync(OutboundJob.For(AlexId, JobKind.Confirm, Today));

        Assert.Equal(SendReport.Skipped, report);
        Assert.Empty(mail.Sent);
    }

    [Fact]
    public async Task SendAsync_BatchWithOneRefusedJob_SendsTheOthersAndThrowsForTheRetry()
    {
        var sam = Alex(SamId) with { Email = "sam@example.org" };
        await subscribers.AddOrGetAsync(Alex());
        await subscribers.AddOrGetAsync(sam);
        var sender = new RefusingFor("sam@example.org");
        var sut = await CreateSutAsync(sender);

        await Assert.ThrowsAsync<MailNotSentException>(() => sut.SendAsync(new OutboundBatch([PromptJob(Alex()), PromptJob(sam)])));

        Assert.Equal(["alex@example.org"], sender.Delivered);
    }

    // Replied yesterday, so today's prompt is due (no back-off).
    private static Subscriber Alex(string id = AlexId) => Subscriber(id, lastReply: Today.PlusDays(-1));

    private static OutboundJob PromptJob(Subscriber subscriber) => OutboundJob.From(ScheduleEntry.PromptFor(subscriber, Today));

    private async Task<OutboundSender> CreateSutAsync(params Subscriber[] people)
    {
        foreach (var person in people)
        {
            await subscribers.AddOrGetAsync(person);
        }

        return await CreateSutAsync(mail);
    }

    private Task<OutboundSender> CreateSutAsync(IMailSender sender)
    {
        var journal = new InMemoryJournal(subscribers, new InMemoryEntryStore(), new InMemoryActStore());
        return Task.FromResult(new OutboundSender(
            subscribers,
            journal,
            new AcceptingScheduleStore(),
            outbox,
            sender,
            new PromptComposer(Signer(), MailSettings()),
            new ConfirmationComposer(Signer(), MailSettings()),
            new WelcomeComposer(Signer(), MailSettings()),
            new AddressMovedNotice(Signer(), new NoteComposer(MailSettings(), Signer(), time), MailSettings()),
            new DigestComposer(Signer(), MailSettings()),
            new KeptDigestLog(),
            IdeaCatalog.Shipped,
            time,
            NullLogger<OutboundSender>.Instance));
    }

    private sealed class KeptDigestLog : IDigestLog
    {
        public Task<DigestRecord> RecordAsync(string subscriberId, DigestRecord record, CancellationToken cancellationToken = default) =>
            Task.FromResult(record);
    }

    /// <summary>A provider that refuses one address for good and delivers the rest.</summary>
    private sealed class RefusingFor(string refused) : IMailSender
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> delivered = new();

        public IReadOnlyList<string> Delivered => [.. delivered];

        public Task<SendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
        {
            if (mail.To == refused)
            {
                return Task.FromResult(SendResult.NotSent("400 invalid address"));
            }

            delivered.Enqueue(mail.To);
            return Task.FromResult(SendResult.Sent("sg-1"));
        }
    }
}
