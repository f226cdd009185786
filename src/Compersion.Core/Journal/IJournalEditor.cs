namespace Compersion.Core.Journal;

/// <summary>Rewrites one date of one subscriber's journal — its gratitudes and its acts together, or neither (a port; Storage implements it).</summary>
public interface IJournalEditor
{
    /// <summary>Reads the date's gratitudes and acts, lets <paramref name="edit"/> change them, and writes both back at once.</summary>
    /// <param name="subscriberId">Whose journal.</param>
    /// <param name="date">The local date.</param>
    /// <param name="edit">
    /// The new content from the current one, or null to write nothing. Called again if another writer changed the date
    /// in between (a reply arriving), so it must decide from what it is given, not from what it saw before.
    /// </param>
    /// <param name="cancellationToken">Cancels the edit.</param>
    /// <remarks>A date emptied by an edit keeps its (empty) rows, so a message ingested again later cannot bring deleted items back.</remarks>
    Task EditDayAsync(string subscriberId, LocalDate date, Func<DayRows, DayRows?> edit, CancellationToken cancellationToken = default);
}
