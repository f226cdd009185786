namespace Compersion.Benchmarks;

/// <summary>The size and shape of the inbound load scenario.</summary>
/// <param name="Posts">Measured webhook posts (about 20 KB each), after a warm-up.</param>
/// <param name="Concurrency">Clients posting at once.</param>
/// <param name="Replies">Archived replies from distinct confirmed subscribers that the ingestion phase processes.</param>
/// <param name="BatchSize">Messages per queue receive (host.json's <c>batchSize</c> unless overridden); the next batch comes at half a batch still running.</param>
internal sealed record InboundOptions(int Posts, int Concurrency, int Replies, int BatchSize);
