namespace Compersion.Email;

/// <summary>Whether a SendGrid Event Webhook post is authentic and fresh.</summary>
/// <param name="IsVerified">True only for a valid signature over this exact body and a timestamp within the allowed window.</param>
/// <param name="Reason">Why it was rejected (a short code safe to log), or null when verified.</param>
public sealed record EventWebhookResult(bool IsVerified, string? Reason)
{
    /// <summary>No verification key is configured, so nothing can be trusted.</summary>
    public const string NoKeyConfigured = "no-key-configured";

    /// <summary>The configured key is not an ECDSA P-256 public key.</summary>
    public const string InvalidKey = "invalid-key";

    /// <summary>The signature header is absent or empty.</summary>
    public const string MissingSignature = "missing-signature";

    /// <summary>The timestamp header is absent or empty.</summary>
    public const string MissingTimestamp = "missing-timestamp";

    /// <summary>The timestamp header is not unix seconds.</summary>
    public const string InvalidTimestamp = "invalid-timestamp";

    /// <summary>The timestamp is older than the allowed age (a possible replay).</summary>
    public const string StaleTimestamp = "stale-timestamp";

    /// <summary>The timestamp is too far in the future.</summary>
    public const string FutureTimestamp = "future-timestamp";

    /// <summary>The signature is malformed or does not match the timestamp and body.</summary>
    public const string InvalidSignature = "invalid-signature";

    /// <summary>A verified post.</summary>
    public static EventWebhookResult Verified { get; } = new(true, null);

    /// <summary>A rejected post, with one of the reason codes on this type.</summary>
    public static EventWebhookResult Rejected(string reason) => new(false, reason);
}
