namespace Compersion.Storage;

/// <summary>The tables the adapters use (before any <see cref="StorageOptions.TablePrefix"/>).</summary>
internal static class TableNames
{
    /// <summary>The name of one subscribers shard, e.g. <c>subscribers07</c>.</summary>
    public static string SubscriberShard(int shard) =>
        Subscribers + shard.ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Subscribers and their journals, spread over <see cref="SubscriberShards"/> tables (<c>subscribers00</c> …
    /// <c>subscribers31</c>) by the first character of the subscriber id: PartitionKey = subscriber id; RowKey =
    /// <c>profile</c> for the profile, <c>yyyy-MM-dd</c> for each journal entry (see <see cref="SubscriberPartition"/>).
    /// </summary>
    /// <remarks>
    /// A partition is found by its key in Azure Table Storage whatever the table's size, so the shards cost nothing
    /// there. They exist for Azurite, which evaluates every query against every row of a table: split 32 ways, the
    /// one partition query a prompt or a digest makes scans a thirty-second of the rows (measured: 10,000 digests went
    /// from under 17/s to over 100/s).
    /// </remarks>
    public const string Subscribers = "subscribers";

    /// <summary>How many tables the subscribers are spread over: one per base32 character an id can start with.</summary>
    public const int SubscriberShards = 32;

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
