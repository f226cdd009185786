using System.Collections.Concurrent;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Compersion.Benchmarks;

/// <summary>Does the Functions host's share of a queue trigger: receive in batches, run the handler with bounded parallelism, delete what succeeded.</summary>
/// <remarks>
/// Like the host, the next batch is fetched while earlier messages are still being handled, as soon as a handler
/// slot is free; an empty queue is polled again after a short, doubling pause. A message whose handler threw is left
/// for redelivery, as the host would. The queue client is the app's own, so its requests count as storage round trips.
/// </remarks>
/// <typeparam name="TOutcome">What the handler reports for each unit of work in a message (a reply, a job); the worker counts each value.</typeparam>
/// <param name="queue">The trigger's queue.</param>
/// <param name="handler">The function body, given the message text; returns one outcome per unit of work the message held.</param>
/// <param name="handlerStep">The <see cref="StorageRequestLog.Step"/> the handler's storage requests are filed under.</param>
/// <param name="batchSize">Messages per receive, as the host's <c>batchSize</c> (1-32).</param>
/// <param name="parallelism">Handlers running at once.</param>
internal sealed class QueueTriggerWorker<TOutcome>(
    QueueClient queue,
    Func<string, CancellationToken, Task<IReadOnlyList<TOutcome>>> handler,
    string handlerStep,
    int batchSize,
    int parallelism)
    where TOutcome : notnull
{
    /// <summary>Step name for the host's queue receives and deletes.</summary>
    public const string HostStep = "host (queue trigger)";

    private static readonly TimeSpan Visibility = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MinPoll = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan MaxPoll = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<TOutcome, int> outcomes = new();
    private int failed;
    private string? firstFailure;

    /// <summary>How the handled messages came out.</summary>
    public IReadOnlyDictionary<TOutcome, int> Outcomes => outcomes;

    /// <summary>Messages whose handler threw (left on the queue).</summary>
    public int Failed => Volatile.Read(ref failed);

    /// <summary>The first handler failure, for the summary.</summary>
    public string? FirstFailure => Volatile.Read(ref firstFailure);

    /// <summary>Receive calls that returned messages, and ones that found the queue empty.</summary>
    public (int WithMessages, int Empty) Receives { get; private set; }

    /// <summary>Handles messages until <paramref name="expected"/> messages have been received and every handler has finished.</summary>
    public async Task RunAsync(int expected, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(parallelism);
        var running = new List<Task>(expected);
        var received = 0;
        var (withMessages, empty) = (0, 0);
        var idle = MinPoll;
        while (received < expected)
        {
            QueueMessage[] messages;
            using (StorageRequestLog.Step(HostStep))
            {
                messages = (await queue.ReceiveMessagesAsync(batchSize, Visibility, cancellationToken)).Value;
            }

            if (messages.Length == 0)
            {
                empty++;
                await Task.Delay(idle, cancellationToken);
                idle = TimeSpan.FromTicks(Math.Min(MaxPoll.Ticks, idle.Ticks * 2));
                continue;
            }

            withMessages++;
            idle = MinPoll;
            received += messages.Length;
            foreach (var message in messages)
            {
                await slots.WaitAsync(cancellationToken);
                running.Add(HandleAsync(message, slots, cancellationToken));
            }
        }

        await Task.WhenAll(running);
        Receives = (withMessages, empty);
    }

    private async Task HandleAsync(QueueMessage message, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        // Leave the receive loop at once, as the host's dispatcher does.
        await Task.Yield();
        try
        {
            IReadOnlyList<TOutcome> handled;
            using (StorageRequestLog.Step(handlerStep))
            {
                handled = await handler(message.Body.ToString(), cancellationToken);
            }

            foreach (var outcome in handled)
            {
                outcomes.AddOrUpdate(outcome, 1, (_, count) => count + 1);
            }
            using (StorageRequestLog.Step(HostStep))
            {
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref failed);
            Interlocked.CompareExchange(ref firstFailure, $"{exception.GetType().Name}: {exception.Message}", null);
        }
        finally
        {
            slots.Release();
        }
    }
}
