using Compersion.Core.Journal;
using NodaTime;

namespace Compersion.Core.Tests.Fakes;

/// <summary>The journal editor and reader over the in-memory stores, with the real editor's rules: both lists of a date rewritten together, append keys and corrected sources kept.</summary>
internal sealed class InMemoryJournal(InMemorySubscriberStore subscribers, InMemoryEntryStore entries, InMemoryActStore acts) : IJournalEditor, ISubscriberJournal
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string SubscriberId, LocalDate Date), IReadOnlyList<string>> corrected = [];

    public Task EditDayAsync(string subscriberId, LocalDate date, Func<DayRows, DayRows?> edit, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var (items, itemKeys) = entries.Days.Read(subscriberId, date);
            var (dayActs, actKeys) = acts.Days.Read(subscriberId, date);
            var next = edit(new DayRows(items, dayActs)
            {
                Corrected = corrected.GetValueOrDefault((subscriberId, date)) ?? [],
                Appended = [.. itemKeys, .. actKeys],
            });
            if (next is not null)
            {
                entries.Days.Replace(subscriberId, date, next.Items);
                acts.Days.Replace(subscriberId, date, next.Acts);
                corrected[(subscriberId, date)] = next.Corrected;
            }
        }

        return Task.CompletedTask;
    }

    public async Task<SubscriberJournal> LoadAsync(string subscriberId, CancellationToken cancellationToken = default) =>
        new(await subscribers.FindByIdAsync(subscriberId, cancellationToken), await entries.GetEntriesAsync(subscriberId, cancellationToken))
        {
            Acts = await acts.GetActsAsync(subscriberId, cancellationToken),
        };
}
