using Azure.Storage.Queues;
using Compersion.Core.Scheduling;

namespace Compersion.Storage.Inbound;

/// <summary>The <c>inbound</c> queue: one archive name per message (a pointer, never mail).</summary>
internal sealed class InboundQueue(QueueServiceClient queues) : IInboundQueue
{
    private readonly QueueClient queue = queues.GetQueueClient(QueueNames.Inbound);

    public async Task EnqueueAsync(string archiveName, CancellationToken cancellationToken = default)
    {
        try
        {
            await queue.SendMessageAsync(archiveName, cancellationToken);
        }
        catch (Exception exception) when (StorageFailures.IsStorage(exception))
        {
            throw StorageFailures.From(exception);
        }
    }
}
