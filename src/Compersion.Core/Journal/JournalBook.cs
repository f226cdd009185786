using Compersion.Core.Kindness;
using NodaTime;

namespace Compersion.Core.Journal;

/// <summary>One subscriber's whole journal, a day per date, read once and then looked at by the journal pages.</summary>
/// <remarks>Built from the single partition read of <see cref="ISubscriberJournal.LoadAsync"/>: entries and act days of other ids are ignored.</remarks>
public sealed class JournalBook
{
    private readonly Dictionary<LocalDate, BookDay> byDate;

    /// <summary>Gathers entries and acts by date.</summary>
    public JournalBook(IEnumerable<JournalEntry> entries, IEnumerable<KindActDay> acts)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(acts);
        var items = entries.GroupBy(entry => entry.Date).ToDictionary(group => group.Key, group => group.SelectMany(entry => entry.Items).ToList());
        var logged = LoggedAct.From(acts).GroupBy(act => act.Date).ToDictionary(group => group.Key, group => group.ToList());
        byDate = items.Keys.Union(logged.Keys)
            .Select(date => new BookDay(
                date,
                items.TryGetValue(date, out var dayItems) ? dayItems : [],
                logged.TryGetValue(date, out var dayActs) ? dayActs : []))
            .Where(day => day.Items.Count > 0 || day.Acts.Count > 0)
            .ToDictionary(day => day.Date);
        Days = [.. byDate.Values.OrderBy(day => day.Date)];
    }

    /// <summary>Every date with something written, oldest first.</summary>
    public IReadOnlyList<BookDay> Days { get; }

    /// <summary>The book of one subscriber's journal (rows of other ids, if any, are left out).</summary>
    public static JournalBook From(SubscriberJournal journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var id = journal.Subscriber?.Id;
        return new JournalBook(
            journal.Entries.Where(entry => id is null || entry.SubscriberId == id),
            journal.Acts.Where(day => id is null || day.SubscriberId == id));
    }

    /// <summary>The day for a date, or null when nothing was written then.</summary>
    public BookDay? Find(LocalDate date) => byDate.GetValueOrDefault(date);
}
