using Microsoft.Extensions.Logging;

namespace Compersion.Core.Privacy;

/// <summary>Removes the send and receive bookkeeping once it can no longer prevent a duplicate (run daily by a timer).</summary>
/// <remarks>
/// <para><b>Outbox rows</b> (one per subscriber, kind and local date) stop a prompt or digest being sent twice. A job
/// is queued on its own date and a queue message lives at most 7 days, so after <see cref="OutboxDays"/> days nothing
/// can ask for that send again, even a poison message an operator replays weeks later.</para>
/// <para><b>Inbound ledger rows</b> stop a reply being stored or answered twice, including when the archive is replayed
/// after a parser fix. Archived posts expire after 90 days (the storage lifecycle rule), so a row kept
/// <see cref="InboundLedgerDays"/> days outlives every post that could be replayed.</para>
/// <para><b>The index of archived posts</b> (<c>subscriberposts</c>: which posts and ledger rows are whose) exists only so
/// that deleting a subscriber finds them. It goes once what it names has gone: the post 90 days after it arrived, the
/// ledger rows <see cref="InboundLedgerDays"/> days after they were last written. An index row is written with (or just
/// before) the ledger row it names, so keeping it <see cref="PostIndexDays"/> days, a day longer than the ledger, means a
/// deletion on any day still finds every ledger row and post of the subscriber, and the index no longer grows for ever.</para>
/// </remarks>
public sealed partial class RecordRetention(IFinishedRecords records, TimeProvider time, ILogger<RecordRetention> logger)
{
    /// <summary>Days an outbox row is kept after the local date of its send.</summary>
    public const int OutboxDays = 35;

    /// <summary>Days an inbound ledger row is kept after its message was finished (longer than the archive's 90 days).</summary>
    public const int InboundLedgerDays = 100;

    /// <summary>Days a row of the archived-post index is kept after it was last written: a day longer than the ledger rows it names.</summary>
    public const int PostIndexDays = InboundLedgerDays + 1;

    /// <summary>Deletes what has passed its retention; returns (outbox rows, ledger rows, post index rows) deleted.</summary>
    public async Task<(int Outbox, int Ledger, int Posts)> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var outbox = await records.DeleteSentOutboxRowsAsync(now.InUtc().Date.PlusDays(-OutboxDays), cancellationToken);
        var ledger = await records.DeleteFinishedInboundRowsAsync(now - Duration.FromDays(InboundLedgerDays), cancellationToken);
        var posts = await records.DeletePostIndexRowsAsync(now - Duration.FromDays(PostIndexDays), cancellationToken);
        LogCleaned(logger, outbox, ledger, posts);
        return (outbox, ledger, posts);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Outbox} outbox rows, {Ledger} inbound ledger rows and {Posts} archived-post index rows past their retention deleted")]
    private static partial void LogCleaned(ILogger logger, int outbox, int ledger, int posts);
}
