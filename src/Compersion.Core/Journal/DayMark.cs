namespace Compersion.Core.Journal;

/// <summary>What one date of a journal holds, in counts only: enough to mark the calendar, measure the run and find a day's neighbours without reading any text.</summary>
/// <param name="Date">The local date.</param>
/// <param name="Items">Gratitudes written that day.</param>
/// <param name="WithPerson">Those of them that mention a person.</param>
/// <param name="Acts">Kind acts logged that day.</param>
public sealed record DayMark(LocalDate Date, int Items, int WithPerson, int Acts)
{
    /// <summary>Whether anything was written (a gratitude or a kind act).</summary>
    public bool IsWritten => Items > 0 || Acts > 0;

    /// <summary>Five or more gratitudes (the calendar's "five" mark, whether or not one is about a person).</summary>
    public bool IsFive => Items >= JournalEntry.ItemsForPerfectDay;

    /// <summary>Whether the day counts toward the run of 22 (<see cref="JournalEntry.IsPerfectDay(int, int)"/>: five, one about a person).</summary>
    public bool IsPerfect => JournalEntry.IsPerfectDay(Items, WithPerson);

    /// <summary>Whether a gratitude mentions a person.</summary>
    public bool HasPerson => WithPerson > 0;

    /// <summary>Whether a kind act was logged.</summary>
    public bool HasAct => Acts > 0;

    /// <summary>The marks of a day read whole.</summary>
    public static DayMark Of(BookDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        return new DayMark(day.Date, day.Items.Count, day.Items.Count(item => item.Social), day.Acts.Count);
    }
}
