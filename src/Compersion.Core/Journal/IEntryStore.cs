namespace Compersion.Core.Journal;

/// <summary>Journal entries, partitioned by subscriber (a port; Storage implements it over Tables).</summary>
public interface IEntryStore
{
    /// <summary>All of one subscriber's entries, oldest first (one partition query).</summary>
    Task<IReadOnlyList<JournalEntry>> GetEntriesAsync(string subscriberId, CancellationToken cancellationToken = default);

    /// <summary>Appends items to the entry for a date, creating it when needed; an item whose text the entry already holds is not added again (<see cref="JournalItem.Merge"/>).</summary>
    /// <param name="subscriberId">Whose journal.</param>
    /// <param name="date">The local date.</param>
    /// <param name="items">The items to append.</param>
    /// <param name="appendKey">
    /// An idempotency key (short, no spaces), e.g. a hash of the message the items came from: an append whose key the
    /// entry already holds does nothing, so the same message ingested twice — even concurrently — adds its items once.
    /// Null for a fresh random key.
    /// </param>
    /// <param name="cancellationToken">Cancels the append.</param>
    Task AppendAsync(string subscriberId, LocalDate date, IReadOnlyList<JournalItem> items, string? appendKey = null, CancellationToken cancellationToken = default);
}
