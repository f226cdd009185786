namespace Compersion.Core.Prompts;

/// <summary>The footer of a short note: the signed settings link.</summary>
/// <param name="SettingsUrl">The settings link (<see cref="Mail.SettingsLinks"/>).</param>
internal sealed record NoteFooterView(string SettingsUrl);
