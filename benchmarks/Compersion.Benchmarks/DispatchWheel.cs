using Azure.Storage.Queues;
using Compersion.Core.Scheduling;
using Compersion.Development;
using Compersion.Storage;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Compersion.Benchmarks;

/// <summary>A timing wheel in its own Azurite, holding <see cref="Due"/> rows due now among a given number scheduled, resettable between ticks.</summary>
/// <remarks>
/// Resetting writes the due rows back into the due minute, removes the rows the previous tick rolled into tomorrow,
/// clears the <c>outbound</c> queue and sets the cursor to the minute before; the clock stands still in the due minute.
/// So every tick is the same work: read and lease the cursor, query one bucket, queue the due jobs, write their next
/// occurrences, remove them, checkpoint.
/// </remarks>
internal sealed class DispatchWheel : IAsyncDisposable
{
    /// <summary>Rows due in the dispatched minute.</summary>
    public const int Due = 1_000;

    private static readonly ScheduleBucket DueBucket = ScheduleBucket.Of(WheelSeed.DueAt);

    private readonly ServiceProvider services;
    private readonly IScheduleStore store;
    private readonly QueueClient queue;
    private readonly Dispatcher dispatcher;
    private readonly IReadOnlyList<ScheduleEntry> dueRows = WheelSeed.DueRows(Due);
    private bool dispatchedSinceReset;

    private DispatchWheel(AzuriteProcess azurite, ServiceProvider services)
    {
        Azurite = azurite;
        this.services = services;
        store = services.GetRequiredService<IScheduleStore>();
        queue = services.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.Outbound);
        dispatcher = services.GetRequiredService<Dispatcher>();
    }

    /// <summary>The emulator holding this wheel.</summary>
    public AzuriteProcess Azurite { get; }

    /// <summary>Starts Azurite and seeds <paramref name="scheduled"/> rows: <see cref="Due"/> due now, the rest over the next 24 hours.</summary>
    public static async Task<DispatchWheel> CreateAsync(int scheduled, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scheduled, Due);
        var azurite = await AzuriteProcess.StartAsync(null, cancellationToken);
        var clock = new ManualClock(WheelSeed.DueAt.ToDateTimeOffset().AddSeconds(10));
        var services = BenchmarkServices.Create(azurite.ConnectionString, clock, sendGridHost: null);
        await services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(cancellationToken);
        var wheel = new DispatchWheel(azurite, services);
        await WheelSeed.SpreadAsync(wheel.store, scheduled - Due, cancellationToken);
        return wheel;
    }

    /// <summary>Puts the wheel back to "<see cref="Due"/> rows due now, cursor one minute behind".</summary>
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        if (dispatchedSinceReset)
        {
            await store.RemoveAsync([.. dueRows.Select(LocalSchedule.Following)], cancellationToken);
            dispatchedSinceReset = false;
        }

        await queue.ClearMessagesAsync(cancellationToken);
        await store.UpsertAsync(dueRows, cancellationToken);

        var before = new ScheduleBucket(DueBucket.Start - Duration.FromMinutes(1));
        var cursor = await store.ReadCursorAsync(before, cancellationToken);
        var written = await store.TryWriteCursorAsync(cursor with { ProcessedThrough = before, LeaseOwner = null, LeaseUntil = null }, cancellationToken);
        if (written is null)
        {
            throw new InvalidOperationException("Could not reset the dispatch cursor.");
        }
    }

    /// <summary>One dispatcher tick; throws unless it walked one bucket and queued exactly the due rows.</summary>
    public async Task<int> TickAsync(CancellationToken cancellationToken)
    {
        var report = await dispatcher.DispatchDueAsync(cancellationToken);
        dispatchedSinceReset = true;
        if (report.Busy || report.Jobs != Due || report.Buckets != 1)
        {
            throw new InvalidOperationException($"The tick walked {report.Buckets} buckets and queued {report.Jobs} jobs (busy: {report.Busy}); expected 1 bucket and {Due} jobs.");
        }

        return report.Jobs;
    }

    /// <summary>Stops Azurite.</summary>
    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
