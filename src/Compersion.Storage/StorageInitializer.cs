using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Compersion.Storage.Inbound;
using Microsoft.Extensions.Options;

namespace Compersion.Storage;

/// <summary>Creates the tables and queues the adapters use.</summary>
/// <remarks>
/// Call <see cref="EnsureCreatedAsync"/> once at start-up (the Functions host and <c>compersion serve</c>
/// both do); it is idempotent, so calling it on every start is cheap and safe. In Azure, <c>infra/</c>
/// declares the same tables, queues and containers (a test keeps the two lists equal); creating them
/// here too keeps Azurite and any account the template did not provision working.
/// </remarks>
public sealed class StorageInitializer
{
    private readonly StorageTables tables;
    private readonly QueueServiceClient queues;
    private readonly BlobServiceClient blobs;
    private readonly string containerPrefix;

    /// <summary>The queues created at start-up: each queue trigger's queue and the poison queue the host moves failures to.</summary>
    internal static IReadOnlyList<string> Queues { get; } = [QueueNames.Outbound, QueueNames.OutboundPoison, QueueNames.Inbound, QueueNames.InboundPoison];

    /// <summary>The blob containers created at start-up (before the prefix).</summary>
    internal static IReadOnlyList<string> Containers { get; } = [ContainerNames.InboundRaw, ContainerNames.Photos];

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
        var creations = tables.All
            .Select(table => (Task)table.CreateIfNotExistsAsync(cancellationToken))
            .Concat(Queues.Select(name => (Task)queues.GetQueueClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken)))
            .Concat(Containers.Select(name => (Task)blobs.GetBlobContainerClient(containerPrefix + name).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        await Task.WhenAll(creations);
    }
}
