using Compersion.Core.Journal;
using Compersion.Core.Subscribers;

namespace Compersion.Core.Access;

/// <summary>The result of opening a journal link.</summary>
/// <param name="Outcome">What the link opens (the same outcomes as a settings link).</param>
/// <param name="Subscriber">Whose journal (only when <see cref="SettingsAccessOutcome.Open"/>).</param>
/// <param name="Book">Their journal (only when open).</param>
/// <param name="Today">Their local date now.</param>
/// <param name="ExpiresAt">When the link lapses (for genuine links).</param>
/// <param name="SettingsToken">A settings link token lapsing with this link, for the pages' "Settings" link (only when open).</param>
public sealed record JournalAccess(SettingsAccessOutcome Outcome, Subscriber? Subscriber, JournalBook? Book, LocalDate Today, Instant? ExpiresAt, string SettingsToken);
