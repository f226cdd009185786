using Compersion.Core.Security;
using Compersion.Core.Subscribers;

namespace Compersion.Core.Inbound;

/// <summary>Whose an inbound mail is, and what its reply token said; or why it belongs to no one.</summary>
/// <param name="Subscriber">The subscriber it is attributed to; null when it is quarantined.</param>
/// <param name="TokenDate">The date the reply token names, when the mail carried a valid one.</param>
/// <param name="Purpose">What the mail answered (prompt, digest …), when the mail carried a valid token.</param>
/// <param name="Reason">An address-free reason for quarantine; null when attributed.</param>
/// <param name="Verified">
/// Whether both factors hold: the token (or a registered address) names the subscriber and SPF or DKIM vouches for the
/// sender. False for a valid token with their From address and both failing: such mail is held, never acted on by itself.
/// </param>
public sealed record Attribution(Subscriber? Subscriber, LocalDate? TokenDate, TokenPurpose? Purpose, string? Reason, bool Verified)
{
    /// <summary>For a quarantined mail with a valid reply token from an address that is not theirs: the token's subscriber, who may be told (never the sender).</summary>
    public Subscriber? TokenOwner { get; init; }

    /// <summary>A mail attributed to no one, for an address-free reason.</summary>
    public static Attribution Quarantine(string reason) => new(null, null, null, reason, Verified: false);
}
