using System.Globalization;
using Compersion.Core.Journal;
using NodaTime;
using NodaTime.Text;

namespace Compersion.Core.Prompts;

/// <summary>Chooses one earlier gratitude to resurface in a prompt.</summary>
/// <remarks>
/// Preference: the same date a year ago, else a month ago (NodaTime month arithmetic: 31 March
/// looks back to 28 or 29 February), else a week ago, else a random earlier date. Only dates
/// strictly before the prompt's date are considered. Within the chosen date a specific item is
/// preferred over a vague one. Every random choice is seeded by subscriber and date, so the same
/// prompt composed twice resurfaces the same memory.
/// </remarks>
internal static class MemoryPicker
{
    /// <summary>The memory for a prompt, or null when memories are off or nothing earlier exists.</summary>
    public static Memory? Pick(string subscriberId, LocalDate date, IEnumerable<JournalEntry> entries, bool enabled)
    {
        ArgumentNullException.ThrowIfNull(subscriberId);
        ArgumentNullException.ThrowIfNull(entries);
        if (!enabled)
        {
            return null;
        }

        var itemsByDate = entries
            .Where(entry => entry.Date < date)
            .GroupBy(entry => entry.Date)
            .Select(group => (Date: group.Key, Items: group.SelectMany(entry => entry.Items).Where(item => !string.IsNullOrWhiteSpace(item.Text)).ToList()))
            .Where(day => day.Items.Count > 0)
            .ToDictionary(day => day.Date, day => day.Items);
        if (itemsByDate.Count == 0)
        {
            return null;
        }

        (LocalDate Date, MemoryKind Kind)[] preferred =
        [
            (date.PlusYears(-1), MemoryKind.YearAgo),
            (date.PlusMonths(-1), MemoryKind.MonthAgo),
            (date.PlusWeeks(-1), MemoryKind.WeekAgo),
        ];
        foreach (var (candidate, kind) in preferred)
        {
            if (itemsByDate.TryGetValue(candidate, out var items))
            {
                return new Memory(candidate, Choose(subscriberId, date, candidate, items), kind);
            }
        }

        var dates = itemsByDate.Keys.Order().ToList();
        var chosen = dates[StableHash.Index(dates.Count, subscriberId, "memory-date", Iso(date))];
        return new Memory(chosen, Choose(subscriberId, date, chosen, itemsByDate[chosen]), MemoryKind.Earlier);
    }

    private static JournalItem Choose(string subscriberId, LocalDate date, LocalDate memoryDate, List<JournalItem> items)
    {
        var specific = items.Where(item => !item.Vague).ToList();
        var pool = specific.Count > 0 ? specific : items;
        return pool[StableHash.Index(pool.Count, subscriberId, "memory-item", Iso(date), Iso(memoryDate))];
    }

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.WithCulture(CultureInfo.InvariantCulture).Format(date);
}
