using System.Collections.Concurrent;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Specialized;
using Compersion.Development;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Compersion.Benchmarks;

/// <summary>Runs a scenario's handler under the one queue-trigger emulation <c>serve</c> uses too, counting outcomes and filing storage requests by step.</summary>
/// <remarks>
/// The host's share (receive, batch threshold, delete, retry) is <see cref="QueueTriggerLoop"/> with the settings of
/// host.json; this class only tallies what the handler reports. A message whose handler threw is left for
/// redelivery, as the host would.
/// </remarks>
/// <typeparam name="TOutcome">What the handler reports for each unit of work in a message (a reply, a job); each value is counted.</typeparam>
internal sealed class QueueTriggerWorker<TOutcome>
    where TOutcome : notnull
{
    /// <summary>Step name for the host's queue receives and deletes.</summary>
    public const string HostStep = "host (queue trigger)";

    private readonly ConcurrentDictionary<TOutcome, int> outcomes = new();
    private readonly QueueTriggerLoop loop;
    private string? firstFailure;

    /// <summary>Creates the worker.</summary>
    /// <param name="queue">The trigger's queue.</param>
    /// <param name="handler">The function body, given the message text; returns one outcome per unit of work the message held.</param>
    /// <param name="handlerStep">The <see cref="StorageRequestLog.Step"/> the handler's storage requests are filed under.</param>
    /// <param name="settings">The host's queue settings (host.json's, unless a scenario overrides the batch size).</param>
    public QueueTriggerWorker(QueueClient queue, Func<string, CancellationToken, Task<IReadOnlyList<TOutcome>>> handler, string handlerStep, QueueTriggerSettings settings)
    {
        Settings = settings;
        loop = new QueueTriggerLoop(
            queue,
            queue.GetParentQueueServiceClient().GetQueueClient(queue.Name + "-poison"),
            settings,
            async (message, cancellationToken) =>
            {
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
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    Interlocked.CompareExchange(ref firstFailure, $"{exception.GetType().Name}: {exception.Message}", null);
                    throw;
                }
            },
            NullLogger.Instance);
    }

    /// <summary>The queue settings in force.</summary>
    public QueueTriggerSettings Settings { get; }

    /// <summary>How the handled messages came out.</summary>
    public IReadOnlyDictionary<TOutcome, int> Outcomes => outcomes;

    /// <summary>Handler attempts that threw (their messages were left on the queue).</summary>
    public int Failed => loop.Failed;

    /// <summary>The first handler failure, for the summary.</summary>
    public string? FirstFailure => Volatile.Read(ref firstFailure);

    /// <summary>Receive calls that returned messages, and ones that found the queue empty.</summary>
    public (int WithMessages, int Empty) Receives => loop.Receives;

    /// <summary>Messages whose handler finished without throwing.</summary>
    public int Handled => loop.Handled;

    /// <summary>Handles messages until cancelled, as the host does while it runs.</summary>
    public async Task ServeAsync(CancellationToken cancellationToken)
    {
        using (StorageRequestLog.Step(HostStep))
        {
            await loop.RunAsync(cancellationToken);
        }
    }

    /// <summary>Handles messages until <paramref name="expected"/> messages have been received and every handler has finished.</summary>
    public async Task RunAsync(int expected, CancellationToken cancellationToken)
    {
        using (StorageRequestLog.Step(HostStep))
        {
            await loop.RunUntilReceivedAsync(expected, cancellationToken);
        }
    }
}

/// <summary>The queue settings the benchmarks run with: host.json's, as the Functions host would read them.</summary>
internal static class HostQueueSettings
{
    /// <summary>host.json's settings, with the batch size a scenario asked for (the threshold follows it as the host's default does).</summary>
    public static QueueTriggerSettings Load(int? batchSize = null)
    {
        var settings = QueueTriggerSettings.Load(new ConfigurationBuilder().Build());
        return batchSize is { } batch ? settings with { BatchSize = batch, NewBatchThreshold = batch / 2 } : settings;
    }
}
