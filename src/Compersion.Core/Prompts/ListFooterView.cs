namespace Compersion.Core.Prompts;

/// <summary>The footer of a list mail: why it came, and how to stop it.</summary>
/// <param name="Schedule">When prompts arrive, e.g. <c>20:00 (Europe/Berlin)</c>.</param>
/// <param name="UnsubscribeUrl">The visible one-click unsubscribe link.</param>
/// <param name="UnsubscribeAddress">The address that unsubscribes by email.</param>
/// <param name="UnsubscribeMailto">The mailto link of <paramref name="UnsubscribeAddress"/>.</param>
internal sealed record ListFooterView(string Schedule, string UnsubscribeUrl, string UnsubscribeAddress, string UnsubscribeMailto);
