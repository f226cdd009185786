using Compersion.Core.Scheduling;
using Compersion.Core.Subscribers;

namespace Compersion.Core.Subscriptions;

/// <summary>Changes a subscriber's settings and keeps their schedule rows in step.</summary>
/// <remarks>
/// <para>Every change goes through <see cref="ISubscriberStore.UpdateAsync"/>, which applies it to the latest stored
/// state with optimistic concurrency, so a STOP and a reply's bookkeeping processed side by side never undo each other.</para>
/// <para>A subscriber has one pending row per kind in the timing wheel: the next prompt and the next digest. Changing
/// a time, day or zone removes the rows the old settings may have put in the wheel
/// (<see cref="SubscriberSchedule.Possible"/>: the dispatcher may not have reached them yet) and writes the next
/// occurrence under the new settings; resuming writes them again. The outbox still guarantees one mail per kind and
/// local date, whatever races remain.</para>
/// </remarks>
public sealed class SettingsService(ISubscriberStore subscribers, IScheduleStore schedule, TimeProvider time)
{
    private static readonly JobKind[] Prompt = [JobKind.Prompt];
    private static readonly JobKind[] Digest = [JobKind.Digest];
    private static readonly JobKind[] Both = [JobKind.Prompt, JobKind.Digest];
    private static readonly JobKind[] None = [];

    /// <summary>Pauses prompts and digests until <c>RESUME</c> (the schedule keeps rolling; nothing is sent while paused).</summary>
    public Task<Subscriber> PauseAsync(Subscriber subscriber, CancellationToken cancellationToken = default) =>
        ChangeAsync(subscriber, s => s.Pause(), None, cancellationToken);

    /// <summary>Pauses prompts and digests until <paramref name="until"/>, the first local date they come again by themselves.</summary>
    /// <remarks>
    /// The schedule keeps rolling while paused, so the first prompt or digest job dated on or after <paramref name="until"/>
    /// finds the pause over and ends it (<see cref="Subscriber.ResumeIfDue"/>, in <see cref="Outbound.OutboundSender"/>).
    /// </remarks>
    public Task<Subscriber> PauseUntilAsync(Subscriber subscriber, LocalDate until, CancellationToken cancellationToken = default) =>
        ChangeAsync(subscriber, s => s.PauseUntil(until), None, cancellationToken);

    /// <summary>Resumes prompts and digests, after a pause or after <c>STOP</c> (a <c>RESUME</c> by mail is how to come back).</summary>
    public Task<Subscriber> ResumeAsync(Subscriber subscriber, CancellationToken cancellationToken = default) =>
        ChangeAsync(subscriber, s => s.Resume(Today(s)), Both, cancellationToken);

    /// <summary>Turns the daily prompt alone on or off; the digest stays as it is (its row keeps rolling either way).</summary>
    public Task<Subscriber> ChangePromptsAsync(Subscriber subscriber, bool enabled, CancellationToken cancellationToken = default) =>
        ChangeAsync(subscriber, s => s.PromptsEnabled == enabled ? s : s with { PromptsEnabled = enabled, ResumedOn = enabled ? Today(s) : s.ResumedOn }, None, cancellationToken);

    /// <summary>Turns the weekly digest alone on or off; the prompt stays as it is.</summary>
    public Task<Subscriber> ChangeDigestEnabledAsync(Subscriber subscriber, bool enabled, CancellationToken cancellationToken = default) =>
        ChangeAsync(subscriber, s => s.DigestEnabled == enabled ? s : s with { DigestEnabled = enabled }, None, cancellationToken);

    /// <summary>Stops everything (as unsubscribing does).</summary>
    public Task<Subscriber> StopAsync(Subscriber subscriber, CancellationToken cancellationToken = default) =>
        ChangeAsync(subscriber, s => s.Unsubscribe(), None, cancellationToken);

    /// <summary>Moves the daily prompt to a new local time.</summary>
    public Task<Subscriber> ChangeTimeAsync(Subscriber subscriber, LocalTime newTime, CancellationToken cancellationToken = default) =>
        ChangeAsync(subscriber, s => s with { PromptTime = newTime }, Prompt, cancellationToken);

    /// <summary>Moves the subscriber to a new IANA zone (the local times stay).</summary>
    public Task<Subscriber> ChangeZoneAsync(Subscriber subscriber, string zone, CancellationToken cancellationToken = default) =>
        ChangeAsync(subscriber, s => s with { Zone = DateTimeZoneProviders.Tzdb[zone].Id }, Both, cancellationToken);

    /// <summary>Changes the weekly digest's day and time.</summary>
    public Task<Subscriber> ChangeDigestAsync(Subscriber subscriber, IsoDayOfWeek day, LocalTime at, CancellationToken cancellationToken = default) =>
        ChangeAsync(subscriber, s => s with { DigestDay = day, DigestTime = at }, Digest, cancellationToken);

    /// <summary>Changes the weekly kindness goal.</summary>
    public Task<Subscriber> ChangeGoalAsync(Subscriber subscriber, int goal, CancellationToken cancellationToken = default) =>
        ChangeAsync(subscriber, s => s with { KindnessGoal = goal }, None, cancellationToken);

    /// <summary>Turns resurfaced memories in prompts on or off.</summary>
    public Task<Subscriber> ChangeMemoriesAsync(Subscriber subscriber, bool enabled, CancellationToken cancellationToken = default) =>
        ChangeAsync(subscriber, s => s with { MemoriesEnabled = enabled }, None, cancellationToken);

    /// <summary>Turns receipts for complete replies on or off.</summary>
    public Task<Subscriber> ChangeReceiptsAsync(Subscriber subscriber, bool enabled, CancellationToken cancellationToken = default) =>
        ChangeAsync(subscriber, s => s with { ReceiptsEnabled = enabled }, None, cancellationToken);

    /// <summary>Applies everything the settings page submitted in one write, moving only the schedule rows whose timing changed.</summary>
    /// <remarks>
    /// The prompt row moves when the zone or prompt time changed, the digest row when the zone or digest day or time
    /// changed, and both are written again on resume, exactly as the single-setting changes do.
    /// </remarks>
    public Task<Subscriber> ApplyAsync(Subscriber subscriber, SettingsChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var zone = DateTimeZoneProviders.Tzdb[change.Zone].Id;
        return ChangeAsync(
            subscriber,
            s =>
            {
                var changed = s with
                {
                    Zone = zone,
                    PromptTime = change.PromptTime,
                    DigestDay = change.DigestDay,
                    DigestTime = change.DigestTime,
                    KindnessGoal = change.KindnessGoal,
                    MemoriesEnabled = change.MemoriesEnabled,
                    ReceiptsEnabled = change.ReceiptsEnabled,
                    TwelveHourClock = change.TwelveHourClock,
                    PromptsEnabled = change.PromptsEnabled,
                    DigestEnabled = change.DigestEnabled,
                    ResumedOn = change.PromptsEnabled && !s.PromptsEnabled ? Today(s) : s.ResumedOn,
                };

                // Through the lifecycle: an unsubscribed person is never resubscribed here, a pending one never paused.
                return change.Paused switch
                {
                    true when change.PausedUntil is { } until => changed.PauseUntil(until),
                    true => changed.Pause(),
                    false when s.Status == SubscriberStatus.Paused => changed.Resume(Today(s)),
                    _ => changed,
                };
            },
            Moved,
            cancellationToken);
    }

    /// <summary>The subscriber's local date now: what a date typed into a form or a command is counted from.</summary>
    public LocalDate Today(Subscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return Instant.FromDateTimeOffset(time.GetUtcNow()).InZone(subscriber.TimeZone).Date;
    }

    /// <summary>Records that a reply arrived for a local date (ends the back-off); changes nothing else, except that an old
    /// address whose 7 days to undo a move are over is forgotten (<see cref="Subscriber.ForgetLapsedMove"/>).</summary>
    /// <remarks>The date only ever moves forward, so when the copy in hand already has it (and holds no lapsed old address), nothing is read or written.</remarks>
    public Task<Subscriber> RecordReplyAsync(Subscriber subscriber, LocalDate date, CancellationToken cancellationToken = default)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        return subscriber?.LastReplyDate >= date && subscriber.ForgetLapsedMove(now) == subscriber
            ? Task.FromResult(subscriber!)
            : ChangeAsync(subscriber!, s => (s.LastReplyDate >= date ? s : s with { LastReplyDate = date }).ForgetLapsedMove(now), None, cancellationToken);
    }

    // The kinds whose rows a whole-page change moves: a resume writes both again, as ResumeAsync does.
    private static JobKind[] Moved(Subscriber before, Subscriber after)
    {
        var resumed = before.Status != SubscriberStatus.Active && after.Status == SubscriberStatus.Active;
        var zone = before.Zone != after.Zone;
        var prompt = resumed || zone || before.PromptTime != after.PromptTime;
        var digest = resumed || zone || before.DigestDay != after.DigestDay || before.DigestTime != after.DigestTime;
        return (prompt, digest) switch
        {
            (true, true) => Both,
            (true, false) => Prompt,
            (false, true) => Digest,
            _ => None,
        };
    }

    private Task<Subscriber> ChangeAsync(Subscriber subscriber, Func<Subscriber, Subscriber> change, JobKind[] reschedule, CancellationToken cancellationToken) =>
        ChangeAsync(subscriber, change, (_, _) => reschedule, cancellationToken);

    private async Task<Subscriber> ChangeAsync(Subscriber subscriber, Func<Subscriber, Subscriber> change, Func<Subscriber, Subscriber, JobKind[]> rescheduleFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var update = await subscribers.ApplyAsync(subscriber.Id, change, cancellationToken);
        if (update is not { Before: { } before, After: { } after })
        {
            return subscriber;
        }

        var reschedule = rescheduleFor(before, after);
        if (reschedule.Length > 0 && after.Status == SubscriberStatus.Active && update.Changed)
        {
            var now = Instant.FromDateTimeOffset(time.GetUtcNow());
            await schedule.RemoveAsync([.. reschedule.SelectMany(kind => SubscriberSchedule.Possible(before, kind, now))], cancellationToken);
            await schedule.UpsertAsync([.. reschedule.Select(kind => SubscriberSchedule.Next(after, kind, now))], cancellationToken);
        }

        return after;
    }
}
