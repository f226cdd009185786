using BenchmarkDotNet.Attributes;

namespace Compersion.Benchmarks;

/// <summary>
/// Claim 1: one dispatcher tick queues 1,000 due rows in about the same time whether the wheel holds
/// 1,000 rows or 100,000 (the other 99,000 due later in the next 24 hours), because a tick reads only the buckets it walks.
/// </summary>
/// <remarks>
/// <para>Each case gets its own in-memory Azurite (<see cref="DispatchWheel"/>), reset before every iteration so
/// each measured tick does the same work.</para>
/// <para>Public and unsealed because BenchmarkDotNet derives its runner from it.</para>
/// </remarks>
[MemoryDiagnoser]
public class DispatchBenchmark
{
    private DispatchWheel? wheel;

    /// <summary>Rows in the wheel when the tick runs: the 1,000 due ones plus the rest spread over the next 24 hours.</summary>
    [Params(1_000, 100_000)]
    public int Scheduled { get; set; }

    /// <summary>Starts Azurite and seeds the wheel for this case.</summary>
    [GlobalSetup]
    public async Task GlobalSetupAsync() => wheel = await DispatchWheel.CreateAsync(Scheduled, CancellationToken.None);

    /// <summary>Puts the wheel back to "1,000 rows due now, cursor one minute behind".</summary>
    [IterationSetup]
    public void IterationSetup() => wheel!.ResetAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>One dispatcher tick.</summary>
    [Benchmark]
    public Task<int> DispatchTick() => wheel!.TickAsync(CancellationToken.None);

    /// <summary>Stops Azurite.</summary>
    [GlobalCleanup]
    public async Task GlobalCleanupAsync()
    {
        if (wheel is not null)
        {
            await wheel.DisposeAsync();
        }
    }
}
