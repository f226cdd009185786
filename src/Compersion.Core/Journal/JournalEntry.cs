using NodaTime;

namespace Compersion.Core.Journal;

/// <summary>A subscriber's journal for one local date.</summary>
/// <param name="SubscriberId">Whose it is.</param>
/// <param name="Date">The local date it is filed under.</param>
/// <param name="Items">The gratitudes, in the order written (several replies append).</param>
public sealed record JournalEntry(string SubscriberId, LocalDate Date, IReadOnlyList<JournalItem> Items)
{
    /// <summary>Items a day needs to count toward perfect adherence.</summary>
    public const int ItemsForPerfectDay = 5;

    /// <summary>Whether this day counts toward perfect adherence.</summary>
    public bool IsPerfect => Items.Count >= ItemsForPerfectDay;
}
