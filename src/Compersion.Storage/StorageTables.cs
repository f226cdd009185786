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
        Entries = service.GetTableClient(prefix + TableNames.Entries);
    }

    public TableClient Subscribers { get; }

    public TableClient SubscriberEmails { get; }

    public TableClient Schedule { get; }

    public TableClient Outbox { get; }

    public TableClient Entries { get; }

    public IReadOnlyList<TableClient> All => [Subscribers, SubscriberEmails, Schedule, Outbox, Entries];
}
