using Compersion.Core.Journal;

namespace Compersion.Core.Digests;

/// <summary>Remembers each digest's suggestions in the subscriber's partition (a port; Storage implements it over Tables).</summary>
/// <remarks>Earlier records are read with the rest of the journal (<see cref="Journal.SubscriberJournal.Digests"/>).</remarks>
public interface IDigestLog
{
    /// <summary>Stores the record for its date unless one is stored already; returns the one that is stored.</summary>
    /// <param name="subscriberId">Whose digest.</param>
    /// <param name="record">The suggestions just picked.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored record: <paramref name="record"/>, or the earlier one when a first attempt (or a concurrent one) stored it.</returns>
    Task<DigestRecord> RecordAsync(string subscriberId, DigestRecord record, CancellationToken cancellationToken = default);
}
