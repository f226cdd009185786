namespace Compersion.Storage.Subscribers;

/// <summary>The address index row: keyed by the address hash, it names the subscriber who owns the address.</summary>
internal sealed class SubscriberEmailEntity : ITableEntity
{
    /// <summary>One row per address hash, so the row key carries nothing.</summary>
    public const string IndexRowKey = "";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = IndexRowKey;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string SubscriberId { get; set; } = string.Empty;

    public static SubscriberEmailEntity For(string emailHash, string subscriberId) => new()
    {
        PartitionKey = emailHash,
        RowKey = IndexRowKey,
        SubscriberId = subscriberId,
    };
}
