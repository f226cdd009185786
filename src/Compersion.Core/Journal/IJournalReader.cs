namespace Compersion.Core.Journal;

/// <summary>
/// Reads parts of a subscriber's journal for the journal pages (a port; Storage implements it over Tables), so a page
/// reads the dates it shows rather than every row the subscriber has.
/// </summary>
/// <remarks>
/// An id that could never be a key, or nobody's, gives a null <see cref="SubscriberJournal.Subscriber"/> and nothing
/// else: ids arrive from signed links.
/// </remarks>
public interface IJournalReader
{
    /// <summary>The subscriber, and their entries and kind acts dated within <paramref name="spans"/> (oldest first; no digest records).</summary>
    /// <param name="subscriberId">Whose journal.</param>
    /// <param name="spans">The dates to read; empty reads the profile alone, null every date.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<SubscriberJournal> ReadAsync(string subscriberId, IReadOnlyList<JournalSpan>? spans, CancellationToken cancellationToken = default);

    /// <summary>Every date of the journal that holds something, with its counts and no text, oldest first.</summary>
    /// <param name="subscriberId">Whose journal.</param>
    /// <param name="spans">The dates to count; null every date.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<DayMark>> ReadMarksAsync(string subscriberId, IReadOnlyList<JournalSpan>? spans = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens one page's reads in this async flow until the result is disposed: the reads it makes of a journal (and of its
    /// photos) answer as of the first of them, each journal's version looked up once rather than once a read.
    /// </summary>
    /// <remarks>A write made while the page is open is in every read after it; a read outside an open page looks each time.</remarks>
    IDisposable BeginPage();

    /// <summary>
    /// What <paramref name="make"/> gives (a page rendered from what this page read), kept in memory while the
    /// subscriber's journal is unchanged and answered from there by a later page that asks the same.
    /// </summary>
    /// <param name="subscriberId">Whose journal <paramref name="make"/> shows.</param>
    /// <param name="what">Everything else the result depends on, spelt the same by every caller that makes the same (a view, its date, the subscriber's today, the link).</param>
    /// <param name="make">Makes the result from reads made in this page.</param>
    /// <param name="size">The result's share of the memory the journals may keep (in texts and days).</param>
    /// <param name="cancellationToken">Cancels the look at the journal's version.</param>
    /// <remarks>Kept only inside an open page (<see cref="BeginPage"/>) that wrote nothing of the subscriber's, so what is kept was made from reads of the very version it is kept under; anywhere else <paramref name="make"/> runs every time.</remarks>
    Task<T> KeepAsync<T>(string subscriberId, string what, Func<Task<T>> make, Func<T, int> size, CancellationToken cancellationToken = default)
        where T : class;
}
