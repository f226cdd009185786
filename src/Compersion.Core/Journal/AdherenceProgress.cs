using System.Globalization;

namespace Compersion.Core.Journal;

/// <summary>Progress toward 22 days of perfect adherence (five or more gratitudes a day, at least one about a person), as the prompt shows it.</summary>
/// <param name="CurrentRun">Consecutive perfect days (five items, one about a person) ending the day before the prompt's date, or on it when that day is already perfect.</param>
/// <param name="JournaledDays">Distinct dates, up to the prompt's date, with at least one item.</param>
/// <remarks>
/// A missed day starts a new run, but the line never scolds: a fresh start is offered, and the days
/// already journaled are still counted. Several entries for one date (merged replies) count as one day.
/// </remarks>
internal sealed record AdherenceProgress(int CurrentRun, int JournaledDays)
{
    /// <summary>The run length the article's author needed to notice a difference.</summary>
    public const int Goal = 22;

    /// <summary>The last day of <see cref="CurrentRun"/>: the date measured on when that day is already perfect, else the day before.</summary>
    public LocalDate RunEnd { get; init; }

    /// <summary>The run as shown, capped at <see cref="Goal"/> ("22 of 22").</summary>
    public int Displayed => Math.Min(CurrentRun, Goal);

    /// <summary>The progress line of the prompt.</summary>
    public string Line => (CurrentRun, JournaledDays) switch
    {
        (0, 0) => "Today can be day one of 22. Five small things, one about a person; nothing to catch up on.",
        (0, var days) => Invariant($"A fresh start: today can be day one of 22 (five, one about a person). You've journaled on {Days(days)} so far, and every one counts."),
        ( < Goal, _) => Invariant($"{CurrentRun} of {Goal} days in a row with five gratitudes and a person in them. Lovely, keep going at your own pace."),
        (Goal, _) => Invariant($"{Goal} of {Goal} days in a row with five gratitudes and a person in them: you've made it. Take a moment to notice how you feel."),
        _ => Invariant($"{Goal} of {Goal}, and beyond: {CurrentRun} days in a row. You've passed {Goal} days — keep going."),
    };

    /// <summary>Whether <paramref name="date"/> is one of the days of <see cref="CurrentRun"/> (the calendar marks them).</summary>
    public bool InRun(LocalDate date) => CurrentRun > 0 && date <= RunEnd && date > RunEnd.PlusDays(-CurrentRun);

    /// <summary>Measures progress on <paramref name="date"/> from a subscriber's entries (later dates are ignored).</summary>
    public static AdherenceProgress For(LocalDate date, IEnumerable<JournalEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var days = entries
            .Where(entry => entry.Date <= date)
            .GroupBy(entry => entry.Date)
            .Select(group => (Date: group.Key, Items: group.SelectMany(entry => entry.Items).ToList()))
            .ToList();
        return Measure(date, days.Count(day => day.Items.Count > 0), days.Where(day => JournalEntry.IsPerfectDay(day.Items)).Select(day => day.Date));
    }

    /// <summary>Measures progress on <paramref name="date"/> from the counts of a subscriber's days (later dates are ignored), as the calendar reads them.</summary>
    public static AdherenceProgress FromMarks(LocalDate date, IEnumerable<DayMark> marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        var upToDate = marks.Where(mark => mark.Date <= date).ToList();
        return Measure(
            date,
            upToDate.Where(mark => mark.Items > 0).Select(mark => mark.Date).Distinct().Count(),
            upToDate.Where(mark => mark.IsPerfect).Select(mark => mark.Date));
    }

    private static AdherenceProgress Measure(LocalDate date, int journaledDays, IEnumerable<LocalDate> perfectDays)
    {
        var perfect = perfectDays.ToHashSet();
        var end = perfect.Contains(date) ? date : date.PlusDays(-1);
        var day = end;
        var run = 0;
        while (perfect.Contains(day))
        {
            run++;
            day = day.PlusDays(-1);
        }

        return new AdherenceProgress(run, journaledDays) { RunEnd = end };
    }

    private static string Days(int count) => count == 1 ? "1 day" : Invariant($"{count} days");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
