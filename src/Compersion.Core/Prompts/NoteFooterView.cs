namespace Compersion.Core.Prompts;

/// <summary>The footer of a short note: the signed journal and settings links, and the email commands when the note can be answered.</summary>
/// <param name="SettingsUrl">The settings link (<see cref="Mail.SettingsLinks"/>).</param>
/// <param name="JournalUrl">The journal link (<see cref="Mail.JournalLinks"/>).</param>
/// <param name="InvitesReply">Whether the note carries a reply token, so a reply (HELP …) is read.</param>
internal sealed record NoteFooterView(string SettingsUrl, string JournalUrl, bool InvitesReply);
