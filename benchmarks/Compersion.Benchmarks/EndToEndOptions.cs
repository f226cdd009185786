namespace Compersion.Benchmarks;

/// <summary>The size and shape of the end-to-end load scenario.</summary>
/// <param name="Subscribers">Rows in the wheel (one prompt row per subscriber); the not-due ones need nothing else.</param>
/// <param name="Due">Confirmed subscribers whose prompt is due in the dispatched minute.</param>
/// <param name="BatchSize">Messages per queue receive (host.json's <c>batchSize</c> unless overridden; at most 32; the next batch comes at half a batch still running, as the host's default threshold).</param>
/// <param name="JournalDays">Earlier journal entries each due subscriber has, so the prompt reads and uses a real journal.</param>
internal sealed record EndToEndOptions(int Subscribers, int Due, int BatchSize, int JournalDays);
