using Compersion.Core.Links;

namespace Compersion.Core.Mail;

/// <summary>The footer of a list mail: why it came, and how to stop it.</summary>
/// <param name="Reason">What the subscriber asked for, completing "You are getting this because you asked for …",
/// e.g. <c>one short gratitude prompt a day at 20:00 (Europe/Berlin)</c>.</param>
/// <param name="UnsubscribeUrl">The visible one-click unsubscribe link.</param>
/// <param name="UnsubscribeAddress">The address that unsubscribes by email.</param>
/// <param name="UnsubscribeMailto">The mailto link of <paramref name="UnsubscribeAddress"/>.</param>
/// <param name="SettingsUrl">
/// The signed, expiring settings link (<see cref="Links.SettingsLinks"/>); empty shows no settings link, so callers
/// built before it existed keep working.
/// </param>
/// <param name="JournalUrl">The signed, expiring journal link (<see cref="Links.JournalLinks"/>); empty shows none.</param>
internal sealed record ListFooterView(string Reason, string UnsubscribeUrl, string UnsubscribeAddress, string UnsubscribeMailto, string SettingsUrl = "", string JournalUrl = "")
{
    /// <summary>The footer of a list mail that unsubscribes through <paramref name="links"/>.</summary>
    public static ListFooterView For(string reason, UnsubscribeLinks links, string settingsUrl, string journalUrl = "") =>
        new(reason, links.Url, links.MailtoAddress, links.MailtoUrl, settingsUrl, journalUrl);
}
