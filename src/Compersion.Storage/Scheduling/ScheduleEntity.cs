using Compersion.Core.Scheduling;

namespace Compersion.Storage.Scheduling;

/// <summary>One row of the timing wheel, in the partition of the minute it is due.</summary>
internal sealed class ScheduleEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string SubscriberId { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public string LocalDate { get; set; } = string.Empty;

    public string DueAt { get; set; } = string.Empty;

    public string Zone { get; set; } = string.Empty;

    public string LocalTime { get; set; } = string.Empty;

    public int? Weekday { get; set; }

    /// <summary>The row key: one row per (kind, subscriber) in a bucket.</summary>
    public static string RowKeyFor(ScheduleEntry entry) => StoredFormats.Format(entry.Kind) + "|" + entry.SubscriberId;

    public static ScheduleEntity From(ScheduleEntry entry)
    {
        TableKeys.Require(entry.SubscriberId, nameof(entry));
        return new ScheduleEntity
        {
            PartitionKey = entry.Bucket.Key,
            RowKey = RowKeyFor(entry),
            SubscriberId = entry.SubscriberId,
            Kind = StoredFormats.Format(entry.Kind),
            LocalDate = StoredFormats.Format(entry.LocalDate),
            DueAt = StoredFormats.Format(entry.DueAt),
            Zone = entry.Zone,
            LocalTime = StoredFormats.Format(entry.LocalTime),
            Weekday = entry.Weekday is { } weekday ? (int)weekday : null,
            ETag = entry.Version is null ? default : new ETag(entry.Version),
        };
    }

    public ScheduleEntry ToEntry() => new(
        SubscriberId,
        StoredFormats.ParseKind(Kind),
        StoredFormats.ParseDate(LocalDate),
        StoredFormats.ParseInstant(DueAt),
        Zone,
        StoredFormats.ParseTime(LocalTime),
        Weekday is { } weekday ? (IsoDayOfWeek)weekday : null)
    {
        Version = ETag == default ? null : ETag.ToString(),
    };
}
