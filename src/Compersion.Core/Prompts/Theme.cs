namespace Compersion.Core.Prompts;

/// <summary>A short theme that gives the day's prompt a different angle.</summary>
/// <param name="Name">How the theme is named in the mail ("Someone else's joy").</param>
/// <param name="Nudge">One warm line that invites, never demands.</param>
internal sealed record Theme(string Name, string Nudge);
