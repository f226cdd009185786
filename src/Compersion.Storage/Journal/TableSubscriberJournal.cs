using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Subscribers;
using Compersion.Storage.Digests;
using Compersion.Storage.Kindness;
using Compersion.Storage.Subscribers;

namespace Compersion.Storage.Journal;

/// <summary>Reads a subscriber's profile, journal entries, kind acts and digest records with one query of their partition in the <c>subscribers</c> table.</summary>
/// <remarks>
/// One partition query is one round trip for up to 1 000 rows (the service's page size): over a year of daily
/// entries with an act logged every day. A longer journal costs one more round trip per further thousand rows, still
/// in one call here. Rows that are neither the profile, an entry nor an acts row (none exist today) are ignored, so new
/// row kinds can join the partition without confusing this reader.
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
        var acts = new List<KindActDay>();
        var digests = new List<DigestRecord>();
        await foreach (var row in tables.Subscribers(subscriberId).QueryAsync<TableEntity>(SubscriberPartition.AllRows(subscriberId), cancellationToken: cancellationToken))
        {
            if (row.RowKey == SubscriberPartition.ProfileRowKey)
            {
                subscriber = SubscriberEntity.FromRow(row).ToSubscriber();
            }
            else if (SubscriberPartition.TryParseEntryRowKey(row.RowKey, out var date))
            {
                entries.Add(new JournalEntry(subscriberId, date, JournalItemColumns.Read(row)));
            }
            else if (SubscriberPartition.TryParseActRowKey(row.RowKey, out var actDate))
            {
                acts.Add(new KindActDay(subscriberId, actDate, KindActColumns.Read(row)));
            }
            else if (SubscriberPartition.TryParseDigestRowKey(row.RowKey, out var digestDate))
            {
                digests.Add(TableDigestLog.Read(digestDate, row));
            }
        }

        // Keys come back in date order within each kind already; sorting states the contract rather than trusting it.
        entries.Sort((left, right) => left.Date.CompareTo(right.Date));
        acts.Sort((left, right) => left.Date.CompareTo(right.Date));
        digests.Sort((left, right) => left.Date.CompareTo(right.Date));
        return new SubscriberJournal(subscriber, entries) { Acts = acts, Digests = digests };
    }
}
