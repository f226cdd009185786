using Compersion.Core.Kindness;

namespace Compersion.Core.Journal;

/// <summary>A subscriber's journal as a page reads it: the days whose text it shows, a day per date, and the marks of every day.</summary>
/// <remarks>
/// A page reads only what it shows (<see cref="JournalNeeds"/>): the calendar the marks of every day and the text of
/// "on this day", a day page that date's text and every day's marks (for its neighbours), search every day's text. When
/// no marks were read, they are the days' own, so a book read whole answers everything.
/// </remarks>
public sealed class JournalBook
{
    private readonly Dictionary<LocalDate, BookDay> byDate;
    private readonly Dictionary<LocalDate, DayMark> marksByDate;

    /// <summary>Gathers entries and acts by date; <paramref name="marks"/>, when read, stand for every day of the journal.</summary>
    public JournalBook(IEnumerable<JournalEntry> entries, IEnumerable<KindActDay> acts, IEnumerable<DayMark>? marks = null)
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
        Marks = marks is null
            ? [.. Days.Select(DayMark.Of)]
            : [.. marks.Where(mark => mark.IsWritten).GroupBy(mark => mark.Date).Select(group => group.First()).OrderBy(mark => mark.Date)];
        marksByDate = Marks.ToDictionary(mark => mark.Date);
    }

    /// <summary>Every date read with something written, oldest first.</summary>
    public IReadOnlyList<BookDay> Days { get; }

    /// <summary>Every date of the journal with something written, in counts, oldest first.</summary>
    public IReadOnlyList<DayMark> Marks { get; }

    /// <summary>The book of one subscriber's journal (rows of other ids, if any, are left out), with the marks of every day when they were read.</summary>
    public static JournalBook From(SubscriberJournal journal, IEnumerable<DayMark>? marks = null)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var id = journal.Subscriber?.Id;
        return new JournalBook(
            journal.Entries.Where(entry => id is null || entry.SubscriberId == id),
            journal.Acts.Where(day => id is null || day.SubscriberId == id),
            marks);
    }

    /// <summary>The marks of a date, or null when nothing was written then.</summary>
    public DayMark? MarkOf(LocalDate date) => marksByDate.GetValueOrDefault(date);

    /// <summary>The day for a date, or null when nothing was written then.</summary>
    public BookDay? Find(LocalDate date) => byDate.GetValueOrDefault(date);
}
