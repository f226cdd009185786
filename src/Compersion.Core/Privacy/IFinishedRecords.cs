using NodaTime;

namespace Compersion.Core.Privacy;

/// <summary>Bookkeeping rows whose work is finished: sent outbox rows and done inbound ledger rows (a port; Storage keeps them in tables).</summary>
public interface IFinishedRecords
{
    /// <summary>Deletes outbox rows of jobs sent or skipped for a local date before <paramref name="before"/>; returns how many.</summary>
    /// <remarks>Rows still claimed, released or uncertain are left for the operator: they are the evidence of a problem.</remarks>
    Task<int> DeleteSentOutboxRowsAsync(LocalDate before, CancellationToken cancellationToken = default);

    /// <summary>Deletes inbound ledger rows finished (done or quarantined) before <paramref name="before"/>; returns how many.</summary>
    /// <remarks>Rows of messages still in progress are left: a redelivery resumes from them.</remarks>
    Task<int> DeleteFinishedInboundRowsAsync(Instant before, CancellationToken cancellationToken = default);
}
