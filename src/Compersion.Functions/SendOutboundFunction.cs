using Compersion.Core.Outbound;
using Compersion.Core.Scheduling;

namespace Compersion.Functions;

/// <summary>Queue: sends the prompts, digests or confirmations of one message, each at most once.</summary>
public sealed class SendOutboundFunction(OutboundSender sender)
{
    /// <summary>The queue the dispatcher and sign-up write to.</summary>
    public const string QueueName = "outbound";

    /// <summary>Sends the message's jobs; a malformed message throws so that it ends in <c>outbound-poison</c> for an operator.</summary>
    [Function(nameof(SendOutboundFunction))]
    public Task RunAsync([QueueTrigger(QueueName, Connection = "AzureWebJobsStorage")] string message, CancellationToken cancellationToken) =>
        OutboundBatch.TryParse(message, out var batch)
            ? sender.SendAsync(batch!, cancellationToken)
            : throw new InvalidOperationException("Malformed outbound job message.");
}
