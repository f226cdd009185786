using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Compersion.Storage.Inbound;
using Microsoft.Extensions.Options;

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
    private readonly BlobServiceClient blobs;
    private readonly string containerPrefix;

    internal StorageInitializer(StorageTables tables, QueueServiceClient queues, BlobServiceClient blobs, IOptions<StorageOptions> options)
    {
        this.tables = tables;
        this.queues = queues;
        this.blobs = blobs;
        containerPrefix = options.Value.TablePrefix.ToLowerInvariant();
    }

    /// <summary>Creates every table, queue and blob container that does not exist yet.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        string[] queueNames = [QueueNames.Outbound, QueueNames.OutboundPoison, QueueNames.Inbound, QueueNames.InboundPoison];
        var creations = tables.All
            .Select(table => (Task)table.CreateIfNotExistsAsync(cancellationToken))
            .Concat(queueNames.Select(name => (Task)queues.GetQueueClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken)))
            .Append(blobs.GetBlobContainerClient(containerPrefix + ContainerNames.InboundRaw).CreateIfNotExistsAsync(cancellationToken: cancellationToken));
        await Task.WhenAll(creations);
    }
}
