using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;

namespace Compersion.Cli.Hosting;

/// <summary>Polls one queue from Azurite with the Functions queue-trigger semantics.</summary>
/// <remarks>
/// Messages are Base64 (as the trigger expects), a successful run deletes the message, a failed run
/// leaves it for another attempt after the visibility timeout, and a message that failed on its
/// <see cref="QueueSettings.MaxDequeueCount"/>th attempt moves to <c>&lt;queue&gt;-poison</c>.
/// </remarks>
internal sealed partial class QueueFunctionListener(
    FunctionDescriptor function,
    string queueName,
    string connectionString,
    QueueSettings settings,
    IServiceProvider services,
    ILogger logger)
{
    private readonly QueueClient _queue = new(connectionString, queueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
    private readonly QueueClient _poison = new(connectionString, queueName + "-poison", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    /// <summary>The queue this listener serves.</summary>
    public string QueueName => queueName;

    /// <summary>Creates the queue and its poison queue.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await _poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }

    /// <summary>Polls until cancelled, backing off to one second when the queue is empty.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var idle = TimeSpan.FromMilliseconds(50);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var processed = await ProcessBatchAsync(cancellationToken);
                idle = processed > 0 ? TimeSpan.FromMilliseconds(50) : TimeSpan.FromMilliseconds(Math.Min(1000, idle.TotalMilliseconds * 2));
                if (processed == 0)
                {
                    await Task.Delay(idle, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is Azure.RequestFailedException or HttpRequestException)
            {
                LogPollFailed(logger, queueName, exception.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    /// <summary>Runs batches until the queue has no visible message left; returns how many messages were handled.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int processed;
        while ((processed = await ProcessBatchAsync(cancellationToken)) > 0)
        {
            total += processed;
        }

        return total;
    }

    private async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        var visibility = settings.VisibilityTimeout > TimeSpan.FromSeconds(30) ? settings.VisibilityTimeout : TimeSpan.FromSeconds(30);
        QueueMessage[] messages = (await _queue.ReceiveMessagesAsync(settings.BatchSize, visibility, cancellationToken)).Value;
        await Parallel.ForEachAsync(messages, cancellationToken, async (message, token) => await HandleAsync(message, token));
        return messages.Length;
    }

    private async Task HandleAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await FunctionInvoker.InvokeAsync(services, function, message.MessageText, cancellationToken);
            await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                await _poison.SendMessageAsync(message.MessageText, CancellationToken.None);
                await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
                LogPoisoned(logger, function.Name, message.MessageId, message.DequeueCount, exception.GetType().Name);
            }
            else
            {
                await _queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: settings.VisibilityTimeout, cancellationToken: CancellationToken.None);
                LogFailed(logger, function.Name, message.MessageId, message.DequeueCount, exception.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function} failed on message {MessageId} (attempt {Attempt}, {Error}); it will be retried")]
    private static partial void LogFailed(ILogger logger, string function, string messageId, long attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function} failed on message {MessageId} {Attempt} times ({Error}); moved to the poison queue")]
    private static partial void LogPoisoned(ILogger logger, string function, string messageId, long attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling {Queue} failed: {Error}")]
    private static partial void LogPollFailed(ILogger logger, string queue, string error);
}
