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
        return IsPerfectDay(items.Count, items.Any(item => item.Social) ? 1 : 0);
    }

    /// <summary>The rule of the run toward 22, on a day's counts: <paramref name="items"/> gratitudes, of which
    /// <paramref name="itemsWithPerson"/> mention a person. Every reader of the run (the prompt's line, the digest, the
    /// calendar's run and its squares) comes here.</summary>
    public static bool IsPerfectDay(int items, int itemsWithPerson) => items >= ItemsForPerfectDay && itemsWithPerson > 0;
}
