using Compersion.Core.Scheduling;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;

namespace Compersion.Core.Links;

/// <summary>A signed, expiring link to a page (settings, journal): the one rule <see cref="SettingsLinks"/> and <see cref="JournalLinks"/> share.</summary>
internal static class SignedPageLink
{
    /// <summary>The page's link for a token of <paramref name="purpose"/>, lapsing at <paramref name="expires"/>.</summary>
    public static string Url(TokenSigner signer, MailOptions options, TokenPurpose purpose, string route, string subscriberId, Instant expires)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(options);
        return $"{Routes.Url(options, route)}?token={signer.ForLink(purpose, subscriberId, expires)}";
    }

    /// <summary>When a scheduled mail's link lapses: <paramref name="lifetime"/> after the mail's scheduled local send time.</summary>
    /// <remarks>Computed from the schedule rather than the clock, so the same mail composed twice carries the same link.</remarks>
    public static Instant ExpiryForScheduledMail(Subscriber subscriber, LocalDate date, LocalTime sendTime, Duration lifetime)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return LocalSchedule.InstantFor(subscriber.TimeZone, date, sendTime) + lifetime;
    }
}
