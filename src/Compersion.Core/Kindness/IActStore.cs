namespace Compersion.Core.Kindness;

/// <summary>Kind acts, partitioned by subscriber and filed by local date (a port; Storage implements it over Tables).</summary>
/// <remarks>Acts are kept apart from gratitudes: they never count toward a journal day, and only their author ever sees them.</remarks>
public interface IActStore
{
    /// <summary>All of one subscriber's acts, a day per date, oldest first (one partition query).</summary>
    /// <param name="subscriberId">Whose acts.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<KindActDay>> GetActsAsync(string subscriberId, CancellationToken cancellationToken = default);

    /// <summary>Appends acts to the day for a date, creating it when needed; no acts, no change.</summary>
    /// <param name="subscriberId">Whose acts.</param>
    /// <param name="date">The local date.</param>
    /// <param name="acts">The acts to append.</param>
    /// <param name="appendKey">
    /// An idempotency key (short, no spaces), e.g. a hash of the message the acts came from: an append whose key the
    /// day already holds does nothing, so the same message ingested twice — even concurrently — adds its acts once.
    /// Null for a fresh random key.
    /// </param>
    /// <param name="cancellationToken">Cancels the append.</param>
    Task AppendAsync(string subscriberId, LocalDate date, IReadOnlyList<KindAct> acts, string? appendKey = null, CancellationToken cancellationToken = default);
}
