using Compersion.Core.Links;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Microsoft.Extensions.Options;

namespace Compersion.Core.Mail;

/// <summary>Composes the double opt-in email sent after a sign-up.</summary>
/// <remarks>
/// It is not a list mail, so it has no unsubscribe link: it says plainly that ignoring it is enough
/// and that nothing more will be sent unless the link is followed.
/// </remarks>
/// <param name="signer">Signs the confirmation link.</param>
/// <param name="options">The sending address and name, and the domains links and replies use.</param>
public sealed class ConfirmationComposer(TokenSigner signer, IOptions<MailOptions> options)
{
    /// <summary>The <see cref="OutgoingMail.Kind"/> of the confirmation email.</summary>
    public const string ConfirmKind = "confirm";

    /// <summary>How long the confirmation link works.</summary>
    public static readonly Duration LinkLifetime = PendingSignUp.Lifetime;

    private readonly TokenSigner signer = signer ?? throw new ArgumentNullException(nameof(signer));
    private readonly MailOptions options = (options ?? throw new ArgumentNullException(nameof(options))).Value;

    /// <summary>Composes the confirmation email, with a link that lapses <see cref="LinkLifetime"/> after <paramref name="now"/>.</summary>
    /// <param name="subscriber">The pending subscriber, or one with a sign-up typed again waiting (<see cref="Subscriber.SignUp"/>).</param>
    /// <param name="now">When the mail is composed.</param>
    /// <param name="jobId">The outbound job's id, carried as an opaque tag.</param>
    /// <remarks>
    /// A sign-up typed again that has not lapsed is confirmed at the address typed, with the settings typed, and its link
    /// names that request (it applies them when followed); nothing of the stored profile is shown there.
    /// </remarks>
    public OutgoingMail Compose(Subscriber subscriber, Instant now, string jobId)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        string token;
        if (subscriber.SignUp is { } request && now <= request.Expires)
        {
            token = signer.Sign(TokenPurpose.SignUpAgain, subscriber.Id, request.Nonce);
            subscriber = request.AppliedTo(subscriber) with { Email = request.Email };
        }
        else
        {
            token = signer.ForLink(TokenPurpose.Confirm, subscriber.Id, now + LinkLifetime);
        }

        var view = new ConfirmView(
            $"{Routes.Url(options, Routes.Confirm)}?token={token}",
            (int)LinkLifetime.TotalDays,
            MailFormat.Schedule(subscriber.PromptTime, subscriber.Zone, subscriber.TwelveHourClock),
            $"{subscriber.DigestDay}s at {MailFormat.Time(subscriber.DigestTime, subscriber.TwelveHourClock)}",
            options.FromName);
        const string subject = "Please confirm your daily five gratitudes";
        var body = MailTemplateSet.Render("confirm", view, subject, "One click and your first prompt is on its way.", options.FromName);

        return ComposedMail.To(subscriber, options, ConfirmKind, replyTo: null, subject, body, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), jobId);
    }
}
