using System.CommandLine;
using System.Diagnostics;
using Azure.Storage.Queues;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Outbound;
using Compersion.Core.Scheduling;
using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using Compersion.Development;
using Compersion.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Compersion.Benchmarks;

/// <summary>
/// 10,000 weekly digests end to end on one instance, against Azurite and a loopback SendGrid: one dispatcher tick
/// queues them, the queue worker runs the real send handler (one partition query, the week's suggestions recorded,
/// the outbox claim, the send, the mark).
/// </summary>
/// <remarks>
/// Target: at least 50 digests/s; storage round trips per digest are counted and reported by step. Every subscriber
/// has <c>--journal-days</c> days of five gratitudes and <c>--acts</c> kind acts in the week before the digest, so the
/// digest reads and uses a real journal.
/// </remarks>
internal static class DigestScenario
{
    /// <summary>The throughput target, digests per second.</summary>
    public const double TargetDigestsPerSecond = 50;

    private const int SeedParallelism = 32;
    private const double Megabyte = 1024 * 1024;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(10);

    private static readonly string[] ActTexts =
    [
        "left a thank-you note on my neighbour's car",
        "paid for the coffee of the person behind me",
        "taught my nephew to tie his shoelaces",
        "brought banana bread in for the team",
        "volunteered at the food bank sorting tins",
    ];

    /// <summary>Seeds, runs and reports; returns the exit code.</summary>
    public static async Task<int> RunAsync(int subscribers, int journalDays, int acts, int batchSize, TextWriter output, CancellationToken cancellationToken)
    {
        var clock = new ManualClock(WheelSeed.DueAt.ToDateTimeOffset().AddSeconds(-30));
        await output.WriteLineAsync($"Starting Azurite and the loopback SendGrid ({Environment.ProcessorCount} cores)...");
        await using var azurite = await AzuriteProcess.StartAsync(null, cancellationToken);
        await using var sendGrid = await LoopbackSendGrid.StartAsync(cancellationToken);
        await using var services = BenchmarkServices.Create(azurite.ConnectionString, clock, sendGrid.BaseAddress);
        using var requests = new StorageRequestLog(azurite);
        await services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(cancellationToken);

        var seeding = Stopwatch.StartNew();
        await SeedAsync(services, subscribers, journalDays, acts, cancellationToken);
        var due = (await services.GetRequiredService<IScheduleStore>().GetDueAsync(ScheduleBucket.Of(WheelSeed.DueAt), cancellationToken)).Count;
        await output.WriteLineAsync($"Seeded {subscribers:N0} confirmed subscribers ({journalDays} journal days, {acts} acts each), digests due at {WheelSeed.DueAt}, in {seeding.Elapsed.TotalSeconds:0.0} s.");
        if (due != subscribers)
        {
            await output.WriteLineAsync($"Expected {subscribers} digest rows in the due bucket but found {due}; not running.");
            return 1;
        }

        clock.Set(WheelSeed.DueAt.ToDateTimeOffset().AddSeconds(5));
        var queue = services.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.Outbound);
        var sender = services.GetRequiredService<OutboundSender>();
        var worker = new QueueTriggerWorker<SendReport>(
            queue,
            (text, token) => EndToEndScenario.SendAsync(sender, text, token),
            EndToEndScenario.SendStep,
            HostQueueSettings.Load(batchSize));
        var roundTrips = services.GetRequiredService<StorageRoundTrips>();
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RunTimeout);
        var cpuBefore = (ProcessFigures.CpuTimeOf(Environment.ProcessId), ProcessFigures.CpuTimeOf(azurite.ProcessId));
        roundTrips.Reset();
        requests.Reset();

        await output.WriteLineAsync($"Running: one dispatcher tick and the queue worker (batches of {worker.Settings.BatchSize}, next batch at {worker.Settings.NewBatchThreshold} running)...");
        var memory = new MemorySampler();
        TimeSpan elapsed;
        DispatchReport dispatch;
        try
        {
            var run = Stopwatch.StartNew();
            var sending = worker.RunAsync(EndToEndScenario.MessagesFor(subscribers), timeout.Token);
            using (StorageRequestLog.Step(EndToEndScenario.DispatchStep))
            {
                dispatch = await services.GetRequiredService<Dispatcher>().DispatchDueAsync(timeout.Token);
            }

            await sending;
            elapsed = run.Elapsed;
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

        var cpu = (Ours: ProcessFigures.CpuTimeOf(Environment.ProcessId) - cpuBefore.Item1, Azurite: ProcessFigures.CpuTimeOf(azurite.ProcessId) - cpuBefore.Item2);
        var sent = worker.Outcomes.GetValueOrDefault(SendReport.Sent);
        var perSecond = sent / elapsed.TotalSeconds;
        var total = roundTrips.Count;
        await output.WriteLineAsync();
        await output.WriteLineAsync($"Digests end to end: {subscribers:N0} due in one minute");
        await output.WriteLineAsync($"  dispatcher tick      {dispatch.Jobs:N0} jobs queued");
        await output.WriteLineAsync(
            $"  sends                sent {sent:N0}, skipped {worker.Outcomes.GetValueOrDefault(SendReport.Skipped)}, duplicate {worker.Outcomes.GetValueOrDefault(SendReport.Duplicate)}, " +
            $"failed {worker.Failed}; loopback SendGrid accepted {sendGrid.Accepted:N0}");
        if (worker.FirstFailure is { } failure)
        {
            await output.WriteLineAsync($"  first failure        {failure}");
        }

        await output.WriteLineAsync($"  elapsed              {elapsed.TotalSeconds:0.00} s from the start of the tick to the last message deleted");
        await output.WriteLineAsync($"  throughput           {perSecond:0.0} digests/s (target >= {TargetDigestsPerSecond}: {(perSecond >= TargetDigestsPerSecond ? "met" : "MISSED")})");
        await output.WriteLineAsync($"  storage round trips  {total:N0} = {(double)total / Math.Max(1, sent):0.00} per digest (reported)");
        await output.WriteLineAsync(
            $"  CPU during the run   this process {cpu.Ours.TotalSeconds:0.0} s, Azurite {cpu.Azurite.TotalSeconds:0.0} s of {elapsed.TotalSeconds * Environment.ProcessorCount:0.0} core-seconds; " +
            $"per digest {cpu.Ours.TotalMilliseconds / Math.Max(1, sent):0.0} ms here, {cpu.Azurite.TotalMilliseconds / Math.Max(1, sent):0.0} ms in Azurite");
        await output.WriteLineAsync();
        await EndToEndReport.WriteRequestsAsync(output, requests.Snapshot(), sent, "digest", total);
        await output.WriteLineAsync();
        await output.WriteLineAsync(
            $"  memory               peak working set {memory.PeakWorkingSet / Megabyte:0} MB, managed heap peak {memory.PeakManagedHeap / Megabyte:0} MB, " +
            $"allocated {(GC.GetTotalAllocatedBytes() - allocatedBefore) / Megabyte:0} MB; Azurite peak working set {ProcessFigures.PeakWorkingSetOf(azurite.ProcessId) / Megabyte:0} MB");
        var consistent = sent == subscribers && worker.Failed == 0 && sendGrid.Accepted == sent;
        if (!consistent)
        {
            await output.WriteLineAsync("  NOT CONSISTENT: not every digest was sent exactly once; the figures above do not measure the claim.");
        }

        return consistent ? 0 : 1;
    }

    private static async Task SeedAsync(IServiceProvider services, int subscribers, int journalDays, int acts, CancellationToken cancellationToken)
    {
        var subscriptions = services.GetRequiredService<SubscriptionService>();
        var store = services.GetRequiredService<ISubscriberStore>();
        var entries = services.GetRequiredService<IEntryStore>();
        var actStore = services.GetRequiredService<IActStore>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = SeedParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, subscribers), parallel, async (index, token) =>
        {
            // The digest falls on the dispatched minute in the subscriber's zone; the prompt two hours later, out of the way.
            var (zone, local) = WheelSeed.DueLocal(index);
            var request = new SignUpRequest($"subscriber{index}@example.com", zone, local.TimeOfDay.PlusHours(2), local.DayOfWeek, local.TimeOfDay);
            var subscriber = await subscriptions.AddConfirmedAsync(request, token);

            // Confirmed a fortnight ago: a subscriber's first digest waits DigestBuilder.DaysBeforeFirstDigest days.
            await store.UpdateAsync(subscriber.Id, s => s with { ConfirmedAt = s.ConfirmedAt - NodaTime.Duration.FromDays(14) }, token);
            for (var day = 1; day <= journalDays; day++)
            {
                var items = Enumerable.Range(0, 5)
                    .Select(item => new JournalItem(EndToEndScenario.Gratitudes[(index + day + item) % EndToEndScenario.Gratitudes.Count], Social: item % 2 == 0))
                    .ToList();
                await entries.AppendAsync(subscriber.Id, local.Date.PlusDays(-day), items, cancellationToken: token);
            }

            for (var act = 0; act < acts; act++)
            {
                await actStore.AppendAsync(subscriber.Id, local.Date.PlusDays(-1 - (act * 2 % 7)), [ActClassifier.ToAct(ActTexts[(index + act) % ActTexts.Length])], cancellationToken: token);
            }
        });
    }
}

/// <summary><c>digests</c>: the weekly digest load scenario (<see cref="DigestScenario"/>).</summary>
internal static class DigestEndToEndCommand
{
    /// <summary>Builds the <c>digests</c> verb.</summary>
    public static Command Create()
    {
        var subscribers = new Option<int>("--subscribers") { Description = "Subscribers whose digest is due in the dispatched minute", DefaultValueFactory = _ => 10_000 };
        var journalDays = new Option<int>("--journal-days") { Description = "Days of five gratitudes before the digest", DefaultValueFactory = _ => 7 };
        var acts = new Option<int>("--acts") { Description = "Kind acts in the week before the digest", DefaultValueFactory = _ => 2 };
        var batch = new Option<int>("--batch") { Description = "Messages per queue receive (1-32; default host.json's batchSize)", DefaultValueFactory = _ => HostQueueSettings.Load().BatchSize };
        var command = new Command("digests", "Weekly digests end to end: digests/s and storage round trips per digest, against Azurite and a loopback SendGrid.")
        {
            subscribers, journalDays, acts, batch,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (count, days, actCount, size) = (parse.GetValue(subscribers), parse.GetValue(journalDays), parse.GetValue(acts), parse.GetValue(batch));
            if (count < 1 || days is < 0 or > 365 || actCount is < 0 or > 50 || size is < 1 or > 32)
            {
                await Console.Error.WriteLineAsync("Need --subscribers >= 1, --journal-days 0-365, --acts 0-50, --batch 1-32.");
                return 2;
            }

            return await DigestScenario.RunAsync(count, days, actCount, size, Console.Out, cancellationToken);
        });
        return command;
    }
}
