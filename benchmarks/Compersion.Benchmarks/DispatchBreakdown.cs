using System.Diagnostics;

namespace Compersion.Benchmarks;

/// <summary>
/// <c>dispatch --breakdown</c>: the same ticks as <see cref="DispatchBenchmark"/>, outside BenchmarkDotNet, with every
/// storage request tallied, so a difference between the two wheel sizes can be traced to the requests that cause it.
/// </summary>
internal static class DispatchBreakdown
{
    // Both cases share this process, so the first one also pays for JIT compilation; a few more warm-up ticks than the benchmark's absorb it.
    private const int WarmUpTicks = 5;

    private static readonly int[] WheelSizes = [1_000, 100_000];

    /// <summary>Runs a few warm-up and <paramref name="ticks"/> measured ticks per wheel size and writes the tallies.</summary>
    public static async Task<int> RunAsync(int ticks, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var means = new List<double>();
        foreach (var scheduled in WheelSizes)
        {
            await output.WriteLineAsync($"Seeding {scheduled:N0} rows...");
            await using var wheel = await DispatchWheel.CreateAsync(scheduled, cancellationToken);
            using var log = new StorageRequestLog(wheel.Azurite);
            for (var warmUp = 0; warmUp < WarmUpTicks; warmUp++)
            {
                await wheel.ResetAsync(cancellationToken);
                await wheel.TickAsync(cancellationToken);
            }

            var totals = new Dictionary<(string Resource, string Operation), (long Count, double MeanMs, double SpanMs)>();
            var elapsed = TimeSpan.Zero;
            var (ourCpu, azuriteCpu) = (TimeSpan.Zero, TimeSpan.Zero);
            for (var tick = 0; tick < ticks; tick++)
            {
                await wheel.ResetAsync(cancellationToken);
                log.Reset();
                var (ourBefore, azuriteBefore) = (ProcessFigures.CpuTimeOf(Environment.ProcessId), ProcessFigures.CpuTimeOf(wheel.Azurite.ProcessId));
                var watch = Stopwatch.StartNew();
                await wheel.TickAsync(cancellationToken);
                elapsed += watch.Elapsed;
                ourCpu += ProcessFigures.CpuTimeOf(Environment.ProcessId) - ourBefore;
                azuriteCpu += ProcessFigures.CpuTimeOf(wheel.Azurite.ProcessId) - azuriteBefore;
                foreach (var tally in log.Snapshot())
                {
                    var key = (tally.Kind.Resource, tally.Kind.Operation);
                    var (count, meanMs, spanMs) = totals.GetValueOrDefault(key);
                    totals[key] = (count + tally.Count, meanMs + tally.MeanDuration.TotalMilliseconds, spanMs + tally.Span.TotalMilliseconds);
                }
            }

            var mean = elapsed.TotalMilliseconds / ticks;
            means.Add(mean);
            await output.WriteLineAsync(
                $"{DispatchWheel.Due:N0} due among {scheduled:N0} scheduled: tick mean {mean:0} ms over {ticks} ticks; " +
                $"CPU per tick: Azurite {azuriteCpu.TotalMilliseconds / ticks:0} ms, this process {ourCpu.TotalMilliseconds / ticks:0} ms");
            await output.WriteLineAsync($"    {"request",-40} {"per tick",9} {"mean ms",8} {"phase ms",9}");
            foreach (var ((resource, operation), (count, meanMs, spanMs)) in totals.OrderByDescending(pair => pair.Value.SpanMs))
            {
                var request = $"{resource}: {operation}";
                await output.WriteLineAsync($"    {request,-40} {(double)count / ticks,9:0.#} {meanMs / ticks,8:0.0} {spanMs / ticks,9:0}");
            }
        }

        await output.WriteLineAsync($"Ratio of the means {means[1] / means[0]:0.00} (target <= {DispatchCommand.TargetRatio}).");
        await output.WriteLineAsync(
            "phase ms: from the first request's start to the last one's end. The dispatcher's phases run one after another; " +
            "the two $batch phases (next occurrences, then removals) share a line, and the cursor writes (schedule: replace or upsert) " +
            "come at the start and the end, so theirs spans the whole tick.");
        return 0;
    }
}
