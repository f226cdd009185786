using Compersion.Core.Journal;
using NodaTime;

namespace Compersion.Core.Tests.Fakes;

/// <summary>The journal editor and readers over the in-memory stores, with the real editor's rules: both lists of a date rewritten together, append keys and corrected sources kept.</summary>
/// <remarks>As the table reader does, <see cref="ReadAsync"/> returns only the dates asked for, and <see cref="ReadMarksAsync"/> counts every date.</remarks>
internal sealed class InMemoryJournal(InMemorySubscriberStore subscribers, InMemoryEntryStore entries, InMemoryActStore acts) : IJournalEditor, ISubscriberJournal, IJournalReader
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

    /// <summary>The spans each <see cref="ReadAsync"/> was asked for, in order (null for every date).</summary>
    public List<IReadOnlyList<JournalSpan>?> SpansRead { get; } = [];

    public async Task<SubscriberJournal> ReadAsync(string subscriberId, IReadOnlyList<JournalSpan>? spans, CancellationToken cancellationToken = default)
    {
        SpansRead.Add(spans);
        bool Wanted(LocalDate date) => spans is null || spans.Any(span => span.Contains(date));
        var whole = await LoadAsync(subscriberId, cancellationToken);
        return new SubscriberJournal(whole.Subscriber, [.. whole.Entries.Where(entry => Wanted(entry.Date))])
        {
            Acts = [.. whole.Acts.Where(day => Wanted(day.Date))],
        };
    }

    /// <summary>Nothing to share: every read of memory is current.</summary>
    public IDisposable BeginPage() => NoPage.Instance;

    /// <summary>Keeps nothing: made every time.</summary>
    public Task<T> KeepAsync<T>(string subscriberId, string what, Func<Task<T>> make, Func<T, int> size, CancellationToken cancellationToken = default)
        where T : class => make();

    /// <summary>The spans each <see cref="ReadMarksAsync"/> was asked for, in order (null for every date).</summary>
    public List<IReadOnlyList<JournalSpan>?> MarksRead { get; } = [];

    public async Task<IReadOnlyList<DayMark>> ReadMarksAsync(string subscriberId, IReadOnlyList<JournalSpan>? spans = null, CancellationToken cancellationToken = default)
    {
        MarksRead.Add(spans);
        return [.. JournalBook.From(await LoadAsync(subscriberId, cancellationToken)).Marks.Where(mark => spans is null || spans.Any(span => span.Contains(mark.Date)))];
    }

    private sealed class NoPage : IDisposable
    {
        public static readonly NoPage Instance = new();

        public void Dispose()
        {
        }
    }
}
