using Azure.Storage.Queues;

namespace Compersion.Storage;

/// <summary>Moves poison messages back onto their queue, so an operator can retry them after a fix.</summary>
public sealed class QueueReplay
{
    private readonly QueueServiceClient queues;

    internal QueueReplay(QueueServiceClient queues) => this.queues = queues;

    /// <summary>Moves every message of <c>{queue}-poison</c> back to <paramref name="queue"/>; returns how many moved.</summary>
    /// <remarks>Each message is re-sent before it is deleted from the poison queue, so a failure midway loses nothing (at worst a message is retried twice, which the handlers tolerate).</remarks>
    public async Task<int> RequeuePoisonAsync(string queue, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(queue);
        var target = queues.GetQueueClient(queue);
        var poison = queues.GetQueueClient(queue + "-poison");
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var moved = 0;
        while (true)
        {
            var batch = (await poison.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(2), cancellationToken)).Value;
            if (batch.Length == 0)
            {
                return moved;
            }

            foreach (var message in batch)
            {
                await target.SendMessageAsync(message.MessageText, cancellationToken);
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                moved++;
            }
        }
    }
}
