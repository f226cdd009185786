using Compersion.Core.Journal;

namespace Compersion.Storage.Journal;

/// <summary>Journal entries in the <c>subscribers</c> table: a row per local date, in the subscriber's own partition.</summary>
/// <remarks>
/// <para>
/// The partition also holds the profile and the kind-acts rows (<see cref="SubscriberPartition"/>), so reads select
/// the entry rows by their row-key range and <see cref="TableSubscriberJournal"/> can read everything at once.
/// </para>
/// <para>
/// Appends go through <see cref="IdempotentAppender"/>: concurrent replies for one date never lose items, and an
/// append key the row already holds adds nothing.
/// </para>
/// </remarks>
internal sealed class TableEntryStore(StorageTables tables, IdempotentAppender appender) : IEntryStore
{
    public async Task<IReadOnlyList<JournalEntry>> GetEntriesAsync(string subscriberId, CancellationToken cancellationToken = default)
    {
        TableKeys.Require(subscriberId, nameof(subscriberId));
        var entries = new List<JournalEntry>();
        await foreach (var row in tables.Subscribers(subscriberId).QueryAsync<TableEntity>(SubscriberPartition.EntryRows(subscriberId), cancellationToken: cancellationToken))
        {
            entries.Add(new JournalEntry(subscriberId, StoredFormats.ParseDate(row.RowKey), JournalItemColumns.Read(row)));
        }

        // Row keys are ISO dates and come back in order already; sorting states the contract rather than trusting it.
        entries.Sort((left, right) => left.Date.CompareTo(right.Date));
        return entries;
    }

    public async Task AppendAsync(string subscriberId, LocalDate date, IReadOnlyList<JournalItem> items, string? appendKey = null, CancellationToken cancellationToken = default)
    {
        TableKeys.Require(subscriberId, nameof(subscriberId));
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return;
        }

        await appender.AppendAsync(
            tables.Subscribers(subscriberId),
            subscriberId,
            SubscriberPartition.EntryRowKey(date),
            appendKey,
            (current, row) => JournalItemColumns.Write(row, [.. JournalItem.Merge(current is null ? [] : JournalItemColumns.Read(current), items)]),
            cancellationToken);
    }
}
