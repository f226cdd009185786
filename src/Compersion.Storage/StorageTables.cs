using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Compersion.Storage;

/// <summary>The table clients, named once (with the configured prefix) and shared by every adapter.</summary>
internal sealed class StorageTables
{
    public StorageTables(TableServiceClient service, IOptions<StorageOptions> options)
    {
        var prefix = options.Value.TablePrefix;
        Subscribers = service.GetTableClient(prefix + TableNames.Subscribers);
        SubscriberEmails = service.GetTableClient(prefix + TableNames.SubscriberEmails);
        Schedule = service.GetTableClient(prefix + TableNames.Schedule);
        Outbox = service.GetTableClient(prefix + TableNames.Outbox);
        Inbound = service.GetTableClient(prefix + TableNames.Inbound);
        SubscriberPosts = service.GetTableClient(prefix + TableNames.SubscriberPosts);
    }

    /// <summary>Profiles and journal entries, a partition per subscriber (<see cref="SubscriberPartition"/>).</summary>
    public TableClient Subscribers { get; }

    public TableClient SubscriberEmails { get; }

    public TableClient Schedule { get; }

    public TableClient Outbox { get; }

    /// <summary>The inbound ledger: one row per inbound message, keyed by a hash.</summary>
    public TableClient Inbound { get; }

    /// <summary>The index of each subscriber's archived raw posts, a partition per subscriber.</summary>
    public TableClient SubscriberPosts { get; }

    public IReadOnlyList<TableClient> All => [Subscribers, SubscriberEmails, Schedule, Outbox, Inbound, SubscriberPosts];
}
