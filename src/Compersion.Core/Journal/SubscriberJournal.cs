using Compersion.Core.Kindness;
using Compersion.Core.Subscribers;

namespace Compersion.Core.Journal;

/// <summary>Who a subscriber is and what they have written, as read in one go.</summary>
/// <param name="Subscriber">The subscriber; null when nobody has that id.</param>
/// <param name="Entries">Their journal entries, oldest first; empty when there are none.</param>
/// <remarks>Entries are returned even when the profile is missing; callers decide on <see cref="Subscriber"/> alone.</remarks>
public sealed record SubscriberJournal(Subscriber? Subscriber, IReadOnlyList<JournalEntry> Entries)
{
    /// <summary>Their kind acts, a day per date, oldest first; empty when there are none.</summary>
    /// <remarks>Read by the same partition query as <see cref="Entries"/>, so it costs no extra round trip.</remarks>
    public IReadOnlyList<KindActDay> Acts { get; init; } = [];

    /// <summary>What their earlier weekly digests suggested, oldest first; empty when none was sent.</summary>
    /// <remarks>Read by the same partition query as <see cref="Entries"/>.</remarks>
    public IReadOnlyList<DigestRecord> Digests { get; init; } = [];
}
