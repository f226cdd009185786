namespace Compersion.Core.Prompts;

/// <summary>The footer of a short note: the signed journal and settings links.</summary>
/// <param name="SettingsUrl">The settings link (<see cref="Mail.SettingsLinks"/>).</param>
/// <param name="JournalUrl">The journal link (<see cref="Mail.JournalLinks"/>).</param>
internal sealed record NoteFooterView(string SettingsUrl, string JournalUrl);
