using Compersion.Core.Outbound;
using Compersion.Core.Scheduling;
using Compersion.Storage;

namespace Compersion.Functions;

/// <summary>Queue (<see cref="QueueNames.Outbound"/>, which the dispatcher and sign-up write to): sends the prompts, digests or confirmations of one message, each at most once.</summary>
public sealed class SendOutboundFunction(OutboundSender sender)
{
    /// <summary>Sends the message's jobs; a malformed message throws so that it ends in <c>outbound-poison</c> for an operator.</summary>
    [Function(nameof(SendOutboundFunction))]
    public Task RunAsync([QueueTrigger(QueueNames.Outbound, Connection = "AzureWebJobsStorage")] string message, CancellationToken cancellationToken) =>
        OutboundBatch.TryParse(message, out var batch)
            ? sender.SendAsync(batch!, cancellationToken)
            : throw new InvalidOperationException("Malformed outbound job message.");
}
