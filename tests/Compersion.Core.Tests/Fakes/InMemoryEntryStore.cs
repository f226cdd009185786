using Compersion.Core.Journal;
using NodaTime;

namespace Compersion.Core.Tests.Fakes;

/// <summary>An <see cref="IEntryStore"/> in memory, with the real store's append-key rule and its same-day merge (<see cref="JournalItem.Merge"/>).</summary>
internal sealed class InMemoryEntryStore : IEntryStore
{
    private readonly InMemoryDays<JournalItem> days = new((current, added) => JournalItem.Merge(current, added));

    /// <summary>The days themselves, for the in-memory journal editor.</summary>
    public InMemoryDays<JournalItem> Days => days;

    public Task<IReadOnlyList<JournalEntry>> GetEntriesAsync(string subscriberId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<JournalEntry>>([.. days.Get(subscriberId).Select(day => new JournalEntry(subscriberId, day.Date, day.Values))]);

    public Task AppendAsync(string subscriberId, LocalDate date, IReadOnlyList<JournalItem> items, string? appendKey = null, CancellationToken cancellationToken = default)
    {
        days.Append(subscriberId, date, items, appendKey);
        return Task.CompletedTask;
    }
}
