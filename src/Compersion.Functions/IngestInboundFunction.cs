using Compersion.Core.Inbound;

namespace Compersion.Functions;

/// <summary>Queue: turns one archived post into journal items, a settings change or a quarantine entry, exactly once.</summary>
public sealed class IngestInboundFunction(ReplyIngestor ingestor)
{
    /// <summary>The queue the webhook writes archive names to.</summary>
    public const string QueueName = "inbound";

    /// <summary>Ingests the archived post the message names; failures retry, and after five go to <c>inbound-poison</c>.</summary>
    [Function(nameof(IngestInboundFunction))]
    public Task RunAsync([QueueTrigger(QueueName, Connection = "AzureWebJobsStorage")] string message, CancellationToken cancellationToken) =>
        ingestor.IngestAsync(message, cancellationToken);
}
