using Compersion.Core.Subscribers;

namespace Compersion.Core.Access;

/// <summary>The result of opening a settings link.</summary>
/// <param name="Outcome">What the link opens.</param>
/// <param name="Subscriber">Whose settings (only when <see cref="SettingsAccessOutcome.Open"/>).</param>
/// <param name="ExpiresAt">When the link lapses (for genuine links).</param>
public sealed record SettingsAccess(SettingsAccessOutcome Outcome, Subscriber? Subscriber, Instant? ExpiresAt)
{
    /// <summary>A journal link token lapsing with this settings link, for the settings page's "Your journal" link (only when open).</summary>
    public string JournalToken { get; init; } = string.Empty;

    /// <summary>The subscriber's local date when the link was opened: what the page's date choices count from (only when open).</summary>
    public LocalDate Today { get; init; }

    /// <summary>A new address whose confirmation link still works, or empty (only when open).</summary>
    public string PendingEmail { get; init; } = string.Empty;
}
