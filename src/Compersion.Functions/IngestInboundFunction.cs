using Compersion.Core.Inbound;
using Compersion.Storage;

namespace Compersion.Functions;

/// <summary>Queue (<see cref="QueueNames.Inbound"/>, which the webhook writes archive names to): turns one archived post into journal items, a settings change or a quarantine entry, exactly once.</summary>
public sealed class IngestInboundFunction(ReplyIngestor ingestor)
{
    /// <summary>Ingests the archived post the message names; failures retry, and after five go to <c>inbound-poison</c>.</summary>
    [Function(nameof(IngestInboundFunction))]
    public Task RunAsync([QueueTrigger(QueueNames.Inbound, Connection = "AzureWebJobsStorage")] string message, CancellationToken cancellationToken) =>
        ingestor.IngestAsync(message, cancellationToken);
}
