namespace Compersion.Benchmarks;

/// <summary>Samples this process's working set and managed heap ten times a second and keeps the peaks.</summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly PeriodicTimer timer = new(TimeSpan.FromMilliseconds(100));
    private readonly Task loop;
    private long peakWorkingSet;
    private long peakManagedHeap;

    /// <summary>Takes a first sample and keeps sampling until disposed.</summary>
    public MemorySampler()
    {
        Sample();
        loop = RunAsync();
    }

    /// <summary>The largest working set seen, in bytes.</summary>
    public long PeakWorkingSet => Interlocked.Read(ref peakWorkingSet);

    /// <summary>The largest managed heap seen (<see cref="GC.GetTotalMemory(bool)"/>), in bytes.</summary>
    public long PeakManagedHeap => Interlocked.Read(ref peakManagedHeap);

    /// <summary>Stops sampling after one last sample.</summary>
    public async ValueTask DisposeAsync()
    {
        timer.Dispose();
        await loop;
        Sample();
    }

    private async Task RunAsync()
    {
        while (await timer.WaitForNextTickAsync())
        {
            Sample();
        }
    }

    private void Sample()
    {
        RaiseTo(ref peakWorkingSet, Environment.WorkingSet);
        RaiseTo(ref peakManagedHeap, GC.GetTotalMemory(forceFullCollection: false));
    }

    private static void RaiseTo(ref long peak, long value)
    {
        var current = Interlocked.Read(ref peak);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref peak, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
