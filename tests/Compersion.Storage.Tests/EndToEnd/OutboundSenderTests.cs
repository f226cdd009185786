using Azure.Data.Tables;
using Compersion.Core.Links;
using Compersion.Core.Outbound;
using Compersion.Core.Scheduling;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using Compersion.Storage.Sending;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Compersion.Storage.Tests.EndToEnd;

/// <summary>The real send handler over Azurite: at most one mail per job however often the queue delivers it.</summary>
public sealed class OutboundSenderTests(AzuriteFixture fixture) : PipelineTestBase(fixture)
{
    private static readonly LocalDate Today = new(2026, 1, 15);

    [Fact]
    public async Task SendAsync_SameJobThreeTimesInARow_SendsOneMail()
    {
        var job = await PromptJobForNewSubscriberAsync();

        var reports = new List<SendReport>();
        for (var i = 0; i < 3; i++)
        {
            reports.Add(await Pipeline.Sender.SendAsync(job));
        }

        Assert.Equal([SendReport.Sent, SendReport.Duplicate, SendReport.Duplicate], reports);
        Assert.Equal(job.Id, Assert.Single(Pipeline.Mail.Attempts).Tags["job"]);
    }

    [Fact]
    public async Task SendAsync_SameJobThreeTimesAtOnce_SendsOneMail()
    {
        var job = await PromptJobForNewSubscriberAsync();

        // A delivery that meets another one mid-send throws, so the queue brings it back later; then it finds it sent.
        var atOnce = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            try
            {
                return (SendReport?)await Pipeline.Sender.SendAsync(job);
            }
            catch (MailNotSentException)
            {
                return null;
            }
        })));
        var reports = atOnce.OfType<SendReport>().ToList();
        foreach (var _ in atOnce.Where(report => report is null))
        {
            reports.Add(await Pipeline.Sender.SendAsync(job));
        }

        Assert.Single(reports, report => report == SendReport.Sent);
        Assert.All(reports.Where(report => report != SendReport.Sent), report => Assert.Equal(SendReport.Duplicate, report));
        Assert.Equal(job.Id, Assert.Single(Pipeline.Mail.Attempts).Tags["job"]);
    }

    [Fact]
    public async Task SendAsync_SenderUncertain_RecordsItAndARedeliverySendsNothing()
    {
        var job = await PromptJobForNewSubscriberAsync();
        Pipeline.Mail.Respond = _ => SendResult.Uncertain("timeout after the request was sent");

        var first = await Pipeline.Sender.SendAsync(job);
        Pipeline.Mail.Respond = null;
        var redelivery = await Pipeline.Sender.SendAsync(job);

        Assert.Equal(SendReport.Uncertain, first);
        Assert.Equal(SendReport.Duplicate, redelivery);
        Assert.Single(Pipeline.Mail.Attempts);
        Assert.Empty(Pipeline.Mail.Delivered);
        Assert.Equal("Uncertain", (await OutboxRowAsync(job)).GetString("Status"));
    }

    [Fact]
    public async Task SendAsync_SenderNotSent_ThrowsAndALaterRedeliverySendsExactlyOnce()
    {
        var job = await PromptJobForNewSubscriberAsync();
        Pipeline.Mail.Respond = _ => SendResult.NotSent("connection refused");

        var failure = await Record.ExceptionAsync(() => Pipeline.Sender.SendAsync(job));
        var statusAfterFailure = (await OutboxRowAsync(job)).GetString("Status");
        Pipeline.Mail.Respond = null;
        Pipeline.SetNow(Pipeline.Now + Duration.FromMinutes(1));
        var redeliveries = new List<SendReport>();
        for (var i = 0; i < 2; i++)
        {
            redeliveries.Add(await Pipeline.Sender.SendAsync(job));
        }

        Assert.IsType<MailNotSentException>(failure);
        Assert.Equal("Released", statusAfterFailure);
        Assert.Equal([SendReport.Sent, SendReport.Duplicate], redeliveries);
        Assert.Equal(2, Pipeline.Mail.Attempts.Count);
        Assert.Equal(job.Id, Assert.Single(Pipeline.Mail.Delivered).Tags["job"]);
        Assert.Equal("Sent", (await OutboxRowAsync(job)).GetString("Status"));
    }

    [Theory]
    [InlineData(SendOutcome.Sent)]
    [InlineData(SendOutcome.Uncertain)]
    [InlineData(SendOutcome.NotSent)]
    public async Task SendAsync_SlowWorkerTakenOverAndSentBySuccessor_LateOutcomeKeepsTheSuccessorsSendAndIsNotRetried(SendOutcome lateOutcome)
    {
        var job = await PromptJobForNewSubscriberAsync();
        SendReport? successor = null;
        Pipeline.Mail.RespondAsync = async _ =>
        {
            // Still in SendGrid's call past StartedSendAge: the redelivered message takes the claim over and sends.
            Pipeline.Mail.RespondAsync = null;
            Pipeline.SetNow(Pipeline.Now + Duration.FromMinutes(3));
            successor = await Pipeline.Sender.SendAsync(job);
            return lateOutcome switch
            {
                SendOutcome.Sent => SendResult.Sent("msg-presumed-dead"),
                SendOutcome.Uncertain => SendResult.Uncertain("timeout after the request was sent"),
                _ => SendResult.NotSent("connection refused"),
            };
        };

        var presumedDead = await Record.ExceptionAsync(() => Pipeline.Sender.SendAsync(job));
        var furtherDelivery = await Pipeline.Sender.SendAsync(job);

        Assert.Null(presumedDead);
        Assert.Equal(SendReport.Sent, successor);
        Assert.Equal(SendReport.Duplicate, furtherDelivery);
        Assert.Equal(2, Pipeline.Mail.Attempts.Count);
        var row = await OutboxRowAsync(job);
        Assert.Equal("Sent", row.GetString("Status"));
        Assert.Equal("msg-1", row.GetString("MessageId"));
    }

    [Fact]
    public async Task SendAsync_DispatchedJobsOfPendingPausedAndUnsubscribedSubscribers_SendsOnlyToTheActiveOne()
    {
        await Pipeline.Dispatcher.DispatchDueAsync();
        var active = await Pipeline.AddConfirmedAsync("Etc/UTC", "06:30");
        var paused = await Pipeline.AddConfirmedAsync("Etc/UTC", "06:30");
        await Pipeline.Subscriptions.PauseForDeliveryProblemsAsync([paused.Id]);
        var unsubscribed = await Pipeline.AddConfirmedAsync("Etc/UTC", "06:30");
        var unsubscribe = UnsubscribeLinks.Create(Pipeline.Get<TokenSigner>(), Pipeline.Get<IOptions<MailOptions>>().Value, unsubscribed.Id, Today);
        Assert.Equal(LinkOutcome.Done, await Pipeline.Subscriptions.UnsubscribeAsync(unsubscribe.Token));
        var pending = await SignUpWithoutConfirmingAsync("Etc/UTC", "06:30");
        await Pipeline.DrainQueueAsync();
        Pipeline.SetNow(Instant.FromUtc(2026, 1, 15, 6, 30, 30));
        await Pipeline.Dispatcher.DispatchDueAsync();
        var jobs = await Pipeline.DrainQueueAsync();
        var tomorrow = ScheduleBucket.Of(Instant.FromUtc(2026, 1, 16, 6, 30));
        var rollingBeforeSending = (await Pipeline.Schedule.GetDueAsync(tomorrow)).Select(row => row.SubscriberId).ToList();

        var stalePromptForPending = await Pipeline.Sender.SendAsync(OutboundJob.For(pending.Id, JobKind.Prompt, Today));
        var reports = new Dictionary<string, SendReport>();
        foreach (var job in jobs)
        {
            reports[job.SubscriberId] = await Pipeline.Sender.SendAsync(job);
        }

        Assert.Equal(
            new Dictionary<string, SendReport>
            {
                [active.Id] = SendReport.Sent,
                [paused.Id] = SendReport.Skipped,
                [unsubscribed.Id] = SendReport.Skipped,
            },
            reports);
        Assert.Equal(SendReport.Skipped, stalePromptForPending);
        Assert.Equal(active.Email, Assert.Single(Pipeline.Mail.Attempts).To);
        Assert.Equal(new[] { active.Id, paused.Id, unsubscribed.Id }.Order(), rollingBeforeSending.Order());
        var rolling = (await Pipeline.Schedule.GetDueAsync(tomorrow)).Select(row => row.SubscriberId).ToList();
        Assert.Equal(new[] { active.Id, paused.Id }.Order(), rolling.Order());
    }

    [Fact]
    public async Task SendAsync_BatchWithOneRefusedSend_SendsTheRestThrowsAndTheRedeliverySendsOnlyTheRefusedOne()
    {
        var jobs = new List<OutboundJob>();
        for (var i = 0; i < 5; i++)
        {
            jobs.Add(await PromptJobForNewSubscriberAsync());
        }

        var refused = jobs[2];
        Pipeline.Mail.Respond = mail => mail.Tags["job"] == refused.Id ? SendResult.NotSent("connection refused") : SendResult.Sent("msg-" + mail.Tags["job"]);

        var failure = await Record.ExceptionAsync(() => Pipeline.Sender.SendAsync(new OutboundBatch(jobs)));
        var deliveredFirst = Pipeline.Mail.Delivered.Select(mail => mail.Tags["job"]).Order(StringComparer.Ordinal).ToList();
        Pipeline.Mail.Respond = null;
        var redelivery = await Pipeline.Sender.SendAsync(new OutboundBatch(jobs));

        Assert.IsType<MailNotSentException>(failure);
        Assert.Contains("1 of 5 jobs not sent", failure.Message, StringComparison.Ordinal);
        Assert.Equal(jobs.Where(job => job != refused).Select(job => job.Id).Order(StringComparer.Ordinal), deliveredFirst);
        Assert.Equal([SendReport.Duplicate, SendReport.Duplicate, SendReport.Sent, SendReport.Duplicate, SendReport.Duplicate], redelivery);
        Assert.Equal(jobs.Select(job => job.Id).Order(StringComparer.Ordinal), Pipeline.Mail.Delivered.Select(mail => mail.Tags["job"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SendAsync_WorkerDiedAfterClaimingBeforeSending_RedeliverySendsOnce()
    {
        var job = await PromptJobForNewSubscriberAsync();
        await Pipeline.Get<IOutbox>().TryClaimAsync(job, Pipeline.Now);
        Pipeline.SetNow(Pipeline.Now + Duration.FromSeconds(30));

        var redelivery = await Pipeline.Sender.SendAsync(job);

        Assert.Equal(SendReport.Sent, redelivery);
        Assert.Equal(job.Id, Assert.Single(Pipeline.Mail.Delivered).Tags["job"]);
        Assert.Equal("Sent", (await OutboxRowAsync(job)).GetString("Status"));
    }

    [Fact]
    public async Task SendAsync_WorkerDiedDuringTheSend_IsRetriedLaterThenSentAgainNeverLeftClaimed()
    {
        var job = await PromptJobForNewSubscriberAsync();
        Pipeline.Mail.Respond = _ => throw new OperationCanceledException("the process died during the call");
        await Assert.ThrowsAsync<OperationCanceledException>(() => Pipeline.Sender.SendAsync(job));
        Pipeline.Mail.Respond = null;
        Pipeline.SetNow(Pipeline.Now + Duration.FromSeconds(30));

        var tooSoon = await Record.ExceptionAsync(() => Pipeline.Sender.SendAsync(job));
        Pipeline.SetNow(Pipeline.Now + Duration.FromMinutes(3));
        var later = await Pipeline.Sender.SendAsync(job);

        Assert.IsType<MailNotSentException>(tooSoon);
        Assert.Equal(SendReport.Sent, later);
        Assert.Equal(job.Id, Assert.Single(Pipeline.Mail.Delivered).Tags["job"]);
        Assert.Equal("Sent", (await OutboxRowAsync(job)).GetString("Status"));
    }

    [Fact]
    public async Task SendAsync_PausedUntilTomorrow_NothingTodayThenTheNextPromptResumesAndIsSent()
    {
        var subscriber = await Pipeline.AddConfirmedAsync("Europe/Berlin", "20:00");
        await Pipeline.Get<SettingsService>().PauseUntilAsync(subscriber, Today.PlusDays(1));

        var today = await Pipeline.Sender.SendAsync(OutboundJob.For(subscriber.Id, JobKind.Prompt, Today));
        var stillPaused = await Pipeline.Get<ISubscriberStore>().FindByIdAsync(subscriber.Id);
        var tomorrow = await Pipeline.Sender.SendAsync(OutboundJob.For(subscriber.Id, JobKind.Prompt, Today.PlusDays(1)));
        var after = await Pipeline.Get<ISubscriberStore>().FindByIdAsync(subscriber.Id);

        Assert.Equal(SendReport.Skipped, today);
        Assert.Equal(SubscriberStatus.Paused, stillPaused!.Status);
        Assert.Equal(SendReport.Sent, tomorrow);
        Assert.Equal(SubscriberStatus.Active, after!.Status);
        Assert.Null(after.PausedUntil);
        Assert.Equal(Today.PlusDays(1), after.ResumedOn);
        Assert.Single(Pipeline.Mail.Delivered);
    }

    [Fact]
    public async Task SendAsync_PromptsOffDigestOn_SendsTheDigestButNoPrompt()
    {
        var subscriber = await Pipeline.AddConfirmedAsync("Europe/Berlin", "20:00", "Sunday", "18:00");
        await Pipeline.Get<SettingsService>().ChangePromptsAsync(subscriber, false);
        var sunday = new LocalDate(2026, 1, 25);

        var prompt = await Pipeline.Sender.SendAsync(OutboundJob.For(subscriber.Id, JobKind.Prompt, Today));
        var digest = await Pipeline.Sender.SendAsync(OutboundJob.For(subscriber.Id, JobKind.Digest, sunday));

        Assert.Equal(SendReport.Skipped, prompt);
        Assert.Equal(SendReport.Sent, digest);
        Assert.Equal("digest", Assert.Single(Pipeline.Mail.Delivered).Kind);
    }

    [Fact]
    public async Task SendAsync_DigestOff_SendsThePromptButNoDigest()
    {
        var subscriber = await Pipeline.AddConfirmedAsync("Europe/Berlin", "20:00", "Sunday", "18:00");
        await Pipeline.Get<SettingsService>().ChangeDigestEnabledAsync(subscriber, false);

        var prompt = await Pipeline.Sender.SendAsync(OutboundJob.For(subscriber.Id, JobKind.Prompt, Today));
        var digest = await Pipeline.Sender.SendAsync(OutboundJob.For(subscriber.Id, JobKind.Digest, new LocalDate(2026, 1, 25)));

        Assert.Equal(SendReport.Sent, prompt);
        Assert.Equal(SendReport.Skipped, digest);
        Assert.Equal("prompt", Assert.Single(Pipeline.Mail.Delivered).Kind);
    }

    private async Task<OutboundJob> PromptJobForNewSubscriberAsync()
    {
        var subscriber = await Pipeline.AddConfirmedAsync("Europe/Berlin", "20:00");
        return OutboundJob.For(subscriber.Id, JobKind.Prompt, Today);
    }

    private async Task<Subscriber> SignUpWithoutConfirmingAsync(string zone, string promptTime)
    {
        Assert.True(SignUpRequest.TryCreate($"pending.{Guid.NewGuid():N}@example.org", zone, promptTime, null, null, out var request, out var error), error);
        Assert.Equal(SignUpOutcome.ConfirmationQueued, await Pipeline.Subscriptions.SignUpAsync(request!));
        var subscriber = await Pipeline.Get<ISubscriberStore>().FindByEmailAsync(request!.Email);
        Assert.Equal(SubscriberStatus.Pending, subscriber?.Status);
        return subscriber!;
    }

    private async Task<TableEntity> OutboxRowAsync(OutboundJob job)
    {
        var (partitionKey, rowKey) = TableOutbox.KeysFor(job);
        var table = Pipeline.Get<TableServiceClient>().GetTableClient(Pipeline.Get<IOptions<StorageOptions>>().Value.TablePrefix + TableNames.Outbox);
        return (await table.GetEntityAsync<TableEntity>(partitionKey, rowKey)).Value;
    }
}
