using NodaTime;

namespace Compersion.Core.Subscribers;

/// <summary>The result of opening a settings link.</summary>
/// <param name="Outcome">What the link opens.</param>
/// <param name="Subscriber">Whose settings (only when <see cref="SettingsAccessOutcome.Open"/>).</param>
/// <param name="ExpiresAt">When the link lapses (for genuine links).</param>
public sealed record SettingsAccess(SettingsAccessOutcome Outcome, Subscriber? Subscriber, Instant? ExpiresAt);
