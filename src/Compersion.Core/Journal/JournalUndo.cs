
using Compersion.Core.Photos;

namespace Compersion.Core.Journal;

/// <summary>Takes back everything one message wrote to a subscriber's journal (<c>UNDO</c>, sent as a reply to its receipt).</summary>
/// <remarks>
/// Every stored gratitude and act remembers the message that wrote it (<see cref="JournalItem.Source"/>), and so does
/// every photo (<see cref="StoredPhoto.Source"/>), so exactly that message's items and photos go, on whatever date they
/// were filed, and nothing else: other replies' items and photos and the subscriber's own edits stay. The message is then
/// marked as corrected on those dates, so a replay of the archive never brings it back.
/// </remarks>
public sealed class JournalUndo(IJournalEditor editor, ISubscriberJournal journals, IPhotoStore photos)
{
    /// <summary>Removes what the first of <paramref name="sources"/> that still has items in the journal wrote.</summary>
    /// <param name="subscriberId">Whose journal (only theirs is ever read or changed).</param>
    /// <param name="sources">Candidate message keys, the likeliest first (the messages the UNDO mail answers).</param>
    /// <param name="apply">False to only say what would go (a redelivered UNDO: the first delivery already removed it).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>What was (or would be) taken back; empty when none of the sources has anything left.</returns>
    public async Task<UndoneReply> UndoAsync(string subscriberId, IReadOnlyList<string> sources, bool apply, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subscriberId);
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Count == 0)
        {
            return UndoneReply.None;
        }

        var journal = await journals.LoadAsync(subscriberId, cancellationToken);
        var kept = await photos.ListAllAsync(subscriberId, cancellationToken);
        foreach (var source in sources)
        {
            var items = journal.Entries.SelectMany(entry => entry.Items.Where(item => item.Source == source).Select(item => (entry.Date, Item: item))).ToList();
            var acts = journal.Acts.SelectMany(day => day.Acts.Where(act => act.Source == source).Select(act => (day.Date, Act: act))).ToList();
            var brought = kept.Where(photo => string.Equals(photo.Source, source, StringComparison.Ordinal)).ToList();
            if (items.Count == 0 && acts.Count == 0 && brought.Count == 0)
            {
                continue;
            }

            if (apply)
            {
                foreach (var photo in brought)
                {
                    await photos.DeleteAsync(subscriberId, photo.Date, photo.Id, cancellationToken);
                }

                // A date that held only its photos is marked too, so a replay of the archive brings none of them back.
                foreach (var date in items.Select(item => item.Date).Concat(acts.Select(act => act.Date)).Concat(brought.Select(photo => photo.Date)).Distinct())
                {
                    await editor.EditDayAsync(
                        subscriberId,
                        date,
                        day => day.Holds(source)
                            ? day.Replacing(source, JournalAddition.Empty) with { Corrected = [.. day.Corrected, source] }
                            : day.Corrected.Contains(source, StringComparer.Ordinal) ? null : day with { Corrected = [.. day.Corrected, source] },
                        cancellationToken);
                }
            }

            return new UndoneReply(new JournalAddition([.. items.Select(item => item.Item)], [.. acts.Select(act => act.Act)]), brought.Count);
        }

        return UndoneReply.None;
    }
}
