namespace Compersion.Benchmarks;

/// <summary>Requests of one kind counted by <see cref="StorageRequestLog"/>.</summary>
/// <param name="Kind">Step, table or queue, and operation.</param>
/// <param name="Count">How many were sent (retries included).</param>
/// <param name="MeanDuration">Mean time from sending to the whole response, queueing in the emulator included.</param>
/// <param name="Span">From the first one's start to the last one's end; for a sequential phase such as the dispatcher's enqueues, how long the phase took.</param>
internal sealed record StorageRequestTally(StorageRequestKind Kind, long Count, TimeSpan MeanDuration, TimeSpan Span);
