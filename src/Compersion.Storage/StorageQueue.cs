using Azure.Storage.Queues;
using Compersion.Core.Inbound;

namespace Compersion.Storage;

/// <summary>One storage queue as Core's queue ports use it: a message a call, and a refusal reported as Core's <see cref="StorageFailureException"/> (what storage answered), never as the SDK's.</summary>
/// <param name="queues">The queue service, Base64-encoding messages as the Functions queue trigger expects.</param>
/// <param name="name">The queue's name (<see cref="QueueNames"/>).</param>
internal sealed class StorageQueue(QueueServiceClient queues, string name)
{
    private readonly QueueClient queue = queues.GetQueueClient(name);

    /// <summary>Puts <paramref name="text"/> on the queue.</summary>
    /// <exception cref="StorageFailureException">Storage refused the message, or did not answer.</exception>
    public async Task SendAsync(string text, CancellationToken cancellationToken)
    {
        try
        {
            await queue.SendMessageAsync(text, cancellationToken);
        }
        catch (Exception exception) when (StorageFailures.IsStorage(exception))
        {
            throw StorageFailures.From(exception);
        }
    }
}
