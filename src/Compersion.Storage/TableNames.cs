namespace Compersion.Storage;

/// <summary>The tables the adapters use (before any <see cref="StorageOptions.TablePrefix"/>).</summary>
internal static class TableNames
{
    /// <summary>
    /// Subscribers and their journals: PartitionKey = subscriber id; RowKey = <c>profile</c> for the profile,
    /// <c>yyyy-MM-dd</c> for each journal entry (see <see cref="SubscriberPartition"/>).
    /// </summary>
    public const string Subscribers = "subscribers";

    /// <summary>Address index: PartitionKey = address hash, RowKey = empty; holds the subscriber id.</summary>
    public const string SubscriberEmails = "subscriberemails";

    /// <summary>The timing wheel: PartitionKey = bucket key, RowKey = <c>{kind}|{subscriberId}</c>; plus the cursor row.</summary>
    public const string Schedule = "schedule";

    /// <summary>The send ledger: PartitionKey = subscriber id, RowKey = <c>{kind}|{yyyy-MM-dd}</c>.</summary>
    public const string Outbox = "outbox";

    /// <summary>The inbound ledger: PartitionKey = message key (hash of the Message-ID or content), RowKey = empty.</summary>
    public const string Inbound = "inbound";

    /// <summary>Which archived raw posts are whose: PartitionKey = subscriber id, RowKey = archive name with <c>/</c> as <c>_</c> (see <see cref="Inbound.TablePostIndex"/>).</summary>
    public const string SubscriberPosts = "subscriberposts";
}
