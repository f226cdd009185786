namespace Compersion.Benchmarks;

/// <summary>The shape of the open-loop webhook scenario.</summary>
/// <param name="Rate">Posts sent per second, on schedule, whatever the answers.</param>
/// <param name="Seconds">How long the measured run sends.</param>
/// <param name="Subscribers">Confirmed subscribers the posts are replies from (each sends several, all distinct mail).</param>
/// <param name="BatchSize">Messages per queue receive of the ingestor running alongside (host.json's <c>batchSize</c> unless overridden).</param>
/// <param name="StepRates">Rates to step through afterwards, webhook only, to find where p99 crosses the target; empty skips the steps.</param>
/// <param name="StepSeconds">How long each step sends.</param>
internal sealed record OpenLoopOptions(int Rate, int Seconds, int Subscribers, int BatchSize, IReadOnlyList<int> StepRates, int StepSeconds);
