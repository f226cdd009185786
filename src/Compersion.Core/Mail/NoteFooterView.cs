namespace Compersion.Core.Mail;

/// <summary>The footer of a short note: the signed journal and settings links, and the email commands when a reply with one is answered.</summary>
/// <param name="SettingsUrl">The settings link (<see cref="Links.SettingsLinks"/>).</param>
/// <param name="JournalUrl">The journal link (<see cref="Links.JournalLinks"/>).</param>
/// <param name="OffersHelp">Whether a reply of HELP (or any command) is read and answered.</param>
internal sealed record NoteFooterView(string SettingsUrl, string JournalUrl, bool OffersHelp);
