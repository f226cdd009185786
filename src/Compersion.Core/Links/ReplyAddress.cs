using Compersion.Core.Security;
using Compersion.Core.Sending;

namespace Compersion.Core.Links;

/// <summary>The mailboxes on the inbound domain: where replies (and unsubscribe mails) go, with the signed token in the local part.</summary>
/// <remarks>
/// Every mail that invites a reply carries <c>reply+{token}@{InboundDomain}</c> in its Reply-To, the token naming the
/// subscriber, a date and the purpose (prompt, digest, note). A mail without one invites no reply: its Reply-To would
/// fall back to the From address, on a sending domain that receives nothing.
/// </remarks>
public static class ReplyAddress
{
    /// <summary>The mailbox that receives replies.</summary>
    public const string ReplyMailbox = "reply";

    /// <summary>The mailbox that unsubscribes whoever its token names.</summary>
    public const string UnsubscribeMailbox = "unsubscribe";

    /// <summary>The sign-up mailbox: a mail to <c>start@{InboundDomain}</c> starts the same double opt-in as the sign-up page.</summary>
    public const string StartMailbox = "start";

    /// <summary>Whether an address is <c>{mailbox}@{inboundDomain}</c> (no token), any case.</summary>
    /// <param name="address">An address, bare or in angle brackets.</param>
    /// <param name="inboundDomain">The inbound domain; other domains never match.</param>
    /// <param name="mailbox">The mailbox (<see cref="StartMailbox"/>).</param>
    public static bool IsMailbox(string? address, string inboundDomain, string mailbox)
    {
        if (string.IsNullOrWhiteSpace(address) || string.IsNullOrEmpty(inboundDomain))
        {
            return false;
        }

        var bare = address.Trim().Trim('<', '>');
        return string.Equals(bare, mailbox + "@" + inboundDomain, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The signed reply address for one subscriber, date and purpose.</summary>
    public static string For(TokenSigner signer, MailOptions options, TokenPurpose purpose, string subscriberId, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(options);
        return $"{ReplyMailbox}+{signer.ForReply(purpose, subscriberId, date)}@{options.InboundDomain}";
    }

    /// <summary>Reads the token from <c>{mailbox}+{token}@{inboundDomain}</c>; false for any other address.</summary>
    /// <param name="address">An address, bare or in angle brackets.</param>
    /// <param name="inboundDomain">The inbound domain; other domains never match.</param>
    /// <param name="mailbox">The mailbox before the <c>+</c> (<see cref="ReplyMailbox"/>, <see cref="UnsubscribeMailbox"/>).</param>
    /// <param name="token">The token, lowercased, when the address matches.</param>
    public static bool TryReadToken(string? address, string inboundDomain, string mailbox, out string token)
    {
        token = string.Empty;
        if (string.IsNullOrWhiteSpace(address) || string.IsNullOrEmpty(inboundDomain))
        {
            return false;
        }

        var bare = address.Trim().Trim('<', '>');
        var at = bare.LastIndexOf('@');
        if (at < 0 || !string.Equals(bare[(at + 1)..], inboundDomain, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var local = bare[..at];
        var prefix = mailbox + "+";
        if (!local.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || local.Length == prefix.Length)
        {
            return false;
        }

        token = local[prefix.Length..].ToLowerInvariant();
        return true;
    }
}
