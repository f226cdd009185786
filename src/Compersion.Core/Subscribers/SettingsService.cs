using Compersion.Core.Scheduling;
using NodaTime;

namespace Compersion.Core.Subscribers;

/// <summary>Changes a subscriber's settings and keeps their schedule row in step.</summary>
/// <remarks>
/// A subscriber has one pending prompt row in the timing wheel. Changing the time or zone removes the
/// row the old settings put in the wheel (for the dates around now, since the dispatcher may not have
/// reached it yet) and writes the next occurrence under the new settings; resuming writes it again.
/// The outbox still guarantees one prompt per local date, whatever races remain.
/// </remarks>
public sealed class SettingsService(ISubscriberStore subscribers, IScheduleStore schedule, TimeProvider time)
{
    /// <summary>Pauses prompts (the schedule keeps rolling; nothing is sent while paused).</summary>
    public Task<Subscriber> PauseAsync(Subscriber subscriber, CancellationToken cancellationToken = default) =>
        SaveAsync(subscriber with { Status = SubscriberStatus.Paused }, reschedule: false, subscriber, cancellationToken);

    /// <summary>Resumes prompts.</summary>
    public Task<Subscriber> ResumeAsync(Subscriber subscriber, CancellationToken cancellationToken = default) =>
        SaveAsync(subscriber with { Status = SubscriberStatus.Active }, reschedule: true, subscriber, cancellationToken);

    /// <summary>Stops everything (as unsubscribing does).</summary>
    public Task<Subscriber> StopAsync(Subscriber subscriber, CancellationToken cancellationToken = default) =>
        SaveAsync(subscriber with { Status = SubscriberStatus.Unsubscribed }, reschedule: false, subscriber, cancellationToken);

    /// <summary>Moves the daily prompt to a new local time.</summary>
    public Task<Subscriber> ChangeTimeAsync(Subscriber subscriber, LocalTime newTime, CancellationToken cancellationToken = default) =>
        SaveAsync(subscriber with { PromptTime = newTime }, reschedule: true, subscriber, cancellationToken);

    /// <summary>Moves the subscriber to a new IANA zone (the local time stays).</summary>
    public Task<Subscriber> ChangeZoneAsync(Subscriber subscriber, string zone, CancellationToken cancellationToken = default) =>
        SaveAsync(subscriber with { Zone = DateTimeZoneProviders.Tzdb[zone].Id }, reschedule: true, subscriber, cancellationToken);

    /// <summary>Changes the weekly digest's day and time.</summary>
    public Task<Subscriber> ChangeDigestAsync(Subscriber subscriber, IsoDayOfWeek day, LocalTime at, CancellationToken cancellationToken = default) =>
        SaveAsync(subscriber with { DigestDay = day, DigestTime = at }, reschedule: false, subscriber, cancellationToken);

    /// <summary>Changes the weekly kindness goal.</summary>
    public Task<Subscriber> ChangeGoalAsync(Subscriber subscriber, int goal, CancellationToken cancellationToken = default) =>
        SaveAsync(subscriber with { KindnessGoal = goal }, reschedule: false, subscriber, cancellationToken);

    /// <summary>Records that a reply arrived for a local date (ends the back-off).</summary>
    public async Task<Subscriber> RecordReplyAsync(Subscriber subscriber, LocalDate date, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        if (subscriber.LastReplyDate >= date)
        {
            return subscriber;
        }

        var updated = subscriber with { LastReplyDate = date };
        await subscribers.SaveAsync(updated, cancellationToken);
        return updated;
    }

    private async Task<Subscriber> SaveAsync(Subscriber updated, bool reschedule, Subscriber before, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(before);
        if (reschedule && updated.Status == SubscriberStatus.Active)
        {
            var now = Instant.FromDateTimeOffset(time.GetUtcNow());
            var oldZone = before.TimeZone;
            var today = now.InZone(oldZone).Date;
            var stale = Enumerable.Range(-1, 3)
                .Select(offset => today.PlusDays(offset))
                .Select(date => new ScheduleEntry(before.Id, JobKind.Prompt, date, LocalSchedule.InstantFor(oldZone, date, before.PromptTime), before.Zone, before.PromptTime))
                .ToList();
            await schedule.RemoveAsync(stale, cancellationToken);
            var (nextDate, due) = LocalSchedule.NextDaily(updated.TimeZone, updated.PromptTime, now);
            await schedule.UpsertAsync([new ScheduleEntry(updated.Id, JobKind.Prompt, nextDate, due, updated.Zone, updated.PromptTime)], cancellationToken);
        }

        await subscribers.SaveAsync(updated, cancellationToken);
        return updated;
    }
}
