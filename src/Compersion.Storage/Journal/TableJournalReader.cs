using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Subscribers;
using Compersion.Storage.Kindness;
using Compersion.Storage.Subscribers;

namespace Compersion.Storage.Journal;

/// <summary>Reads the parts of a subscriber's partition a journal page shows: the profile, the entry and act rows of some dates, or every day's counts.</summary>
/// <remarks>
/// <para>
/// Entry rows are keyed by ISO date and act rows by <c>act-</c> and the date (<see cref="SubscriberPartition"/>), so a span
/// of dates is two row-key ranges. The profile is a point read beside the range query, because the query selects only
/// the columns a page reads (the items' and acts' JSON), not the profile's.
/// </para>
/// <para>
/// Table queries allow at most 15 comparisons; a span costs four and the partition one, so spans go three to a query.
/// </para>
/// <para>
/// Marks come from a projection of the count columns <see cref="JournalItemColumns"/> and <see cref="KindActColumns"/>
/// write. A row written before those columns existed has none; such rows are then read whole, once per call, and counted.
/// </para>
/// </remarks>
internal sealed class TableJournalReader(StorageTables tables) : IJournalReader
{
    private const int SpansPerQuery = 3;

    private static readonly IReadOnlyList<JournalSpan> Every = [JournalSpan.All];
    private static readonly string[] TextColumns = ["RowKey", .. JournalItemColumns.TextColumns, .. KindActColumns.TextColumns];

    private static readonly string[] MarkColumns =
    [
        "RowKey", JournalItemColumns.CountColumn, JournalItemColumns.PersonColumn, JournalItemColumns.ChunkCountColumn, KindActColumns.CountColumn, KindActColumns.ChunkCountColumn,
    ];

    public IDisposable BeginPage() => JournalStampMemo.Begin();

    public Task<T> KeepAsync<T>(string subscriberId, string what, Func<Task<T>> make, Func<T, int> size, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(make);
        return make();
    }

    public async Task<SubscriberJournal> ReadAsync(string subscriberId, IReadOnlyList<JournalSpan>? spans, CancellationToken cancellationToken = default)
    {
        if (!TableKeys.IsSafe(subscriberId))
        {
            return new SubscriberJournal(null, []);
        }

        var table = tables.Subscribers(subscriberId);
        var profileRead = table.GetEntityIfExistsAsync<TableEntity>(subscriberId, SubscriberPartition.ProfileRowKey, cancellationToken: cancellationToken);
        var rowsRead = QueryAsync(table, subscriberId, JournalSpan.Join(spans ?? Every), TextColumns, cancellationToken);
        await Task.WhenAll(profileRead, rowsRead);
        var profile = await profileRead;
        Subscriber? subscriber = profile.HasValue ? SubscriberEntity.FromRow(profile.Value!).ToSubscriber() : null;
        var entries = new List<JournalEntry>();
        var acts = new List<KindActDay>();
        foreach (var row in await rowsRead)
        {
            if (SubscriberPartition.TryParseEntryRowKey(row.RowKey, out var date))
            {
                entries.Add(new JournalEntry(subscriberId, date, JournalItemColumns.Read(row)));
            }
            else if (SubscriberPartition.TryParseActRowKey(row.RowKey, out var actDate))
            {
                acts.Add(new KindActDay(subscriberId, actDate, KindActColumns.Read(row)));
            }
        }

        return new SubscriberJournal(subscriber, entries) { Acts = acts };
    }

    public async Task<IReadOnlyList<DayMark>> ReadMarksAsync(string subscriberId, IReadOnlyList<JournalSpan>? spans = null, CancellationToken cancellationToken = default)
    {
        if (!TableKeys.IsSafe(subscriberId))
        {
            return [];
        }

        var table = tables.Subscribers(subscriberId);
        var dates = JournalSpan.Join(spans ?? Every);
        var rows = await QueryAsync(table, subscriberId, dates, MarkColumns, cancellationToken);
        if (rows.Any(Uncounted))
        {
            // Rows from before the count columns: read them whole (one query over the same dates) and count their items and acts.
            var whole = (await QueryAsync(table, subscriberId, dates, TextColumns, cancellationToken)).ToDictionary(row => row.RowKey, StringComparer.Ordinal);
            rows = [.. rows.Select(row => Uncounted(row) && whole.TryGetValue(row.RowKey, out var read) ? Counted(read) : row)];
        }

        var marks = new Dictionary<LocalDate, DayMark>();
        foreach (var row in rows)
        {
            if (SubscriberPartition.TryParseEntryRowKey(row.RowKey, out var date))
            {
                var mark = marks.GetValueOrDefault(date) ?? new DayMark(date, 0, 0, 0);
                marks[date] = mark with { Items = row.GetInt32(JournalItemColumns.CountColumn) ?? 0, WithPerson = row.GetInt32(JournalItemColumns.PersonColumn) ?? 0 };
            }
            else if (SubscriberPartition.TryParseActRowKey(row.RowKey, out var actDate))
            {
                var mark = marks.GetValueOrDefault(actDate) ?? new DayMark(actDate, 0, 0, 0);
                marks[actDate] = mark with { Acts = row.GetInt32(KindActColumns.CountColumn) ?? 0 };
            }
        }

        return [.. marks.Values.Where(mark => mark.IsWritten).OrderBy(mark => mark.Date)];
    }

    // A row with JSON but no count column was written before the count columns existed.
    private static bool Uncounted(TableEntity row) =>
        ((row.GetInt32(JournalItemColumns.ChunkCountColumn) ?? 0) > 0 && row.GetInt32(JournalItemColumns.CountColumn) is null) ||
        ((row.GetInt32(KindActColumns.ChunkCountColumn) ?? 0) > 0 && row.GetInt32(KindActColumns.CountColumn) is null);

    private static TableEntity Counted(TableEntity row)
    {
        var counted = new TableEntity(row.PartitionKey, row.RowKey);
        if (SubscriberPartition.TryParseEntryRowKey(row.RowKey, out _))
        {
            var items = JournalItemColumns.Read(row);
            counted[JournalItemColumns.CountColumn] = items.Count;
            counted[JournalItemColumns.PersonColumn] = items.Count(item => item.Social);
        }
        else
        {
            counted[KindActColumns.CountColumn] = KindActColumns.Read(row).Count;
        }

        return counted;
    }

    private static async Task<List<TableEntity>> QueryAsync(TableClient table, string subscriberId, IReadOnlyList<JournalSpan> spans, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        var queries = spans.Chunk(SpansPerQuery).Select(async group =>
        {
            var rows = new List<TableEntity>();
            await foreach (var row in table.QueryAsync<TableEntity>(Filter(subscriberId, group), select: columns, cancellationToken: cancellationToken))
            {
                rows.Add(row);
            }

            return rows;
        });
        return [.. (await Task.WhenAll(queries)).SelectMany(rows => rows)];
    }

    // PartitionKey eq 'id' and ((RowKey ge 'from' and RowKey le 'to') or (RowKey ge 'act-from' and RowKey le 'act-to') or …)
    private static string Filter(string subscriberId, IEnumerable<JournalSpan> spans)
    {
        var ranges = spans.SelectMany(span => new[]
        {
            TableClient.CreateQueryFilter($"(RowKey ge {SubscriberPartition.EntryRowKey(span.From)} and RowKey le {SubscriberPartition.EntryRowKey(span.To)})"),
            TableClient.CreateQueryFilter($"(RowKey ge {SubscriberPartition.ActRowKey(span.From)} and RowKey le {SubscriberPartition.ActRowKey(span.To)})"),
        });
        return TableClient.CreateQueryFilter($"PartitionKey eq {subscriberId}") + " and (" + string.Join(" or ", ranges) + ")";
    }
}
