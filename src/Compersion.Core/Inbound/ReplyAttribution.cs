using Compersion.Core.Links;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Microsoft.Extensions.Options;

namespace Compersion.Core.Inbound;

/// <summary>Decides whose journal an inbound mail belongs to (DESIGN §3 "Identity and trust").</summary>
/// <remarks>
/// <para>The reply token in the envelope recipient (<c>reply+token@inbound-domain</c>) names the subscriber, the date and
/// the purpose (a prompt, a digest or a note), and the From address must also be theirs: the registered address or a
/// further one confirmed by its link (<see cref="Subscriber.Owns"/>; one still waiting for its link is not theirs). With SPF or DKIM vouching for
/// the sender the mail is <see cref="Attribution.Verified"/>; with both failing it is theirs but unverified, and ingestion
/// holds it (nothing changes until they keep it by a link mailed to their registered address). A token from another
/// From (a forwarded prompt answered by whoever received the forward, or their own address they have not added) is
/// quarantined, naming the token's subscriber in <see cref="Attribution.TokenOwner"/> so they can be told
/// (<see cref="UnknownSenderNote"/>).</para>
/// <para>A token attributes for <see cref="MaxTokenAge"/> after the date it names; after that it is no factor, and the
/// mail is theirs only from their address with SPF or DKIM passing. Mail without a token is accepted only from a registered address with SPF or DKIM passing. Anything else is
/// quarantined, with a reason that names no address.</para>
/// </remarks>
public sealed class ReplyAttribution(ISubscriberStore subscribers, TokenSigner signer, IOptions<MailOptions> mailOptions)
{
    /// <summary>How long after the date it names a reply token still attributes mail (30 days).</summary>
    /// <remarks>
    /// Long enough for a late answer to any prompt, digest or note of the last month; short enough that an address seen in
    /// a forwarded or leaked mail stops naming anyone. After it the subscriber loses nothing: mail from their own address
    /// with SPF or DKIM passing is still theirs, as a fresh mail without a token is.
    /// </remarks>
    public static readonly Period MaxTokenAge = Period.FromDays(30);

    /// <summary>Attributes one mail that arrived at <paramref name="receivedAt"/> (the age of its token is judged then).</summary>
    public async Task<Attribution> AttributeAsync(InboundMail mail, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var domain = mailOptions.Value.InboundDomain;
        foreach (var recipient in mail.EnvelopeTo)
        {
            if (!ReplyAddress.TryReadToken(recipient, domain, ReplyAddress.ReplyMailbox, out var text))
            {
                continue;
            }

            if (!signer.TryVerify(text, out var token) || token!.Purpose is not (TokenPurpose.Prompt or TokenPurpose.Digest or TokenPurpose.Note))
            {
                return Attribution.Quarantine("invalid-token");
            }

            var subscriber = await subscribers.FindByIdAsync(token.SubscriberId, cancellationToken);
            if (subscriber is null)
            {
                return Attribution.Quarantine("unknown-subscriber");
            }

            if (!subscriber.Owns(mail.From))
            {
                // A reply from the address they moved away from: told apart in the log, never read (the address may not be theirs any more).
                // Any other sender is quarantined too, and the token's subscriber (never the sender) may be told about it.
                return IsPrevious(mail.From, subscriber)
                    ? Attribution.Quarantine("previous-address")
                    : Attribution.Quarantine("from-mismatch") with { TokenOwner = subscriber };
            }

            // An unsubscribed subscriber is still recognised, so a RESUME brings them back; ingestion reads nothing else from them.
            if (subscriber.Status is SubscriberStatus.Pending)
            {
                return Attribution.Quarantine("not-subscribed");
            }

            var verified = mail.SpfPass || mail.DkimPass;
            var tokenDate = DateExtensions.FromDaysSinceEpoch(token.Value);
            if (tokenDate.Plus(MaxTokenAge) < LocalDate.FromDateTime(receivedAt.UtcDateTime))
            {
                // Too old to count as a factor: theirs only as mail without a token would be, from their address and verified.
                return verified ? new Attribution(subscriber, null, null, null, Verified: true) : Attribution.Quarantine("expired-token");
            }

            return new Attribution(subscriber, tokenDate, token.Purpose, null, verified);
        }

        if (string.IsNullOrWhiteSpace(mail.From))
        {
            return Attribution.Quarantine("no-sender");
        }

        if (!mail.SpfPass && !mail.DkimPass)
        {
            return Attribution.Quarantine("unverified-sender");
        }

        var known = await subscribers.FindByEmailAsync(mail.From, cancellationToken);
        return known is null || known.Status is SubscriberStatus.Pending
            ? Attribution.Quarantine("unknown-sender")
            : new Attribution(known, null, null, null, Verified: true);
    }

    /// <summary>Finds a recipient on the unsubscribe mailbox (<c>unsubscribe+token@inbound-domain</c>) and its token.</summary>
    /// <remarks>Such a mail is never a reply: the signed token alone decides whom it unsubscribes, whatever the sender or body.</remarks>
    public bool TryFindUnsubscribeToken(InboundMail mail, out string token)
    {
        ArgumentNullException.ThrowIfNull(mail);
        foreach (var recipient in mail.EnvelopeTo)
        {
            if (ReplyAddress.TryReadToken(recipient, mailOptions.Value.InboundDomain, ReplyAddress.UnsubscribeMailbox, out token))
            {
                return true;
            }
        }

        token = string.Empty;
        return false;
    }

    /// <summary>The subscriber an unsubscribe-mailbox token names, when it is one of ours; null otherwise.</summary>
    /// <remarks>Only names them (for the ledger key and the index of their posts); it changes nothing.</remarks>
    public string? UnsubscribeOwner(string token) =>
        signer.TryVerify(token, TokenPurpose.Unsubscribe, out var signed) ? signed.SubscriberId : null;

    private static bool IsPrevious(string? from, Subscriber subscriber) =>
        subscriber.PreviousEmailHash is { } previous && from is not null && EmailAddress.TryNormalize(from, out var normalized) &&
        string.Equals(EmailAddress.Hash(normalized), previous, StringComparison.Ordinal);

}
