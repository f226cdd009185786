using Compersion.Core.Scheduling;

namespace Compersion.Storage.Scheduling;

/// <summary>The dispatch cursor, the one row of the <c>schedule</c> table (the buckets live in its minute shards).</summary>
internal sealed class CursorEntity : ITableEntity
{
    public const string CursorPartitionKey = "cursor";

    public const string CursorRowKey = "dispatch";

    public string PartitionKey { get; set; } = CursorPartitionKey;

    public string RowKey { get; set; } = CursorRowKey;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string ProcessedThrough { get; set; } = string.Empty;

    public string? LeaseOwner { get; set; }

    public string? LeaseUntil { get; set; }

    public static CursorEntity From(DispatchCursor cursor) => new()
    {
        ProcessedThrough = cursor.ProcessedThrough.Key,
        LeaseOwner = cursor.LeaseOwner,
        LeaseUntil = StoredFormats.Format(cursor.LeaseUntil),
    };

    public DispatchCursor ToCursor() => new(
        ScheduleBucket.TryParse(ProcessedThrough, out var bucket) ? bucket : throw new FormatException("The stored dispatch cursor is not a bucket key."),
        LeaseOwner,
        StoredFormats.ParseOptionalInstant(LeaseUntil),
        ETag.ToString());
}
