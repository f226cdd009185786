using System.Diagnostics;
using Azure.Storage.Queues;
using Compersion.Core.Journal;
using Compersion.Core.Outbound;
using Compersion.Core.Scheduling;
using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using Compersion.Development;
using Compersion.Storage;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Compersion.Benchmarks;

/// <summary>
/// Claim 2: on one instance, against Azurite and a loopback SendGrid, a dispatcher tick and the queue-triggered
/// sender deliver at least 100 prompts/s with at most 6 storage round trips per prompt, with 100,000 subscribers scheduled.
/// </summary>
/// <remarks>
/// The measured run starts when the dispatcher tick starts and ends when the last message is deleted; the tick and
/// the queue worker run at the same time, as the timer and the queue trigger do in the Functions host. Every storage
/// request in that window is counted, the host's queue receives and deletes included.
/// </remarks>
internal static class EndToEndScenario
{
    /// <summary>Step name for the dispatcher tick.</summary>
    public const string DispatchStep = "dispatcher tick";

    /// <summary>Step name for the send handler (<see cref="OutboundSender"/>).</summary>
    public const string SendStep = "send handler";

    private const int SeedParallelism = 32;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Journal lines the scenarios write, and the inbound scenario's replies say.</summary>
    public static readonly IReadOnlyList<string> Gratitudes =
    [
        "My sister called just to ask how the interview went",
        "The bus driver waited for me when I was running late",
        "Warm bread from the bakery on the corner",
        "Sam fixed my bike without being asked",
        "A long walk by the river after the rain",
    ];

    /// <summary>Seeds, runs and reports; returns the exit code.</summary>
    public static async Task<int> RunAsync(EndToEndOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var clock = new ManualClock(WheelSeed.DueAt.ToDateTimeOffset().AddSeconds(-30));

        await output.WriteLineAsync($"Starting Azurite and the loopback SendGrid ({Environment.ProcessorCount} cores)...");
        await using var azurite = await AzuriteProcess.StartAsync(null, cancellationToken);
        await using var sendGrid = await LoopbackSendGrid.StartAsync(cancellationToken);
        await using var services = BenchmarkServices.Create(azurite.ConnectionString, clock, sendGrid.BaseAddress);
        using var requests = new StorageRequestLog(azurite);
        await services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(cancellationToken);

        var seeding = Stopwatch.StartNew();
        await SeedDueSubscribersAsync(services, options, cancellationToken);
        var store = services.GetRequiredService<IScheduleStore>();
        await WheelSeed.SpreadAsync(store, options.Subscribers - options.Due, cancellationToken);
        var dueNow = (await store.GetDueAsync(ScheduleBucket.Of(WheelSeed.DueAt), cancellationToken)).Count;
        await output.WriteLineAsync(
            $"Seeded {options.Due:N0} confirmed subscribers ({options.JournalDays} journal days each) due at {WheelSeed.DueAt} " +
            $"and {options.Subscribers - options.Due:N0} schedule rows over the next 24 h in {seeding.Elapsed.TotalSeconds:0.0} s.");
        if (dueNow != options.Due)
        {
            await output.WriteLineAsync($"Expected {options.Due} rows in the due bucket but found {dueNow}; not running.");
            return 1;
        }

        clock.Set(WheelSeed.DueAt.ToDateTimeOffset().AddSeconds(5));
        var queue = services.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.Outbound);
        var sender = services.GetRequiredService<OutboundSender>();
        var worker = new QueueTriggerWorker<SendReport>(queue, (text, token) => SendAsync(sender, text, token), SendStep, HostQueueSettings.Load(options.BatchSize));
        var dispatcher = services.GetRequiredService<Dispatcher>();
        var roundTrips = services.GetRequiredService<StorageRoundTrips>();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var collectionsBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RunTimeout);
        var cpuBefore = (ProcessFigures.CpuTimeOf(Environment.ProcessId), ProcessFigures.CpuTimeOf(azurite.ProcessId));
        roundTrips.Reset();
        requests.Reset();

        await output.WriteLineAsync($"Running: one dispatcher tick and the queue worker (batches of {worker.Settings.BatchSize}, next batch at {worker.Settings.NewBatchThreshold} running)...");
        var memory = new MemorySampler();
        DispatchReport dispatch;
        TimeSpan dispatchElapsed;
        TimeSpan elapsed;
        long totalRoundTrips;
        (TimeSpan Ours, TimeSpan Azurite) cpu;
        try
        {
            var run = Stopwatch.StartNew();
            var sending = worker.RunAsync(MessagesFor(options.Due), timeout.Token);
            using (StorageRequestLog.Step(DispatchStep))
            {
                dispatch = await dispatcher.DispatchDueAsync(timeout.Token);
            }

            dispatchElapsed = run.Elapsed;
            await sending;
            elapsed = run.Elapsed;
            totalRoundTrips = roundTrips.Count;
            cpu = (ProcessFigures.CpuTimeOf(Environment.ProcessId) - cpuBefore.Item1, ProcessFigures.CpuTimeOf(azurite.ProcessId) - cpuBefore.Item2);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await output.WriteLineAsync($"The run did not finish within {RunTimeout.TotalMinutes} minutes.");
            return 1;
        }
        finally
        {
            await memory.DisposeAsync();
        }

        var report = new EndToEndReport(
            options,
            dispatch,
            dispatchElapsed,
            elapsed,
            worker,
            sendGrid.Accepted,
            totalRoundTrips,
            requests.Snapshot(),
            cpu,
            new MemoryFigures(
                memory.PeakWorkingSet,
                memory.PeakManagedHeap,
                GC.GetTotalAllocatedBytes() - allocatedBefore,
                (GC.CollectionCount(0) - collectionsBefore.Item1, GC.CollectionCount(1) - collectionsBefore.Item2, GC.CollectionCount(2) - collectionsBefore.Item3),
                ProcessFigures.PeakWorkingSetOf(Environment.ProcessId),
                ProcessFigures.PeakWorkingSetOf(azurite.ProcessId)));
        await report.WriteAsync(output);
        return report.Consistent ? 0 : 1;
    }

    /// <summary>The messages the dispatcher queues for <paramref name="jobs"/> due in one bucket.</summary>
    public static int MessagesFor(int jobs) => (jobs + OutboundBatch.MaxJobs - 1) / OutboundBatch.MaxJobs;

    /// <summary>What <c>SendOutboundFunction</c> does with one message.</summary>
    public static Task<IReadOnlyList<SendReport>> SendAsync(OutboundSender sender, string message, CancellationToken cancellationToken) =>
        OutboundBatch.TryParse(message, out var batch)
            ? sender.SendAsync(batch!, cancellationToken)
            : throw new InvalidOperationException("Malformed outbound job message.");

    private static async Task SeedDueSubscribersAsync(IServiceProvider services, EndToEndOptions options, CancellationToken cancellationToken)
    {
        var subscriptions = services.GetRequiredService<SubscriptionService>();
        var entries = services.GetRequiredService<IEntryStore>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = SeedParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Due), parallel, async (index, token) =>
        {
            var (zone, local) = WheelSeed.DueLocal(index);
            var request = new SignUpRequest($"subscriber{index}@example.com", zone, local.TimeOfDay, IsoDayOfWeek.Sunday, Subscriber.DefaultDigestTime);
            var subscriber = await subscriptions.AddConfirmedAsync(request, token);
            for (var day = 1; day <= options.JournalDays; day++)
            {
                var items = Enumerable.Range(0, 5)
                    .Select(item => new JournalItem(Gratitudes[(index + day + item) % Gratitudes.Count], Social: item % 2 == 0))
                    .ToList();
                await entries.AppendAsync(subscriber.Id, local.Date.PlusDays(-day), items, cancellationToken: token);
            }
        });
    }
}
