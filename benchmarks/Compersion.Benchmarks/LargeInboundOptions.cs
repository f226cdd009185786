namespace Compersion.Benchmarks;

/// <summary>The shape of the large-post memory scenario.</summary>
/// <param name="Modes">The Inbound Parse modes to post: false for raw, true for parsed.</param>
/// <param name="Batch">Posts ingested at once in the second step (host.json's <c>batchSize</c> unless overridden).</param>
/// <param name="RawAttachmentBytes">The photo attached in raw mode, before base64.</param>
/// <param name="ParsedAttachmentBytes">The photo posted as a file field in parsed mode.</param>
internal sealed record LargeInboundOptions(IReadOnlyList<bool> Modes, int Batch, int RawAttachmentBytes, int ParsedAttachmentBytes);
