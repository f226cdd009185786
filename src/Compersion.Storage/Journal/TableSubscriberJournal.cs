using Azure.Data.Tables;
using Compersion.Core.Journal;
using Compersion.Core.Subscribers;
using Compersion.Storage.Subscribers;

namespace Compersion.Storage.Journal;

/// <summary>Reads a subscriber's profile and journal entries with one query of their partition in the <c>subscribers</c> table.</summary>
/// <remarks>
/// One partition query is one round trip for up to 1 000 rows (the service's page size): about two and a half years
/// of daily entries. A longer journal costs one more round trip per further thousand rows, still in one call here.
/// Rows that are neither the profile nor an entry (none exist today) are ignored, so new row kinds can join the
/// partition without confusing this reader.
/// </remarks>
internal sealed class TableSubscriberJournal(StorageTables tables) : ISubscriberJournal
{
    public async Task<SubscriberJournal> LoadAsync(string subscriberId, CancellationToken cancellationToken = default)
    {
        // Ids arrive from queue messages; anything that could not be a key is simply nobody.
        if (!TableKeys.IsSafe(subscriberId))
        {
            return new SubscriberJournal(null, []);
        }

        Subscriber? subscriber = null;
        var entries = new List<JournalEntry>();
        await foreach (var row in tables.Subscribers.QueryAsync<TableEntity>(SubscriberPartition.AllRows(subscriberId), cancellationToken: cancellationToken))
        {
            if (row.RowKey == SubscriberPartition.ProfileRowKey)
            {
                subscriber = SubscriberEntity.FromRow(row).ToSubscriber();
            }
            else if (SubscriberPartition.TryParseEntryRowKey(row.RowKey, out var date))
            {
                entries.Add(new JournalEntry(subscriberId, date, JournalItemColumns.Read(row)));
            }
        }

        // Entry keys sort before "profile" and in date order already; sorting states the contract rather than trusting it.
        entries.Sort((left, right) => left.Date.CompareTo(right.Date));
        return new SubscriberJournal(subscriber, entries);
    }
}
