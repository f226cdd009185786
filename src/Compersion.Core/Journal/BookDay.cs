using Compersion.Core.Kindness;

namespace Compersion.Core.Journal;

/// <summary>Everything written for one local date, as the journal pages read it: the gratitudes and the kind acts.</summary>
/// <param name="Date">The local date.</param>
/// <param name="Items">The gratitudes, in the order written (several replies merged).</param>
/// <param name="Acts">The kind acts, in the order logged, classified.</param>
public sealed record BookDay(LocalDate Date, IReadOnlyList<JournalItem> Items, IReadOnlyList<LoggedAct> Acts)
{
    /// <summary>Five or more gratitudes (the day page's "a day with five"; the run toward 22 also needs a person: <see cref="JournalEntry.IsPerfectDay(IReadOnlyCollection{JournalItem})"/>).</summary>
    public bool IsFive => Items.Count >= JournalEntry.ItemsForPerfectDay;

    /// <summary>Whether a gratitude mentions a person.</summary>
    public bool HasPerson => Items.Any(item => item.Social);

    /// <summary>Whether a kind act was logged.</summary>
    public bool HasAct => Acts.Count > 0;
}
