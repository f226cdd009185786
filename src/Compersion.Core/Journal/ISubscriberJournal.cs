namespace Compersion.Core.Journal;

/// <summary>
/// A subscriber's profile and journal read together (a port; Storage implements it over Tables), so the
/// send handler learns who someone is and what they wrote in one storage round trip.
/// </summary>
public interface ISubscriberJournal
{
    /// <summary>The subscriber and all of their entries, oldest first, from one partition query.</summary>
    /// <param name="subscriberId">Whose journal to load.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <remarks>
    /// An unknown id, or one that could never be a key, gives a null <see cref="SubscriberJournal.Subscriber"/>
    /// rather than an exception: ids arrive from queue messages and links.
    /// </remarks>
    Task<SubscriberJournal> LoadAsync(string subscriberId, CancellationToken cancellationToken = default);
}
