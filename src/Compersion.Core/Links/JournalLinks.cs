using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;

namespace Compersion.Core.Links;

/// <summary>Signed, expiring links to the journal pages (<c>/api/journal?token=…</c>) for mail footers, the <c>JOURNAL</c> command and the settings page.</summary>
/// <remarks>
/// The same kind of link as <see cref="SettingsLinks"/>, with the same lifetime, but its own purpose: a journal link opens
/// the journal and nothing else, and a settings link never opens the journal (each page mints the other's link itself).
/// </remarks>
public static class JournalLinks
{
    /// <summary>How long a journal link works (as long as a settings link).</summary>
    public static readonly Duration Lifetime = SettingsLinks.Lifetime;

    /// <summary>The journal's path under the public base URL.</summary>
    public const string Path = Routes.Prefix + Routes.Journal;

    /// <summary>The link, lapsing at <paramref name="expires"/>.</summary>
    public static string Url(TokenSigner signer, MailOptions options, string subscriberId, Instant expires) =>
        SignedPageLink.Url(signer, options, TokenPurpose.Journal, Routes.Journal, subscriberId, expires);

    /// <summary>The link for a scheduled mail: it lapses <see cref="Lifetime"/> after the mail's scheduled local send time.</summary>
    /// <remarks>Computed from the schedule rather than the clock, so the same mail composed twice carries the same link.</remarks>
    public static string ForScheduledMail(TokenSigner signer, MailOptions options, Subscriber subscriber, LocalDate date, LocalTime sendTime)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return Url(signer, options, subscriber.Id, SignedPageLink.ExpiryForScheduledMail(subscriber, date, sendTime, Lifetime));
    }
}
