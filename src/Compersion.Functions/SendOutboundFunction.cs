using Compersion.Core.Scheduling;
using Compersion.Core.Sending;
using Microsoft.Azure.Functions.Worker;

namespace Compersion.Functions;

/// <summary>Queue: sends one prompt, digest or confirmation, at most once.</summary>
public sealed class SendOutboundFunction(OutboundSender sender)
{
    /// <summary>The queue the dispatcher and sign-up write to.</summary>
    public const string QueueName = "outbound";

    /// <summary>Sends the job; a malformed message throws so that it ends in <c>outbound-poison</c> for an operator.</summary>
    [Function(nameof(SendOutboundFunction))]
    public Task RunAsync([QueueTrigger(QueueName, Connection = "AzureWebJobsStorage")] string message, CancellationToken cancellationToken) =>
        OutboundJob.TryParse(message, out var job)
            ? sender.SendAsync(job!, cancellationToken)
            : throw new InvalidOperationException("Malformed outbound job message.");
}
