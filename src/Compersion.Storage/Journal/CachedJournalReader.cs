using System.Text;
using Compersion.Core.Journal;

namespace Compersion.Storage.Journal;

/// <summary>The journal pages' reads (<see cref="TableJournalReader"/>) kept in memory while the subscriber's journal stamp is unchanged (<see cref="JournalCache"/>).</summary>
/// <remarks>A repeated read costs one point read (the stamp) and no parsing; what it answers is the very object read the first time, so nobody may change it (nobody does: the pages only read).</remarks>
internal sealed class CachedJournalReader(TableJournalReader reader, JournalCache cache) : IJournalReader
{
    public IDisposable BeginPage() => JournalStampMemo.Begin();

    public Task<T> KeepAsync<T>(string subscriberId, string what, Func<Task<T>> make, Func<T, int> size, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(make);
        return TableKeys.IsSafe(subscriberId) && JournalStampMemo.IsUnwritten(subscriberId)
            ? cache.ReadAsync(subscriberId, "kept " + what, make, size, cancellationToken)
            : make();
    }

    public Task<SubscriberJournal> ReadAsync(string subscriberId, IReadOnlyList<JournalSpan>? spans, CancellationToken cancellationToken = default) =>
        TableKeys.IsSafe(subscriberId)
            ? cache.ReadAsync(subscriberId, "rows " + Dates(spans), () => reader.ReadAsync(subscriberId, spans, cancellationToken), Size, cancellationToken)
            : reader.ReadAsync(subscriberId, spans, cancellationToken);

    public Task<IReadOnlyList<DayMark>> ReadMarksAsync(string subscriberId, IReadOnlyList<JournalSpan>? spans = null, CancellationToken cancellationToken = default) =>
        TableKeys.IsSafe(subscriberId)
            ? cache.ReadAsync(subscriberId, "marks " + Dates(spans), () => reader.ReadMarksAsync(subscriberId, spans, cancellationToken), marks => marks.Count, cancellationToken)
            : reader.ReadMarksAsync(subscriberId, spans, cancellationToken);

    // The dates exactly as the reader will read them (joined), so two spellings of the same dates share an entry.
    private static string Dates(IReadOnlyList<JournalSpan>? spans)
    {
        if (spans is null)
        {
            return "all";
        }

        var text = new StringBuilder();
        foreach (var span in JournalSpan.Join(spans))
        {
            text.Append(StoredFormats.Format(span.From)).Append('/').Append(StoredFormats.Format(span.To)).Append(' ');
        }

        return text.ToString();
    }

    private static int Size(SubscriberJournal journal) =>
        1 + journal.Entries.Sum(entry => entry.Items.Count) + journal.Acts.Sum(day => day.Acts.Count);
}
