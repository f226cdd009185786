using Compersion.Core.Kindness;

namespace Compersion.Storage.Kindness;

/// <summary>Kind acts in the <c>subscribers</c> table: a row per local date (<c>act-yyyy-MM-dd</c>), in the subscriber's own partition.</summary>
/// <remarks>
/// The acts rows sit beside the profile and the journal entries (<see cref="SubscriberPartition"/>), so deleting the
/// partition forgets them too and <see cref="Journal.TableSubscriberJournal"/> reads them in the same query. Appends go
/// through <see cref="IdempotentAppender"/>, exactly as the journal's do.
/// </remarks>
internal sealed class TableActStore(StorageTables tables, IdempotentAppender appender) : IActStore
{
    public async Task<IReadOnlyList<KindActDay>> GetActsAsync(string subscriberId, CancellationToken cancellationToken = default)
    {
        TableKeys.Require(subscriberId, nameof(subscriberId));
        var days = new List<KindActDay>();
        await foreach (var row in tables.Subscribers(subscriberId).QueryAsync<TableEntity>(SubscriberPartition.ActRows(subscriberId), cancellationToken: cancellationToken))
        {
            if (SubscriberPartition.TryParseActRowKey(row.RowKey, out var date))
            {
                days.Add(new KindActDay(subscriberId, date, KindActColumns.Read(row)));
            }
        }

        // Row keys share a prefix and then sort by date; sorting states the contract rather than trusting it.
        days.Sort((left, right) => left.Date.CompareTo(right.Date));
        return days;
    }

    public async Task AppendAsync(string subscriberId, LocalDate date, IReadOnlyList<KindAct> acts, string? appendKey = null, CancellationToken cancellationToken = default)
    {
        TableKeys.Require(subscriberId, nameof(subscriberId));
        ArgumentNullException.ThrowIfNull(acts);
        if (acts.Count == 0)
        {
            return;
        }

        await appender.AppendAsync(
            tables.Subscribers(subscriberId),
            subscriberId,
            SubscriberPartition.ActRowKey(date),
            appendKey,
            (current, row) => KindActColumns.Write(row, [.. current is null ? [] : KindActColumns.Read(current), .. acts]),
            cancellationToken);
    }
}
