using NodaTime;

namespace Compersion.Core.Journal;

/// <summary>Journal entries, partitioned by subscriber (a port; Storage implements it over Tables).</summary>
public interface IEntryStore
{
    /// <summary>All of one subscriber's entries, oldest first (one partition query).</summary>
    Task<IReadOnlyList<JournalEntry>> GetEntriesAsync(string subscriberId, CancellationToken cancellationToken = default);

    /// <summary>Appends items to the entry for a date, creating it when needed.</summary>
    Task AppendAsync(string subscriberId, LocalDate date, IReadOnlyList<JournalItem> items, CancellationToken cancellationToken = default);
}
