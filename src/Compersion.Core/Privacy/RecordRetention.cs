using Microsoft.Extensions.Logging;
using NodaTime;

namespace Compersion.Core.Privacy;

/// <summary>Removes the send and receive bookkeeping once it can no longer prevent a duplicate (run daily by a timer).</summary>
/// <remarks>
/// <para><b>Outbox rows</b> (one per subscriber, kind and local date) stop a prompt or digest being sent twice. A job
/// is queued on its own date and a queue message lives at most 7 days, so after <see cref="OutboxDays"/> days nothing
/// can ask for that send again, even a poison message an operator replays weeks later.</para>
/// <para><b>Inbound ledger rows</b> stop a reply being stored or answered twice, including when the archive is replayed
/// after a parser fix. Archived posts expire after 90 days (the storage lifecycle rule), so a row kept
/// <see cref="InboundLedgerDays"/> days outlives every post that could be replayed.</para>
/// </remarks>
public sealed partial class RecordRetention(IFinishedRecords records, TimeProvider time, ILogger<RecordRetention> logger)
{
    /// <summary>Days an outbox row is kept after the local date of its send.</summary>
    public const int OutboxDays = 35;

    /// <summary>Days an inbound ledger row is kept after its message was finished (longer than the archive's 90 days).</summary>
    public const int InboundLedgerDays = 100;

    /// <summary>Deletes what has passed its retention; returns (outbox rows, ledger rows) deleted.</summary>
    public async Task<(int Outbox, int Ledger)> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var outbox = await records.DeleteSentOutboxRowsAsync(now.InUtc().Date.PlusDays(-OutboxDays), cancellationToken);
        var ledger = await records.DeleteFinishedInboundRowsAsync(now - Duration.FromDays(InboundLedgerDays), cancellationToken);
        LogCleaned(logger, outbox, ledger);
        return (outbox, ledger);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Outbox} outbox rows and {Ledger} inbound ledger rows past their retention deleted")]
    private static partial void LogCleaned(ILogger logger, int outbox, int ledger);
}
