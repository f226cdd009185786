using Azure.Storage.Queues;
using Compersion.Core.Scheduling;

namespace Compersion.Storage.Inbound;

/// <summary>The <see cref="QueueNames.Inbound"/> queue: one archive name per message (a pointer, never mail).</summary>
internal sealed class InboundQueue(QueueServiceClient queues) : IInboundQueue
{
    private readonly StorageQueue queue = new(queues, QueueNames.Inbound);

    public Task EnqueueAsync(string archiveName, CancellationToken cancellationToken = default) => queue.SendAsync(archiveName, cancellationToken);
}
