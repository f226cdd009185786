using Azure.Storage.Queues;
using Compersion.Core.Scheduling;

namespace Compersion.Storage.Scheduling;

/// <summary>The <see cref="QueueNames.Outbound"/> queue.</summary>
/// <remarks>
/// The message text is Core's <see cref="OutboundBatch.ToJson"/>, which the send trigger reads back with
/// <see cref="OutboundBatch.TryParse"/>; the client Base64-encodes it, as the Functions queue trigger expects.
/// </remarks>
internal sealed class OutboundQueue(QueueServiceClient queues) : IJobQueue
{
    private readonly StorageQueue queue = new(queues, QueueNames.Outbound);

    public Task EnqueueAsync(OutboundBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return queue.SendAsync(batch.ToJson(), cancellationToken);
    }
}
