using System.Collections.Concurrent;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Compersion.Core.Scheduling;
using Compersion.Core.Sending;

namespace Compersion.Benchmarks;

/// <summary>Does the Functions host's share of <c>SendOutboundFunction</c>: receive in batches, run the handler with bounded parallelism, delete what succeeded.</summary>
/// <remarks>
/// Like the host, the next batch is fetched while earlier messages are still being handled, as soon as a handler
/// slot is free; an empty queue is polled again after a short, doubling pause. A message whose handler threw is left
/// for redelivery, as the host would. The queue client is the app's own, so its requests count as storage round trips.
/// </remarks>
internal sealed class OutboundQueueWorker(QueueClient queue, OutboundSender sender, int batchSize, int parallelism)
{
    private static readonly TimeSpan Visibility = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MinPoll = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan MaxPoll = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<SendReport, int> reports = new();
    private int failed;
    private string? firstFailure;

    /// <summary>How the handled jobs came out.</summary>
    public IReadOnlyDictionary<SendReport, int> Reports => reports;

    /// <summary>Jobs whose handler threw (left on the queue).</summary>
    public int Failed => Volatile.Read(ref failed);

    /// <summary>The first handler failure, for the summary.</summary>
    public string? FirstFailure => Volatile.Read(ref firstFailure);

    /// <summary>Receive calls that returned messages, and ones that found the queue empty.</summary>
    public (int WithMessages, int Empty) Receives { get; private set; }

    /// <summary>Handles messages until <paramref name="expected"/> have been received and every handler has finished.</summary>
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
            using (StorageRequestLog.Step(EndToEndScenario.HostStep))
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
            if (!OutboundJob.TryParse(message.Body.ToString(), out var job))
            {
                throw new InvalidOperationException("Malformed outbound job message.");
            }

            SendReport report;
            using (StorageRequestLog.Step(EndToEndScenario.SendStep))
            {
                report = await sender.SendAsync(job!, cancellationToken);
            }

            reports.AddOrUpdate(report, 1, (_, count) => count + 1);
            using (StorageRequestLog.Step(EndToEndScenario.HostStep))
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
