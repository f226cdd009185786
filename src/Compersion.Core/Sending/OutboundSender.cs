using Compersion.Core.Journal;
using Compersion.Core.Prompts;
using Compersion.Core.Scheduling;
using Compersion.Core.Subscribers;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Compersion.Core.Sending;

/// <summary>Handles one queued job: decides, claims the outbox row, composes, sends, records.</summary>
/// <remarks>
/// Queues deliver at least once; this makes the send happen at most once per (subscriber, kind,
/// local date): the outbox row is claimed before sending and marked after. A send that certainly
/// failed releases the row and throws so the queue retries; an ambiguous one (timeout, 5xx) is
/// recorded and never re-sent.
/// </remarks>
public sealed partial class OutboundSender(
    ISubscriberStore subscribers,
    IEntryStore entries,
    IScheduleStore schedule,
    IOutbox outbox,
    IMailSender sender,
    PromptComposer prompts,
    ConfirmationComposer confirmations,
    TimeProvider time,
    ILogger<OutboundSender> logger)
{
    /// <summary>Processes one job.</summary>
    /// <exception cref="MailNotSentException">The mail certainly was not sent; let the queue retry.</exception>
    public async Task<SendReport> SendAsync(OutboundJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var subscriber = await subscribers.FindByIdAsync(job.SubscriberId, cancellationToken);
        if (subscriber is null)
        {
            LogSkipped(logger, job.Id, "unknown subscriber");
            return SendReport.Skipped;
        }

        OutgoingMail mail;
        switch (job.Kind)
        {
            case JobKind.Confirm:
                if (subscriber.Status != SubscriberStatus.Pending)
                {
                    LogSkipped(logger, job.Id, "not pending");
                    return SendReport.Skipped;
                }

                mail = confirmations.Compose(subscriber, Now(), job.Id);
                break;

            case JobKind.Prompt:
                if (subscriber.Status != SubscriberStatus.Active)
                {
                    if (subscriber.Status == SubscriberStatus.Unsubscribed)
                    {
                        await StopRollingAsync(subscriber, job, cancellationToken);
                    }

                    LogSkippedStatus(logger, job.Id, subscriber.Status);
                    return SendReport.Skipped;
                }

                var journal = await entries.GetEntriesAsync(subscriber.Id, cancellationToken);
                var plan = prompts.Plan(subscriber, job.LocalDate, journal);
                if (plan == PromptPlan.Skip)
                {
                    LogSkipped(logger, job.Id, "backed off");
                    return SendReport.Skipped;
                }

                mail = prompts.Compose(subscriber, job.LocalDate, journal, plan, job.Id);
                break;

            default:
                LogSkipped(logger, job.Id, "no composer for this kind yet");
                return SendReport.Skipped;
        }

        var claim = await outbox.TryClaimAsync(job, Now(), cancellationToken);
        if (claim.Status != OutboxClaimStatus.Claimed)
        {
            LogDuplicate(logger, job.Id, claim.Status);
            return SendReport.Duplicate;
        }

        // Once claimed, the send runs to completion: cancelling mid-request would leave it ambiguous.
        var result = await sender.SendAsync(mail, CancellationToken.None);
        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                await outbox.MarkSentAsync(job, result.MessageId, Now(), CancellationToken.None);
                LogSent(logger, job.Id);
                return SendReport.Sent;

            case SendOutcome.Uncertain:
                await outbox.MarkUncertainAsync(job, result.Reason ?? "unknown", Now(), CancellationToken.None);
                LogUncertain(logger, job.Id, result.Reason);
                return SendReport.Uncertain;

            default:
                await outbox.ReleaseAsync(job, result.Reason ?? "not sent", Now(), CancellationToken.None);
                LogNotSent(logger, job.Id, result.Reason);
                throw new MailNotSentException(result.Reason ?? "not sent");
        }
    }

    private async Task StopRollingAsync(Subscriber subscriber, OutboundJob job, CancellationToken cancellationToken)
    {
        // The dispatcher already wrote the next occurrence; an unsubscribed person's row stops here.
        var next = job.LocalDate.PlusDays(1);
        var entry = new ScheduleEntry(subscriber.Id, JobKind.Prompt, next, LocalSchedule.InstantFor(subscriber.TimeZone, next, subscriber.PromptTime), subscriber.Zone, subscriber.PromptTime);
        await schedule.RemoveAsync([entry], cancellationToken);
    }

    private Instant Now() => Instant.FromDateTimeOffset(time.GetUtcNow());

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} sent")]
    private static partial void LogSent(ILogger logger, string jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string jobId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} skipped: subscriber is {Status}")]
    private static partial void LogSkippedStatus(ILogger logger, string jobId, SubscriberStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} not sent again: outbox says {Status}")]
    private static partial void LogDuplicate(ILogger logger, string jobId, OutboxClaimStatus status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} may or may not have been sent ({Reason}); recorded, not retried")]
    private static partial void LogUncertain(ILogger logger, string jobId, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} not sent ({Reason}); the queue will retry")]
    private static partial void LogNotSent(ILogger logger, string jobId, string? reason);
}
