namespace Compersion.Core.Journal;

/// <summary>A subscriber's journal for one local date.</summary>
/// <param name="SubscriberId">Whose it is.</param>
/// <param name="Date">The local date it is filed under.</param>
/// <param name="Items">The gratitudes, in the order written (several replies append).</param>
public sealed record JournalEntry(string SubscriberId, LocalDate Date, IReadOnlyList<JournalItem> Items)
{
    /// <summary>Items a day needs to count toward perfect adherence.</summary>
    public const int ItemsForPerfectDay = 5;

    /// <summary>Whether this day counts toward perfect adherence: five gratitudes, at least one about a person.</summary>
    /// <remarks>The article's method: "write 5 things … make sure to mention at least one social relationship every day".</remarks>
    public bool IsPerfect => IsPerfectDay(Items);

    /// <summary>Whether a day's items (all replies for one date, merged) count toward the 22: five or more, one about a person.</summary>
    public static bool IsPerfectDay(IReadOnlyCollection<JournalItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Count >= ItemsForPerfectDay && items.Any(item => item.Social);
    }
}
