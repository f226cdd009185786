using Microsoft.Extensions.Options;

namespace Compersion.Storage;

/// <summary>The table clients, named once (with the configured prefix) and shared by every adapter.</summary>
internal sealed class StorageTables
{
    public StorageTables(TableServiceClient service, IOptions<StorageOptions> options)
    {
        var prefix = options.Value.TablePrefix;
        SubscriberShards = [.. Enumerable.Range(0, TableNames.SubscriberShards).Select(shard => service.GetTableClient(prefix + TableNames.SubscriberShard(shard)))];
        SubscriberEmails = service.GetTableClient(prefix + TableNames.SubscriberEmails);
        Schedule = service.GetTableClient(prefix + TableNames.Schedule);
        ScheduleShards = [.. Enumerable.Range(0, TableNames.ScheduleShards).Select(minute => service.GetTableClient(prefix + TableNames.ScheduleShard(minute)))];
        Outbox = service.GetTableClient(prefix + TableNames.Outbox);
        Inbound = service.GetTableClient(prefix + TableNames.Inbound);
        SubscriberPosts = service.GetTableClient(prefix + TableNames.SubscriberPosts);
    }

    /// <summary>Every subscribers shard, in order (<see cref="TableNames.Subscribers"/>).</summary>
    public IReadOnlyList<TableClient> SubscriberShards { get; }

    public TableClient SubscriberEmails { get; }

    /// <summary>The table of the dispatch cursor.</summary>
    public TableClient Schedule { get; }

    /// <summary>Every wheel shard, by minute of the hour (<see cref="TableNames.Schedule"/>).</summary>
    public IReadOnlyList<TableClient> ScheduleShards { get; }

    public TableClient Outbox { get; }

    /// <summary>The inbound ledger: one row per inbound message, keyed by a hash.</summary>
    public TableClient Inbound { get; }

    /// <summary>The index of each subscriber's archived raw posts, a partition per subscriber.</summary>
    public TableClient SubscriberPosts { get; }

    public IReadOnlyList<TableClient> All => [.. SubscriberShards, SubscriberEmails, Schedule, .. ScheduleShards, Outbox, Inbound, SubscriberPosts];

    /// <summary>The wheel shard of a bucket key (<c>yyyyMMddHHmm</c>): its last two digits, the minute.</summary>
    public TableClient ScheduleFor(string bucketKey)
    {
        ArgumentNullException.ThrowIfNull(bucketKey);
        var minute = bucketKey.Length >= 2 && char.IsAsciiDigit(bucketKey[^1]) && char.IsAsciiDigit(bucketKey[^2])
            ? ((bucketKey[^2] - '0') * 10) + (bucketKey[^1] - '0')
            : 0;
        return ScheduleShards[minute % TableNames.ScheduleShards];
    }

    /// <summary>The shard holding a subscriber's partition (profile, entries, acts, digest records).</summary>
    public TableClient Subscribers(string subscriberId) => SubscriberShards[ShardOf(subscriberId)];

    /// <summary>The shard of an id: the base32 value of its first character (ids are random, so shards fill evenly).</summary>
    /// <remarks>Anything that is not an id still lands in a shard, where its partition simply does not exist.</remarks>
    public static int ShardOf(string subscriberId)
    {
        ArgumentNullException.ThrowIfNull(subscriberId);
        if (subscriberId.Length == 0)
        {
            return 0;
        }

        var first = subscriberId[0];
        return first switch
        {
            >= 'a' and <= 'z' => first - 'a',
            >= '2' and <= '7' => 26 + (first - '2'),
            _ => first % TableNames.SubscriberShards,
        };
    }
}
