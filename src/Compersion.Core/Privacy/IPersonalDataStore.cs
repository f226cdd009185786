using Compersion.Core.Subscribers;

namespace Compersion.Core.Privacy;

/// <summary>Removes what is stored about one subscriber (a port; Storage implements it over Tables and Blobs).</summary>
public interface IPersonalDataStore
{
    /// <summary>
    /// Removes everything kept under the subscriber's id except the profile: journal entries and kind acts, outbox rows,
    /// the archived raw posts attributed to them with their inbound ledger rows, and the index naming those posts.
    /// </summary>
    /// <remarks>Idempotent: what is already gone is skipped, so an interrupted deletion can simply run again.</remarks>
    Task EraseRecordsAsync(string subscriberId, CancellationToken cancellationToken = default);

    /// <summary>Removes the address index row and then the profile (with its personal API token hash).</summary>
    /// <returns>False when the profile was already gone: someone else finished the deletion first.</returns>
    Task<bool> EraseProfileAsync(Subscriber subscriber, CancellationToken cancellationToken = default);
}
