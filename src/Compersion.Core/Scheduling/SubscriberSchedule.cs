using Compersion.Core.Subscribers;

namespace Compersion.Core.Scheduling;

/// <summary>A subscriber's rows in the timing wheel: the next prompt and the next weekly digest.</summary>
/// <remarks>
/// Each subscriber has one pending row per kind. The rows that may be in the wheel at a given moment are
/// the ones for the dates around now (the dispatcher may not yet have reached today's, or may just have
/// written the next one), so code that moves or removes a subscriber's rows removes all of those.
/// </remarks>
public static class SubscriberSchedule
{
    /// <summary>The kinds every active subscriber has a row for.</summary>
    public static IReadOnlyList<JobKind> RecurringKinds { get; } = [JobKind.Prompt, JobKind.Digest];

    /// <summary>The next occurrence of <paramref name="kind"/> strictly after <paramref name="now"/>, under the subscriber's current settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> does not recur.</exception>
    public static ScheduleEntry Next(Subscriber subscriber, JobKind kind, Instant now)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return kind switch
        {
            JobKind.Prompt => ScheduleEntry.PromptFor(subscriber, LocalSchedule.NextDaily(subscriber.TimeZone, subscriber.PromptTime, now).Date),
            JobKind.Digest => ScheduleEntry.DigestFor(subscriber, LocalSchedule.NextWeekly(subscriber.TimeZone, subscriber.DigestDay, subscriber.DigestTime, now).Date),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only prompts and digests recur."),
        };
    }

    /// <summary>The next row of every recurring kind.</summary>
    public static IReadOnlyList<ScheduleEntry> NextAll(Subscriber subscriber, Instant now) =>
        [.. RecurringKinds.Select(kind => Next(subscriber, kind, now))];

    /// <summary>
    /// Every row of <paramref name="kind"/> the subscriber's settings may have put in the wheel around <paramref name="now"/>:
    /// the prompts of yesterday, today and tomorrow; the digests of the last two digest days and the next one.
    /// </summary>
    public static IReadOnlyList<ScheduleEntry> Possible(Subscriber subscriber, JobKind kind, Instant now)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var today = now.InZone(subscriber.TimeZone).Date;
        return kind switch
        {
            JobKind.Prompt => [.. Enumerable.Range(-1, 3).Select(offset => ScheduleEntry.PromptFor(subscriber, today.PlusDays(offset)))],
            JobKind.Digest => [.. Enumerable.Range(-1, 3).Select(week => ScheduleEntry.DigestFor(subscriber, DigestDayOnOrBefore(today, subscriber.DigestDay).PlusWeeks(week)))],
            _ => [],
        };
    }

    /// <summary>Every row of every recurring kind that may be in the wheel around <paramref name="now"/>.</summary>
    public static IReadOnlyList<ScheduleEntry> PossibleAll(Subscriber subscriber, Instant now) =>
        [.. RecurringKinds.SelectMany(kind => Possible(subscriber, kind, now))];

    private static LocalDate DigestDayOnOrBefore(LocalDate date, IsoDayOfWeek day) =>
        date.DayOfWeek == day ? date : date.Previous(day);
}
