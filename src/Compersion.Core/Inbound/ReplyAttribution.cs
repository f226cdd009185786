using Compersion.Core.Mail;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Microsoft.Extensions.Options;

namespace Compersion.Core.Inbound;

/// <summary>Decides whose journal an inbound mail belongs to (DESIGN §3 "Identity and trust").</summary>
/// <remarks>
/// The reply token in the envelope recipient (<c>reply+token@inbound-domain</c>) names the subscriber, the date and
/// the purpose (a prompt, a digest or a note), and the From address must also be theirs. Mail without a token is accepted only from a registered
/// address with SPF or DKIM passing. Anything else is quarantined, with a reason that names no address.
/// </remarks>
public sealed class ReplyAttribution(ISubscriberStore subscribers, TokenSigner signer, IOptions<MailOptions> mailOptions)
{
    /// <summary>Attributes one mail.</summary>
    public async Task<Attribution> AttributeAsync(InboundMail mail, CancellationToken cancellationToken = default)
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

            if (!SameAddress(mail.From, subscriber.Email))
            {
                // A reply from the address they moved away from: told apart in the log, never read (the address may not be theirs any more).
                return Attribution.Quarantine(IsPrevious(mail.From, subscriber) ? "previous-address" : "from-mismatch");
            }

            // An unsubscribed subscriber is still recognised, so a RESUME brings them back; ingestion reads nothing else from them.
            if (subscriber.Status is SubscriberStatus.Pending)
            {
                return Attribution.Quarantine("not-subscribed");
            }

            return new Attribution(subscriber, DateExtensions.FromDaysSinceEpoch(token.Value), token.Purpose, null);
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
            : new Attribution(known, null, null, null);
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

    private static bool IsPrevious(string? from, Subscriber subscriber) =>
        subscriber.PreviousEmailHash is { } previous && from is not null && EmailAddress.TryNormalize(from, out var normalized) &&
        string.Equals(EmailAddress.Hash(normalized), previous, StringComparison.Ordinal);

    private static bool SameAddress(string? from, string registered) =>
        from is not null && EmailAddress.TryNormalize(from, out var normalized) &&
        string.Equals(normalized, registered, StringComparison.OrdinalIgnoreCase);
}
