using System.Globalization;
using Compersion.Core.Common;
using Compersion.Core.Journal;
using Compersion.Core.Security;
using NodaTime.Text;

namespace Compersion.Core.Prompts;

/// <summary>Chooses one earlier gratitude to resurface in a prompt (or a digest).</summary>
/// <remarks>
/// <para>Only items written at least <see cref="MinimumAgeDays"/> days before the date are memories: yesterday's
/// words are not a memory yet. No item comes back within <see cref="CycleDays"/> days: every item has a fixed slot
/// in a <see cref="CycleDays"/>-day cycle (a hash of subscriber, date and text) and is a candidate only on the days of
/// its slot, so two days showing the same item are always a whole cycle apart — by construction, with no record of
/// what was shown. A day with no candidate shows no memory.</para>
/// <para>Among the day's candidates: the same date a year ago, else a month ago (NodaTime month arithmetic), else a
/// week ago, else any; a specific item before a vague one. Every choice is seeded by subscriber and date, so the same
/// prompt composed twice resurfaces the same memory.</para>
/// </remarks>
internal static class MemoryPicker
{
    /// <summary>The youngest a memory can be, in days.</summary>
    public const int MinimumAgeDays = 7;

    /// <summary>Days between two showings of the same item, at the least.</summary>
    public const int CycleDays = 31;

    /// <summary>The memory for a date, or null when memories are off or no earlier item is due that day.</summary>
    public static Memory? Pick(string subscriberId, LocalDate date, IEnumerable<JournalEntry> entries, bool enabled)
    {
        ArgumentNullException.ThrowIfNull(subscriberId);
        ArgumentNullException.ThrowIfNull(entries);
        if (!enabled)
        {
            return null;
        }

        var today = Slot(date);
        var latest = date.PlusDays(-MinimumAgeDays);
        var candidates = entries
            .Where(entry => entry.Date <= latest)
            .GroupBy(entry => entry.Date)
            .Select(group => (Date: group.Key, Items: group.SelectMany(entry => entry.Items)
                .Where(item => !string.IsNullOrWhiteSpace(item.Text) && SlotOf(subscriberId, group.Key, item) == today)
                .ToList()))
            .Where(day => day.Items.Count > 0)
            .ToDictionary(day => day.Date, day => day.Items);
        if (candidates.Count == 0)
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
            if (candidates.TryGetValue(candidate, out var items))
            {
                return new Memory(candidate, Choose(subscriberId, date, candidate, items), kind);
            }
        }

        var dates = candidates.Keys.Order().ToList();
        var chosen = dates[StableHash.Index(dates.Count, subscriberId, "memory-date", Iso(date))];
        return new Memory(chosen, Choose(subscriberId, date, chosen, candidates[chosen]), MemoryKind.Earlier);
    }

    /// <summary>The day of the cycle an item may be resurfaced on (compare with the slot of a date).</summary>
    internal static int SlotOf(string subscriberId, LocalDate written, JournalItem item) =>
        StableHash.Index(CycleDays, subscriberId, "memory-slot", Iso(written), item.Text);

    /// <summary>The day of the cycle <paramref name="date"/> is.</summary>
    internal static int Slot(LocalDate date) => ((date.DaysSinceEpoch() % CycleDays) + CycleDays) % CycleDays;

    private static JournalItem Choose(string subscriberId, LocalDate date, LocalDate memoryDate, List<JournalItem> items)
    {
        var specific = items.Where(item => !item.Vague).ToList();
        var pool = specific.Count > 0 ? specific : items;
        return pool[StableHash.Index(pool.Count, subscriberId, "memory-item", Iso(date), Iso(memoryDate))];
    }

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.WithCulture(CultureInfo.InvariantCulture).Format(date);
}
