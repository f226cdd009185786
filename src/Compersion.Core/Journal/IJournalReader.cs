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
}
