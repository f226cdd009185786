namespace Compersion.Core.Privacy;

/// <summary>Bookkeeping rows whose work is finished: sent outbox rows, done inbound ledger rows and the index of archived posts (a port; Storage keeps them in tables).</summary>
public interface IFinishedRecords
{
    /// <summary>Deletes outbox rows of jobs sent or skipped for a local date before <paramref name="before"/>; returns how many.</summary>
    /// <remarks>Rows still claimed, released or uncertain are left for the operator: they are the evidence of a problem.</remarks>
    Task<int> DeleteSentOutboxRowsAsync(LocalDate before, CancellationToken cancellationToken = default);

    /// <summary>Deletes inbound ledger rows finished (done or quarantined) before <paramref name="before"/>; returns how many.</summary>
    /// <remarks>Rows of messages still in progress are left: a redelivery resumes from them.</remarks>
    Task<int> DeleteFinishedInboundRowsAsync(Instant before, CancellationToken cancellationToken = default);

    /// <summary>Deletes rows of the archived-post index (<see cref="Inbound.IPostIndex"/>) last written before <paramref name="before"/>; returns how many.</summary>
    /// <remarks>A row is rewritten whenever its post is ingested, kept or replayed again, so its age counts from the last time anything used it.</remarks>
    Task<int> DeletePostIndexRowsAsync(Instant before, CancellationToken cancellationToken = default);
}
