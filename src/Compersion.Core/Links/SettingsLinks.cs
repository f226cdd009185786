using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;

namespace Compersion.Core.Links;

/// <summary>Signed, expiring links to the settings page (<c>/api/settings?token=…</c>) for mail footers and the <c>SETTINGS</c> command.</summary>
/// <remarks>
/// A settings link opens everything (settings, export, import, delete) without a password, so it lives at most
/// <see cref="Lifetime"/>; an expired one shows a page offering to mail a fresh link to the address on file.
/// </remarks>
public static class SettingsLinks
{
    /// <summary>How long a settings link works.</summary>
    public static readonly Duration Lifetime = Duration.FromHours(24);

    /// <summary>The link, lapsing at <paramref name="expires"/>.</summary>
    public static string Url(TokenSigner signer, MailOptions options, string subscriberId, Instant expires) =>
        SignedPageLink.Url(signer, options, TokenPurpose.Settings, Routes.Settings, subscriberId, expires);

    /// <summary>The link for a scheduled mail: it lapses <see cref="Lifetime"/> after the mail's scheduled local send time.</summary>
    /// <remarks>Computed from the schedule rather than the clock, so the same mail composed twice carries the same link.</remarks>
    public static string ForScheduledMail(TokenSigner signer, MailOptions options, Subscriber subscriber, LocalDate date, LocalTime sendTime)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return Url(signer, options, subscriber.Id, SignedPageLink.ExpiryForScheduledMail(subscriber, date, sendTime, Lifetime));
    }
}
