using Compersion.Core.Access;
using Compersion.Core.Digests;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Mail;
using Compersion.Core.Prompts;
using Compersion.Core.Scheduling;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Microsoft.Extensions.Logging;

namespace Compersion.Core.Outbound;

/// <summary>Handles one queued job (confirmation, welcome, prompt, digest, or the notice to an old address): decides, claims the outbox row, composes, sends, records.</summary>
/// <remarks>
/// <para>Queues deliver at least once; this makes the send happen once per (subscriber, kind, local date): the
/// outbox row is claimed, marked started just before the provider is called, and marked sent with its message id
/// after. A send that certainly failed releases the row and throws so the queue retries; an ambiguous answer
/// (timeout, 5xx) is recorded and never re-sent. A worker that dies mid-way leaves no row claimed for ever: the
/// redelivered job takes over a claim that never started and sends, and one that started but never recorded an
/// outcome is sent again with a warning (<see cref="IOutbox.TryMarkStartedAsync"/>). While another delivery may
/// still be sending, the job throws so the queue tries it later. A worker presumed dead that was in fact alive finds its
/// outcome write refused (the claim is the newer delivery's now): it leaves that row alone, reports the job a duplicate
/// and does not throw, since the newer claim settles it.</para>
/// <para>A prompt or digest job carries the zone and time of the row it was dispatched from; when the subscriber's
/// settings no longer give that time for its date (a change raced the dispatcher), it is not sent at the old time and
/// its row stops rolling.</para>
/// <para>A prompt reads the subscriber and their journal with one <see cref="ISubscriberJournal.LoadAsync"/>
/// (one partition query), so a sent prompt costs that read, the claim and the mark. A digest reads the same, and
/// the first composition of a week also writes that week's suggestions (<see cref="IDigestLog"/>).</para>
/// </remarks>
public sealed partial class OutboundSender(
    ISubscriberStore subscribers,
    ISubscriberJournal journals,
    IScheduleStore schedule,
    IOutbox outbox,
    IMailSender sender,
    PromptComposer prompts,
    ConfirmationComposer confirmations,
    WelcomeComposer welcomes,
    AddressMovedNotice movedNotices,
    DigestComposer digests,
    IDigestLog digestLog,
    IdeaCatalog catalog,
    TimeProvider time,
    ILogger<OutboundSender> logger)
{
    /// <summary>How many jobs of one message are handled at once.</summary>
    public const int BatchParallelism = 8;

    /// <summary>Processes every job of one queue message.</summary>
    /// <returns>What happened to each job, in the message's order.</returns>
    /// <exception cref="MailNotSentException">At least one mail certainly was not sent; the message is retried, and the jobs already
    /// sent are found in the outbox and not sent again.</exception>
    public async Task<IReadOnlyList<SendReport>> SendAsync(OutboundBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var reports = new SendReport[batch.Jobs.Count];
        var notSent = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, batch.Jobs.Count),
            new ParallelOptions { MaxDegreeOfParallelism = BatchParallelism, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                try
                {
                    reports[index] = await SendAsync(batch.Jobs[index], token);
                }
                catch (MailNotSentException exception)
                {
                    // The other jobs still go out; this one is released in the outbox and retried with the message.
                    notSent.Add(exception.Message);
                }
            });
        if (!notSent.IsEmpty)
        {
            throw new MailNotSentException($"{notSent.Count} of {batch.Jobs.Count} jobs not sent ({string.Join("; ", notSent.Distinct())})");
        }

        return reports;
    }

    /// <summary>Processes one job.</summary>
    /// <exception cref="MailNotSentException">The mail certainly was not sent; let the queue retry.</exception>
    public async Task<SendReport> SendAsync(OutboundJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var mail = job.Kind switch
        {
            JobKind.Confirm => await ComposeConfirmationAsync(job, cancellationToken),
            JobKind.Welcome => await ComposeWelcomeAsync(job, cancellationToken),
            JobKind.AddressMoved => await ComposeAddressMovedAsync(job, cancellationToken),
            JobKind.Prompt => await ComposePromptAsync(job, cancellationToken),
            JobKind.Digest => await ComposeDigestAsync(job, cancellationToken),
            _ => Skip(job, "no composer for this kind"),
        };
        if (mail is null)
        {
            return SendReport.Skipped;
        }

        var claim = await outbox.TryClaimAsync(job, Now(), cancellationToken);
        if (claim.Status == OutboxClaimStatus.InFlight)
        {
            // Another delivery is sending it, or died doing so moments ago: the queue brings it back, and then it is settled.
            throw new MailNotSentException("another delivery is sending this job; try again later");
        }

        if (claim.Status != OutboxClaimStatus.Claimed || await outbox.TryMarkStartedAsync(job, claim, Now(), cancellationToken) is not { } started)
        {
            LogDuplicate(logger, job.Id, claim.Status);
            return SendReport.Duplicate;
        }

        // Once claimed, the send runs to completion: cancelling mid-request would leave it ambiguous.
        var result = await sender.SendAsync(mail, CancellationToken.None);
        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                if (!await outbox.MarkSentAsync(job, started, result.MessageId, Now(), CancellationToken.None))
                {
                    return SendReport.Duplicate;
                }

                LogSent(logger, job.Id);
                return SendReport.Sent;

            case SendOutcome.Uncertain:
                if (!await outbox.MarkUncertainAsync(job, started, result.Reason ?? "unknown", Now(), CancellationToken.None))
                {
                    return SendReport.Duplicate;
                }

                LogUncertain(logger, job.Id, result.Reason);
                return SendReport.Uncertain;

            default:
                if (!await outbox.ReleaseAsync(job, started, result.Reason ?? "not sent", Now(), CancellationToken.None))
                {
                    // A newer delivery took the claim over and settles the job: retrying this one would only find it in flight.
                    return SendReport.Duplicate;
                }

                LogNotSent(logger, job.Id, result.Reason);
                throw new MailNotSentException(result.Reason ?? "not sent");
        }
    }

    private async Task<OutgoingMail?> ComposeConfirmationAsync(OutboundJob job, CancellationToken cancellationToken)
    {
        var subscriber = await subscribers.FindByIdAsync(job.SubscriberId, cancellationToken);
        if (subscriber is null)
        {
            return Skip(job, "unknown subscriber");
        }

        // A sign-up typed again for a known address (its request waiting beside the profile) is confirmed at the address typed.
        var now = Now();
        return subscriber.Status == SubscriberStatus.Pending ||
               (subscriber.Status == SubscriberStatus.Unsubscribed && subscriber.SignUp is { } request && now <= request.Expires)
            ? confirmations.Compose(subscriber, now, job.Id)
            : Skip(job, "not pending");
    }

    private async Task<OutgoingMail?> ComposeWelcomeAsync(OutboundJob job, CancellationToken cancellationToken)
    {
        var subscriber = await subscribers.FindByIdAsync(job.SubscriberId, cancellationToken);
        if (subscriber is null)
        {
            return Skip(job, "unknown subscriber");
        }

        // Paused or gone before it went out: a welcome would be one mail too many.
        return subscriber.Status == SubscriberStatus.Active
            ? welcomes.Compose(subscriber, Now(), job.Id)
            : Skip(job, "not active");
    }

    // The notice to the old address after a move: sent whatever the subscriber's status (it is about their address, not a
    // prompt), unless the move was undone or its window closed before the job ran.
    private async Task<OutgoingMail?> ComposeAddressMovedAsync(OutboundJob job, CancellationToken cancellationToken)
    {
        var subscriber = await subscribers.FindByIdAsync(job.SubscriberId, cancellationToken);
        if (subscriber is null)
        {
            return Skip(job, "unknown subscriber");
        }

        return movedNotices.Compose(subscriber, Now(), job.Id) ?? Skip(job, "no move to tell");
    }

    private async Task<OutgoingMail?> ComposePromptAsync(OutboundJob job, CancellationToken cancellationToken)
    {
        // One partition query answers both "who is this" and "what did they write".
        var (stored, journal) = await journals.LoadAsync(job.SubscriberId, cancellationToken);
        if (await ActiveAsync(stored, job, cancellationToken) is not { } subscriber || !await IsCurrentAsync(subscriber, job, cancellationToken))
        {
            return null;
        }

        if (!subscriber.PromptsEnabled)
        {
            // Turned off on its own (PROMPTS OFF): the row keeps rolling, so PROMPTS ON needs no schedule change.
            return Skip(job, "prompts off");
        }

        var plan = prompts.Plan(subscriber, job.LocalDate, journal);
        return plan == PromptPlan.Skip
            ? Skip(job, "backed off")
            : prompts.Compose(subscriber, job.LocalDate, journal, plan, job.Id);
    }

    private async Task<OutgoingMail?> ComposeDigestAsync(OutboundJob job, CancellationToken cancellationToken)
    {
        // The same one partition query as a prompt: profile, entries, acts and the earlier digests' suggestions.
        var journal = await journals.LoadAsync(job.SubscriberId, cancellationToken);
        if (await ActiveAsync(journal.Subscriber, job, cancellationToken) is not { } subscriber || !await IsCurrentAsync(subscriber, job, cancellationToken))
        {
            return null;
        }

        if (DigestBuilder.IsTooSoon(subscriber, job.LocalDate))
        {
            // Someone who joined on Thursday gets no review on Sunday of a week they were not here for.
            return Skip(job, "too soon after joining");
        }

        if (!subscriber.DigestEnabled)
        {
            return Skip(job, "digest off");
        }

        if (subscriber.PromptsEnabled && prompts.Plan(subscriber, job.LocalDate, journal.Entries) != PromptPlan.Daily)
        {
            // Someone who has gone quiet gets the weekly check-in, not a second weekly mail. With the prompt off there
            // is no check-in: the digest is the one mail they chose.
            return Skip(job, "backed off");
        }

        // The first composition fixes the week's suggestions; a redelivered or concurrent job reads them back.
        var record = journal.Digests.FirstOrDefault(digest => digest.Date == job.LocalDate)
                     ?? await digestLog.RecordAsync(
                         subscriber.Id,
                         new DigestRecord(job.LocalDate, [.. DigestBuilder.Suggest(subscriber, job.LocalDate, journal, catalog).Select(idea => idea.Id)]),
                         cancellationToken);
        var digest = DigestBuilder.Build(subscriber, job.LocalDate, journal, DigestBuilder.Resolve(record, catalog));
        return digests.Compose(subscriber, digest, job.Id);
    }

    // A gone or unsubscribed subscriber's row stops rolling here; a paused one's keeps rolling, unsent, so a pause with an
    // end date ends here too: the first prompt or digest dated on or after it resumes them (through the lifecycle) and is sent.
    private async Task<Subscriber?> ActiveAsync(Subscriber? subscriber, OutboundJob job, CancellationToken cancellationToken)
    {
        if (subscriber is null)
        {
            await StopRollingAsync(null, job, cancellationToken);
            Skip(job, "unknown subscriber");
            return null;
        }

        if (subscriber.Status == SubscriberStatus.Active)
        {
            return subscriber;
        }

        if (subscriber.ResumeIfDue(job.LocalDate) != subscriber &&
            await subscribers.UpdateAsync(subscriber.Id, s => s.ResumeIfDue(job.LocalDate), cancellationToken) is { Status: SubscriberStatus.Active } resumed)
        {
            LogPauseEnded(logger, job.Id);
            return resumed;
        }

        if (subscriber.Status == SubscriberStatus.Unsubscribed)
        {
            await StopRollingAsync(subscriber, job, cancellationToken);
        }

        LogSkippedStatus(logger, job.Id, subscriber.Status);
        return null;
    }

    // A job from a row that a settings change has since moved (zone, time or day) is not sent at the old time: its
    // following row stops rolling, the row for the current settings is put back if missing, and the current row sends
    // that date. Only when the current settings' time for that date has already passed (moved earlier) is it sent now,
    // late, since no row is left to send that date. Nothing is written to the outbox, so that date's current job can claim.
    private async Task<bool> IsCurrentAsync(Subscriber subscriber, OutboundJob job, CancellationToken cancellationToken)
    {
        if (job.Zone is null || job.LocalTime is not { } time || !LocalSchedule.IsKnownZone(job.Zone))
        {
            // Not from the wheel (or from a message written before jobs named their row): nothing to compare.
            return true;
        }

        var queuedFor = LocalSchedule.InstantFor(NodaTime.DateTimeZoneProviders.Tzdb[job.Zone], job.LocalDate, time);
        var current = job.Kind switch
        {
            JobKind.Prompt => ScheduleEntry.PromptFor(subscriber, job.LocalDate),
            JobKind.Digest when job.LocalDate.DayOfWeek == subscriber.DigestDay => ScheduleEntry.DigestFor(subscriber, job.LocalDate),
            _ => null,
        };
        if (current is not null && current.DueAt == queuedFor)
        {
            return true;
        }

        var now = Now();
        if (job.Following() is { } following)
        {
            await schedule.RemoveAsync([following], cancellationToken);
        }

        await schedule.AddAsync([SubscriberSchedule.Next(subscriber, job.Kind, now)], cancellationToken);
        var sendLate = current is not null && current.DueAt <= now;
        LogMoved(logger, job.Id, sendLate);
        return sendLate;
    }

    private OutgoingMail? Skip(OutboundJob job, string reason)
    {
        LogSkipped(logger, job.Id, reason);
        return null;
    }

    private async Task StopRollingAsync(Subscriber? subscriber, OutboundJob job, CancellationToken cancellationToken)
    {
        // The dispatcher already wrote the next occurrence from the job's row; the row it wrote is removed. Jobs from
        // older messages do not name their row, so the subscriber's settings say where it went.
        var following = job.Following() ?? (subscriber is null ? null : job.Kind switch
        {
            JobKind.Prompt => ScheduleEntry.PromptFor(subscriber, job.LocalDate.PlusDays(1)),
            JobKind.Digest => ScheduleEntry.DigestFor(subscriber, job.LocalDate.PlusWeeks(1)),
            _ => null,
        });
        if (following is not null)
        {
            await schedule.RemoveAsync([following], cancellationToken);
        }
    }

    private Instant Now() => Instant.FromDateTimeOffset(time.GetUtcNow());

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} sent")]
    private static partial void LogSent(ILogger logger, string jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string jobId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} was queued for a time its subscriber has since changed; its row stops rolling (sent late instead: {SentLate})")]
    private static partial void LogMoved(ILogger logger, string jobId, bool sentLate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: the subscriber's pause ended on its date; sending")]
    private static partial void LogPauseEnded(ILogger logger, string jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} skipped: subscriber is {Status}")]
    private static partial void LogSkippedStatus(ILogger logger, string jobId, SubscriberStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} not sent again: outbox says {Status}")]
    private static partial void LogDuplicate(ILogger logger, string jobId, OutboxClaimStatus status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} may or may not have been sent ({Reason}); recorded, not retried")]
    private static partial void LogUncertain(ILogger logger, string jobId, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} not sent ({Reason}); the queue will retry")]
    private static partial void LogNotSent(ILogger logger, string jobId, string? reason);
}
