using Compersion.Core.Kindness;

namespace Compersion.Core.Journal;

/// <summary>Everything written for one local date: its gratitudes and its kind acts, as the API and exports show a day.</summary>
/// <param name="Date">The local date.</param>
/// <param name="Items">The gratitudes, in the order written; empty on a day with only acts.</param>
/// <param name="Acts">The kind acts, in the order logged; empty on a day with only gratitudes.</param>
internal sealed record JournalDay(LocalDate Date, IReadOnlyList<JournalItem> Items, IReadOnlyList<KindAct> Acts)
{
    /// <summary>Pairs entries and act days by date: one day per date that has either, oldest first.</summary>
    /// <remarks>A date whose rows hold nothing (every item deleted on the journal's day page) is no day at all.</remarks>
    public static IReadOnlyList<JournalDay> Merge(IEnumerable<JournalEntry> entries, IEnumerable<KindActDay> acts)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(acts);
        var days = new SortedDictionary<LocalDate, JournalDay>();
        foreach (var entry in entries)
        {
            days[entry.Date] = days.TryGetValue(entry.Date, out var day)
                ? day with { Items = [.. day.Items, .. entry.Items] }
                : new JournalDay(entry.Date, entry.Items, []);
        }

        foreach (var actDay in acts)
        {
            days[actDay.Date] = days.TryGetValue(actDay.Date, out var day)
                ? day with { Acts = [.. day.Acts, .. actDay.Acts] }
                : new JournalDay(actDay.Date, [], actDay.Acts);
        }

        return [.. days.Values.Where(day => day.Items.Count > 0 || day.Acts.Count > 0)];
    }
}
