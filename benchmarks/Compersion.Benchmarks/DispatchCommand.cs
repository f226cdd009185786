using System.CommandLine;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Compersion.Benchmarks;

/// <summary><c>dispatch</c>: runs <see cref="DispatchBenchmark"/> and compares the two cases with the 1.5× target.</summary>
internal static class DispatchCommand
{
    /// <summary>The most the 100,000-row tick may take, relative to the 1,000-row one.</summary>
    public const double TargetRatio = 1.5;

    /// <summary>Builds the <c>dispatch</c> verb.</summary>
    public static Command Create()
    {
        var iterations = new Option<int>("--iterations") { Description = "Measured ticks per case", DefaultValueFactory = _ => 5 };
        var breakdown = new Option<bool>("--breakdown") { Description = "Instead of BenchmarkDotNet, tally every storage request of each tick" };
        var command = new Command("dispatch", "Claim 1: a tick with 1,000 due rows among 1,000 vs among 100,000 scheduled (BenchmarkDotNet).") { iterations, breakdown };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(iterations);
            if (count is < 3 or > 100)
            {
                await Console.Error.WriteLineAsync("--iterations must be between 3 and 100.");
                return 2;
            }

            if (parse.GetValue(breakdown))
            {
                return await DispatchBreakdown.RunAsync(count, Console.Out, cancellationToken);
            }

            // Each case runs in its own process (BenchmarkDotNet's default toolchain), so neither inherits the other's JIT warm-up.
            // A tick takes about a second: one measured call per iteration, and a few warm-up ticks to reach tier-1 code.
            var job = Job.Default
                .WithWarmupCount(3)
                .WithIterationCount(count)
                .WithId("Tick");
            var config = ManualConfig.Create(DefaultConfig.Instance).AddJob(job);
            var summary = BenchmarkRunner.Run<DispatchBenchmark>(config);
            return Compare(summary);
        });
        return command;
    }

    private static int Compare(Summary summary)
    {
        var means = summary.Reports
            .Where(report => report.ResultStatistics is not null)
            .ToDictionary(report => (int)report.BenchmarkCase.Parameters[nameof(DispatchBenchmark.Scheduled)]!, report => report.ResultStatistics!.Mean);
        if (!means.TryGetValue(1_000, out var small) || !means.TryGetValue(100_000, out var large))
        {
            Console.Error.WriteLine("A case did not produce results; see the log above.");
            return 1;
        }

        var ratio = large / small;
        Console.WriteLine();
        Console.WriteLine($"Dispatch tick, {DispatchWheel.Due:N0} due rows: among 1,000 scheduled {small / 1e6:0.0} ms, among 100,000 scheduled {large / 1e6:0.0} ms (means).");
        Console.WriteLine($"Ratio {ratio:0.00} (target <= {TargetRatio}: {(ratio <= TargetRatio ? "met" : "MISSED")}).");
        return 0;
    }
}
