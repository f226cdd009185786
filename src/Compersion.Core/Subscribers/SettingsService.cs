using Compersion.Core.Scheduling;
using NodaTime;

namespace Compersion.Core.Subscribers;

/// <summary>Changes a subscriber's settings and keeps their schedule row in step.</summary>
/// <remarks>
/// <para>Every change goes through <see cref="ISubscriberStore.UpdateAsync"/>, which applies it to the latest stored
/// state with optimistic concurrency, so a STOP and a reply's bookkeeping processed side by side never undo each other.</para>
/// <para>A subscriber has one pending prompt row in the timing wheel. Changing the time or zone removes the row the
/// old settings put in the wheel (for the dates around now, since the dispatcher may not have reached it yet) and
/// writes the next occurrence under the new settings; resuming writes it again. The outbox still guarantees one
/// prompt per local date, whatever races remain.</para>
/// </remarks>
public sealed class SettingsService(ISubscriberStore subscribers, IScheduleStore schedule, TimeProvider time)
{
    /// <summary>Pauses prompts (the schedule keeps rolling; nothing is sent while paused).</summary>
    public Task<Subscriber> PauseAsync(Subscriber subscriber, CancellationToken cancellationToken = default) =>
        ChangeAsync(subscriber, s => s.Status == SubscriberStatus.Active ? s with { Status = SubscriberStatus.Paused } : s, reschedule: false, cancellationToken);

    /// <summary>Resumes prompts.</summary>
    public Task<Subscriber> ResumeAsync(Subscriber subscriber, CancellationToken cancellationToken = default) =>
        ChangeAsync(subscriber, s => s.Status == SubscriberStatus.Paused ? s with { Status = SubscriberStatus.Active } : s, reschedule: true, cancellationToken);

    /// <summary>Stops everything (as unsubscribing does).</summary>
    public Task<Subscriber> StopAsync(Subscriber subscriber, CancellationToken cancellationToken = default) =>
        ChangeAsync(subscriber, s => s with { Status = SubscriberStatus.Unsubscribed }, reschedule: false, cancellationToken);

    /// <summary>Moves the daily prompt to a new local time.</summary>
    public Task<Subscriber> ChangeTimeAsync(Subscriber subscriber, LocalTime newTime, CancellationToken cancellationToken = default) =>
        ChangeAsync(subscriber, s => s with { PromptTime = newTime }, reschedule: true, cancellationToken);

    /// <summary>Moves the subscriber to a new IANA zone (the local time stays).</summary>
    public Task<Subscriber> ChangeZoneAsync(Subscriber subscriber, string zone, CancellationToken cancellationToken = default) =>
        ChangeAsync(subscriber, s => s with { Zone = DateTimeZoneProviders.Tzdb[zone].Id }, reschedule: true, cancellationToken);

    /// <summary>Changes the weekly digest's day and time.</summary>
    public Task<Subscriber> ChangeDigestAsync(Subscriber subscriber, IsoDayOfWeek day, LocalTime at, CancellationToken cancellationToken = default) =>
        ChangeAsync(subscriber, s => s with { DigestDay = day, DigestTime = at }, reschedule: false, cancellationToken);

    /// <summary>Changes the weekly kindness goal.</summary>
    public Task<Subscriber> ChangeGoalAsync(Subscriber subscriber, int goal, CancellationToken cancellationToken = default) =>
        ChangeAsync(subscriber, s => s with { KindnessGoal = goal }, reschedule: false, cancellationToken);

    /// <summary>Records that a reply arrived for a local date (ends the back-off); changes nothing else.</summary>
    /// <remarks>The date only ever moves forward, so when the copy in hand already has it, nothing is read or written.</remarks>
    public Task<Subscriber> RecordReplyAsync(Subscriber subscriber, LocalDate date, CancellationToken cancellationToken = default) =>
        subscriber?.LastReplyDate >= date
            ? Task.FromResult(subscriber!)
            : ChangeAsync(subscriber!, s => s.LastReplyDate >= date ? s : s with { LastReplyDate = date }, reschedule: false, cancellationToken);

    private async Task<Subscriber> ChangeAsync(Subscriber subscriber, Func<Subscriber, Subscriber> change, bool reschedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        Subscriber? before = null;
        var after = await subscribers.UpdateAsync(subscriber.Id, s => change(before = s), cancellationToken);
        if (after is null || before is null)
        {
            return subscriber;
        }

        if (reschedule && after.Status == SubscriberStatus.Active && after != before)
        {
            var now = Instant.FromDateTimeOffset(time.GetUtcNow());
            var today = now.InZone(before.TimeZone).Date;
            var stale = Enumerable.Range(-1, 3).Select(offset => ScheduleEntry.PromptFor(before, today.PlusDays(offset))).ToList();
            await schedule.RemoveAsync(stale, cancellationToken);
            var (nextDate, _) = LocalSchedule.NextDaily(after.TimeZone, after.PromptTime, now);
            await schedule.UpsertAsync([ScheduleEntry.PromptFor(after, nextDate)], cancellationToken);
        }

        return after;
    }
}
