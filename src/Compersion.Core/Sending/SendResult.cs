namespace Compersion.Core.Sending;

/// <summary>What happened when a mail was handed to a sender.</summary>
/// <param name="Outcome">Sent, certainly not sent, or unknown.</param>
/// <param name="MessageId">The provider's message id when sent.</param>
/// <param name="Reason">A short, address-free reason when not sent.</param>
public sealed record SendResult(SendOutcome Outcome, string? MessageId, string? Reason)
{
    /// <summary>Accepted by the provider.</summary>
    public static SendResult Sent(string? messageId) => new(SendOutcome.Sent, messageId, null);

    /// <summary>Certainly not accepted (the request never reached the provider, or was refused): safe to try again later.</summary>
    public static SendResult NotSent(string reason) => new(SendOutcome.NotSent, null, reason);

    /// <summary>Might or might not have been accepted (timeout, 5xx): must not be blindly re-sent.</summary>
    public static SendResult Uncertain(string reason) => new(SendOutcome.Uncertain, null, reason);
}
