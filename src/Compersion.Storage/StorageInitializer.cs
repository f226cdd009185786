using Azure.Storage.Queues;

namespace Compersion.Storage;

/// <summary>Creates the tables and queues the adapters use.</summary>
/// <remarks>
/// Call <see cref="EnsureCreatedAsync"/> once at start-up (the Functions host and <c>compersion serve</c>
/// both do); it is idempotent, so calling it on every start is cheap and safe. In Azure the
/// infrastructure templates may create them too; this keeps Azurite and fresh accounts working.
/// </remarks>
public sealed class StorageInitializer
{
    private readonly StorageTables tables;
    private readonly QueueServiceClient queues;

    internal StorageInitializer(StorageTables tables, QueueServiceClient queues)
    {
        this.tables = tables;
        this.queues = queues;
    }

    /// <summary>Creates every table and queue that does not exist yet.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        string[] queueNames = [QueueNames.Outbound, QueueNames.OutboundPoison];
        var creations = tables.All
            .Select(table => (Task)table.CreateIfNotExistsAsync(cancellationToken))
            .Concat(queueNames.Select(name => (Task)queues.GetQueueClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        await Task.WhenAll(creations);
    }
}
