namespace Compersion.Core.Inbound;

/// <summary>What the webhook answers.</summary>
public enum InboundReceipt
{
    /// <summary>Stored and queued: answer 200 (SendGrid will not retry).</summary>
    Stored = 0,

    /// <summary>Storing failed for a transient reason: answer 5xx so SendGrid retries (for up to 72 hours).</summary>
    RetryLater = 1,
}
