using Compersion.Core.Subscribers;

namespace Compersion.Core.Scheduling;

/// <summary>One row of the timing wheel: a job that is due at <see cref="DueAt"/>.</summary>
/// <param name="SubscriberId">Whose job it is.</param>
/// <param name="Kind">What it sends.</param>
/// <param name="LocalDate">The subscriber's local date the job is for.</param>
/// <param name="DueAt">The UTC instant it is due; its minute is the row's bucket.</param>
/// <param name="Zone">The subscriber's zone, kept on the row so the next occurrence needs no extra read.</param>
/// <param name="LocalTime">The subscriber's local time of day for this kind.</param>
/// <param name="Weekday">For weekly kinds, the local weekday; null for daily ones.</param>
public sealed record ScheduleEntry(
    string SubscriberId,
    JobKind Kind,
    LocalDate LocalDate,
    Instant DueAt,
    string Zone,
    LocalTime LocalTime,
    IsoDayOfWeek? Weekday = null)
{
    /// <summary>The prompt row for a subscriber's local date, due at their prompt time in their zone.</summary>
    public static ScheduleEntry PromptFor(Subscriber subscriber, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return new(subscriber.Id, JobKind.Prompt, date, LocalSchedule.InstantFor(subscriber.TimeZone, date, subscriber.PromptTime), subscriber.Zone, subscriber.PromptTime);
    }

    /// <summary>The digest row for a subscriber's local date (their digest weekday), due at their digest time in their zone.</summary>
    public static ScheduleEntry DigestFor(Subscriber subscriber, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return new(
            subscriber.Id, JobKind.Digest, date, LocalSchedule.InstantFor(subscriber.TimeZone, date, subscriber.DigestTime), subscriber.Zone, subscriber.DigestTime, subscriber.DigestDay);
    }

    /// <summary>Opaque optimistic-concurrency version of the stored row (the table ETag); null for a row not read from or written to the store.</summary>
    /// <remarks>Not part of equality: two reads of one unchanged row are the same entry.</remarks>
    public string? Version { get; init; }

    /// <summary>The minute bucket this row lives in.</summary>
    public ScheduleBucket Bucket => ScheduleBucket.Of(DueAt);

    /// <summary>The deterministic id of the job this row dispatches.</summary>
    public string JobId => OutboundJob.IdFor(SubscriberId, Kind, LocalDate);

    /// <summary>Rows are equal when they say the same thing; the stored <see cref="Version"/> is left out.</summary>
    public bool Equals(ScheduleEntry? other) =>
        other is not null &&
        SubscriberId == other.SubscriberId &&
        Kind == other.Kind &&
        LocalDate == other.LocalDate &&
        DueAt == other.DueAt &&
        Zone == other.Zone &&
        LocalTime == other.LocalTime &&
        Weekday == other.Weekday;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(SubscriberId, Kind, LocalDate, DueAt, Zone, LocalTime, Weekday);
}
