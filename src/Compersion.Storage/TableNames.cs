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

    /// <summary>
    /// The timing wheel, spread over <see cref="ScheduleShards"/> tables (<c>schedule00</c> … <c>schedule59</c>) by the
    /// minute of the hour of each row's bucket: PartitionKey = bucket key, RowKey = <c>{kind}|{subscriberId}</c>. The
    /// dispatch cursor is the one row of the <c>schedule</c> table itself.
    /// </summary>
    /// <remarks>
    /// As with the subscribers, the shards cost nothing in Azure Table Storage, where a partition is found by its key.
    /// In Azurite every insert and delete also updates indexes over the whole table, so a tick's writes took longer the
    /// more rows the wheel held; split by minute, a tick touches the table of its own minute, which holds only the rows
    /// due at that minute of some hour. A row rolls to the same minute a day or a week later, so it stays in its table.
    /// </remarks>
    public const string Schedule = "schedule";

    /// <summary>How many tables the wheel is spread over: one per minute of the hour.</summary>
    public const int ScheduleShards = 60;

    /// <summary>The name of one wheel shard, e.g. <c>schedule07</c> for the buckets at minute 7 of every hour.</summary>
    public static string ScheduleShard(int minute) =>
        Schedule + minute.ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The send ledger: PartitionKey = subscriber id, RowKey = <c>{kind}|{yyyy-MM-dd}</c>.</summary>
    public const string Outbox = "outbox";

    /// <summary>The inbound ledger: PartitionKey = message key (hash of the Message-ID or content), RowKey = empty.</summary>
    public const string Inbound = "inbound";

    /// <summary>Which archived raw posts are whose: PartitionKey = subscriber id, RowKey = archive name with <c>/</c> as <c>_</c> (see <see cref="Inbound.TablePostIndex"/>).</summary>
    public const string SubscriberPosts = "subscriberposts";
}
