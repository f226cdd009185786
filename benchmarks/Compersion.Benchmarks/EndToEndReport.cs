using Compersion.Core.Outbound;
using Compersion.Core.Scheduling;

namespace Compersion.Benchmarks;

/// <summary>The end-to-end figures, and how they compare with the targets.</summary>
internal sealed class EndToEndReport(
    EndToEndOptions options,
    DispatchReport dispatch,
    TimeSpan dispatchElapsed,
    TimeSpan elapsed,
    QueueTriggerWorker<SendReport> worker,
    long acceptedBySendGrid,
    long roundTrips,
    IReadOnlyList<StorageRequestTally> requests,
    (TimeSpan Ours, TimeSpan Azurite) cpu,
    MemoryFigures memory)
{
    /// <summary>The throughput target, prompts per second.</summary>
    public const double TargetPromptsPerSecond = 100;

    /// <summary>The round-trip target, storage requests per prompt.</summary>
    public const double TargetRoundTripsPerPrompt = 6;

    private const double Megabyte = 1024 * 1024;

    private int Sent => worker.Outcomes.GetValueOrDefault(SendReport.Sent);

    /// <summary>Whether every due prompt was sent once and reached the loopback SendGrid; figures from a run that is not are meaningless.</summary>
    public bool Consistent => Sent == options.Due && worker.Failed == 0 && acceptedBySendGrid == Sent;

    /// <summary>Writes the figures.</summary>
    public async Task WriteAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var promptsPerSecond = Sent / elapsed.TotalSeconds;
        var perPrompt = Sent == 0 ? double.NaN : (double)roundTrips / Sent;
        await output.WriteLineAsync();
        await output.WriteLineAsync($"End to end: {options.Due:N0} prompts due among {options.Subscribers:N0} scheduled subscribers");
        await output.WriteLineAsync($"  dispatcher tick      {dispatch.Jobs:N0} jobs queued from {dispatch.Buckets} bucket(s) in {dispatchElapsed.TotalSeconds:0.00} s (sending ran alongside)");
        await output.WriteLineAsync(
            $"  sends                sent {Sent:N0}, skipped {worker.Outcomes.GetValueOrDefault(SendReport.Skipped)}, " +
            $"duplicate {worker.Outcomes.GetValueOrDefault(SendReport.Duplicate)}, uncertain {worker.Outcomes.GetValueOrDefault(SendReport.Uncertain)}, " +
            $"failed {worker.Failed}; loopback SendGrid accepted {acceptedBySendGrid:N0}");
        if (worker.FirstFailure is { } failure)
        {
            await output.WriteLineAsync($"  first failure        {failure}");
        }

        await output.WriteLineAsync($"  elapsed              {elapsed.TotalSeconds:0.00} s from the start of the tick to the last message deleted");
        await output.WriteLineAsync($"  throughput           {promptsPerSecond:0.0} prompts/s (target >= {TargetPromptsPerSecond}: {Verdict(promptsPerSecond >= TargetPromptsPerSecond)})");
        await output.WriteLineAsync($"  storage round trips  {roundTrips:N0} = {perPrompt:0.00} per prompt (target <= {TargetRoundTripsPerPrompt}: {Verdict(perPrompt <= TargetRoundTripsPerPrompt)})");
        await output.WriteLineAsync(
            $"  CPU during the run   this process {cpu.Ours.TotalSeconds:0.0} s, Azurite {cpu.Azurite.TotalSeconds:0.0} s, " +
            $"of {elapsed.TotalSeconds * Environment.ProcessorCount:0.0} core-seconds available ({Environment.ProcessorCount} cores); " +
            $"per prompt {cpu.Ours.TotalMilliseconds / Math.Max(1, Sent):0.0} ms here, {cpu.Azurite.TotalMilliseconds / Math.Max(1, Sent):0.0} ms in Azurite (single-threaded Node.js)");
        await output.WriteLineAsync($"  queue receives       {worker.Receives.WithMessages} with messages, {worker.Receives.Empty} empty polls");
        await output.WriteLineAsync();
        await WriteRequestsAsync(output, requests, Sent, "prompt", roundTrips);
        await output.WriteLineAsync();
        await output.WriteLineAsync(
            $"  memory               peak working set during the run {memory.PeakWorkingSet / Megabyte:0} MB, managed heap peak {memory.PeakManagedHeap / Megabyte:0} MB; " +
            $"process peak since start (seeding included) {memory.ProcessPeakWorkingSet / Megabyte:0} MB");
        await output.WriteLineAsync(
            $"                       allocated {memory.Allocated / Megabyte:0} MB during the run ({memory.Allocated / Math.Max(1, Sent) / 1024.0:0} KB per prompt); " +
            $"GCs gen0/1/2 {memory.Collections.Gen0}/{memory.Collections.Gen1}/{memory.Collections.Gen2}");
        await output.WriteLineAsync($"                       Azurite (Node.js, every row in memory) peak working set {memory.AzuritePeakWorkingSet / Megabyte:0} MB");
        if (!Consistent)
        {
            await output.WriteLineAsync("  NOT CONSISTENT: not every due prompt was sent exactly once; the figures above do not measure the claim.");
        }
    }

    /// <summary>Writes the storage requests by step, table or queue and operation, with counts per <paramref name="unit"/>.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="requests">What <see cref="StorageRequestLog.Snapshot"/> returned.</param>
    /// <param name="units">How many units (prompts, replies) the requests served.</param>
    /// <param name="unit">The unit's name, singular.</param>
    /// <param name="roundTrips">What <c>StorageRoundTrips</c> counted over the same window, to show both agree.</param>
    public static async Task WriteRequestsAsync(TextWriter output, IReadOnlyList<StorageRequestTally> requests, long units, string unit, long roundTrips)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(requests);
        double Per(long count) => units == 0 ? double.NaN : (double)count / units;
        var perHeading = "per " + unit;
        await output.WriteLineAsync($"    {"step",-22} {"request",-44} {"count",8} {perHeading,11} {"mean ms",8}");
        foreach (var step in requests.GroupBy(request => request.Kind.Step, StringComparer.Ordinal))
        {
            foreach (var (kind, count, mean, _) in step)
            {
                var request = $"{kind.Service} {kind.Resource}: {kind.Operation}";
                await output.WriteLineAsync($"    {kind.Step,-22} {request,-44} {count,8:N0} {Per(count),11:0.000} {mean.TotalMilliseconds,8:0.0}");
            }

            var subtotal = step.Sum(request => request.Count);
            await output.WriteLineAsync($"    {step.Key,-22} {"(subtotal)",-44} {subtotal,8:N0} {Per(subtotal),11:0.000}");
        }

        var listed = requests.Sum(request => request.Count);
        await output.WriteLineAsync($"    {"all",-22} {"(listed here / counted by StorageRoundTrips)",-44} {listed,8:N0} / {roundTrips:N0}");
    }

    private static string Verdict(bool met) => met ? "met" : "MISSED";
}
