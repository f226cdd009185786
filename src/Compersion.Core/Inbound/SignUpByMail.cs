using Compersion.Core.Links;
using Compersion.Core.Scheduling;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using Microsoft.Extensions.Options;

namespace Compersion.Core.Inbound;

/// <summary>Sign-up by mail: a mail to <c>start@{inbound domain}</c>, whatever it says, starts the same double opt-in as the sign-up page.</summary>
/// <remarks>
/// <para>The confirmation goes to the sender's address through <see cref="SubscriptionService.SignUpAsync"/>, exactly as
/// for the page: nothing is subscribed until its link is clicked, and the outbox sends at most one confirmation per address
/// and local day however many mails arrive. A forged sender therefore gets no more than the page would give anyone who
/// typed that address: at most a confirmation to the real mailbox, which confirms nothing unless clicked there.</para>
/// <para>A sender who is already subscribed gets their settings link instead, but only when SPF or DKIM vouches for the
/// From address: a forged registered address gets nothing (no backscatter).</para>
/// <para>A new sign-up takes the page's defaults (prompt 20:00, digest Sunday 18:00) and the time zone the mail names
/// (<c>Europe/Berlin</c> anywhere in it), else <see cref="DefaultZone"/>; someone signing up again keeps their own settings.
/// The body is never journaled.</para>
/// </remarks>
public sealed class SignUpByMail(SubscriptionService subscriptions, ISubscriberStore subscribers, IOptions<MailOptions> mailOptions)
{
    /// <summary>The time zone of a sign-up by mail that names none (the welcome mail and the settings page show it; <c>ZONE</c> changes it).</summary>
    public const string DefaultZone = "Etc/UTC";

    /// <summary>Whether the mail was sent to the sign-up mailbox.</summary>
    public bool IsFor(InboundMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        return mail.EnvelopeTo.Any(recipient => ReplyAddress.IsMailbox(recipient, mailOptions.Value.InboundDomain, ReplyAddress.StartMailbox));
    }

    /// <summary>Starts the double opt-in for the sender.</summary>
    /// <param name="mail">The mail to the sign-up mailbox.</param>
    /// <param name="visibleText">Its visible text, where a time zone may be named.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>
    /// What happened; the subscriber whose address sent it (pending or subscribed, so deleting them finds the mail); and
    /// that subscriber when they are already subscribed and verified, to send their settings link to.
    /// </returns>
    public async Task<(SignUpByMailOutcome Outcome, string? OwnerId, Subscriber? Registered)> SignUpAsync(InboundMail mail, string visibleText, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (!EmailAddress.TryNormalize(mail.From, out var address))
        {
            return (SignUpByMailOutcome.NoSender, null, null);
        }

        var named = ZoneIn(visibleText);
        var known = await subscribers.FindByEmailAsync(address, cancellationToken);
        if (known is { Status: SubscriberStatus.Active or SubscriberStatus.Paused })
        {
            return mail.SpfPass || mail.DkimPass ? (SignUpByMailOutcome.AlreadySubscribed, known.Id, known) : (SignUpByMailOutcome.Ignored, known.Id, null);
        }

        SignUpRequest? request;
        if (known is null)
        {
            // The page's defaults, as a blank form field gives them.
            _ = SignUpRequest.TryCreate(address, named ?? DefaultZone, null, null, null, out request, out _);
        }
        else
        {
            request = new SignUpRequest(address, named ?? known.Zone, known.PromptTime, known.DigestDay, known.DigestTime, known.KindnessGoal, known.TwelveHourClock);
        }

        var outcome = await subscriptions.SignUpAsync(request!, cancellationToken);
        var owner = await subscribers.FindByEmailAsync(address, cancellationToken);
        return (outcome == SignUpOutcome.ConfirmationQueued ? SignUpByMailOutcome.ConfirmationQueued : SignUpByMailOutcome.Ignored, owner?.Id, null);
    }

    // "Europe/Berlin" (or "zone: america/new_york") anywhere in the mail: the first word that is a known time zone.
    private static string? ZoneIn(string? text) =>
        (text ?? string.Empty)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(word => word.Trim('.', ',', ';', ':', '!', '?', '"', '\'', '(', ')'))
            .Where(word => word.Contains('/', StringComparison.Ordinal) && LocalSchedule.IsKnownZone(word))
            .Select(word => DateTimeZoneProviders.Tzdb[word].Id)
            .FirstOrDefault();
}
