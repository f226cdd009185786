namespace Compersion.Storage;

/// <summary>The tables the adapters use (before any <see cref="StorageOptions.TablePrefix"/>).</summary>
internal static class TableNames
{
    /// <summary>Subscriber profiles: PartitionKey = subscriber id, RowKey = <c>profile</c>.</summary>
    public const string Subscribers = "subscribers";

    /// <summary>Address index: PartitionKey = address hash, RowKey = empty; holds the subscriber id.</summary>
    public const string SubscriberEmails = "subscriberemails";

    /// <summary>The timing wheel: PartitionKey = bucket key, RowKey = <c>{kind}|{subscriberId}</c>; plus the cursor row.</summary>
    public const string Schedule = "schedule";

    /// <summary>The send ledger: PartitionKey = subscriber id, RowKey = <c>{kind}|{yyyy-MM-dd}</c>.</summary>
    public const string Outbox = "outbox";

    /// <summary>Journal entries: PartitionKey = subscriber id, RowKey = <c>yyyy-MM-dd</c>.</summary>
    public const string Entries = "entries";
}
