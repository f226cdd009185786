using System.Collections.Concurrent;
using Compersion.Core.Inbound;
using Compersion.Core.Sending;
using Compersion.Storage.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Compersion.Storage.Inbound;

/// <summary>The <c>inbound</c> table: PartitionKey = message key (a hash, never an address), RowKey = empty.</summary>
/// <remarks>
/// Every change is a write conditioned on the row's ETag, so two workers on the same message agree. The row
/// this worker last wrote or read is remembered (stage, answer claim, ETag) while the message is in flight, so
/// the next change is a single conditional write; only when someone else wrote in between (412) is the row read
/// again. Finished and quarantined rows are forgotten.
/// <para>The answer (receipt or command confirmation) is claimed, started and finished like an outbox row
/// (<see cref="TableOutbox"/>): a claim whose worker died never holds the answer back for good.</para>
/// </remarks>
internal sealed partial class TableInboundLedger(StorageTables tables, IOptions<StorageOptions> options, ILogger<TableInboundLedger> logger) : IInboundLedger
{
    private const string StageColumn = "Stage";
    private const string SubscriberColumn = "SubscriberId";
    private const string AnswerColumn = "AnswerClaimed";
    private const string AnswerClaimedAtColumn = "AnswerClaimedAt";
    private const string AnswerStartedAtColumn = "AnswerStartedAt";
    private const string ArchiveColumn = "Archive";
    private const string DetailColumn = "Detail";

    private readonly ConcurrentDictionary<string, TableEntity> known = new(StringComparer.Ordinal);

    private TableClient Table => tables.Inbound;

    public async Task<InboundStage> BeginAsync(string messageKey, string archiveName, CancellationToken cancellationToken = default)
    {
        var row = new TableEntity(messageKey, string.Empty)
        {
            [StageColumn] = (int)InboundStage.Received,
            [ArchiveColumn] = archiveName,
            [AnswerColumn] = false,
        };
        try
        {
            var response = await Table.AddEntityAsync(row, cancellationToken);
            row.ETag = response.Headers.ETag ?? default;
            Remember(row);
            return InboundStage.Received;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            var existing = await ReadAsync(messageKey, cancellationToken);
            return Stage(existing);
        }
    }

    public async Task<InboundLedgerRow?> FindAsync(string messageKey, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(messageKey, string.Empty, [StageColumn, SubscriberColumn, ArchiveColumn, DetailColumn], cancellationToken);
        return response.HasValue
            ? new InboundLedgerRow(Stage(response.Value!), response.Value!.GetString(SubscriberColumn), response.Value.GetString(ArchiveColumn), response.Value.GetString(DetailColumn))
            : null;
    }

    public async Task AdvanceAsync(string messageKey, InboundStage stage, string? subscriberId, string? detail, CancellationToken cancellationToken = default)
    {
        var current = Known(messageKey) ?? await ReadAsync(messageKey, cancellationToken);
        while (true)
        {
            var now = Stage(current);
            if (now is InboundStage.Done or InboundStage.Quarantined || (stage != InboundStage.Quarantined && now >= stage))
            {
                Forget(messageKey, now);
                return;
            }

            var next = Copy(current);
            next[StageColumn] = (int)stage;
            if (subscriberId is not null)
            {
                next[SubscriberColumn] = subscriberId;
            }

            if (detail is not null)
            {
                next[DetailColumn] = detail;
            }

            if (await TryWriteAsync(next, current.ETag, cancellationToken))
            {
                Forget(messageKey, stage);
                return;
            }

            // Someone else moved it; read again and decide.
            current = await ReadAsync(messageKey, cancellationToken);
        }
    }

    public async Task<bool> ReattributeAsync(string messageKey, string subscriberId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subscriberId);
        while (true)
        {
            var current = await ReadAsync(messageKey, cancellationToken);
            if (Stage(current) != InboundStage.Quarantined)
            {
                Forget(messageKey, InboundStage.Done);
                return false;
            }

            var next = Copy(current);
            next[StageColumn] = (int)InboundStage.Done;
            next["SubscriberId"] = subscriberId;
            next["Detail"] = "reattributed";
            if (await TryWriteAsync(next, current.ETag, cancellationToken))
            {
                Forget(messageKey, InboundStage.Done);
                return true;
            }
        }
    }

    public async Task<OutboxClaim> TryClaimAnswerAsync(string messageKey, Instant now, CancellationToken cancellationToken = default)
    {
        var current = Known(messageKey) ?? await ReadAsync(messageKey, cancellationToken);
        while (true)
        {
            if (Stage(current) is InboundStage.Done or InboundStage.Quarantined)
            {
                return new OutboxClaim(OutboxClaimStatus.AlreadySent, current.ETag.ToString());
            }

            var startedAt = current.GetString(AnswerStartedAtColumn);
            if (current.GetBoolean(AnswerColumn) == true)
            {
                // Someone's claim: young ones may still be working; a claim from before claims were timed counts as old.
                var started = startedAt is not null;
                var since = StoredFormats.ParseOptionalInstant(started ? startedAt : current.GetString(AnswerClaimedAtColumn));
                if (since is { } at && now - at < TableOutbox.TakeOverAge(options.Value, started))
                {
                    return new OutboxClaim(OutboxClaimStatus.InFlight, current.ETag.ToString());
                }
            }

            var next = Copy(current);
            next[AnswerColumn] = true;
            next[AnswerClaimedAtColumn] = StoredFormats.Format(now);
            next.Remove(AnswerStartedAtColumn);
            next[StageColumn] = (int)InboundStage.Answering;
            if (await TryWriteAsync(next, current.ETag, cancellationToken))
            {
                if (startedAt is not null)
                {
                    LogResendingAnswer(logger, messageKey, startedAt);
                }

                return new OutboxClaim(OutboxClaimStatus.Claimed, next.ETag.ToString());
            }

            // Lost a race; the loop reads the winner's claim and decides again.
            current = await ReadAsync(messageKey, cancellationToken);
        }
    }

    public async Task<bool> TryStartAnswerAsync(string messageKey, OutboxClaim claim, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var mark = new TableEntity(messageKey, string.Empty) { [AnswerStartedAtColumn] = StoredFormats.Format(now) };
        try
        {
            var response = await Table.UpdateEntityAsync(mark, new ETag(claim.Version ?? string.Empty), TableUpdateMode.Merge, cancellationToken);
            if (Known(messageKey) is { } row && row.ETag.ToString() == claim.Version)
            {
                var started = Copy(row);
                started[AnswerStartedAtColumn] = mark[AnswerStartedAtColumn];
                started.ETag = response.Headers.ETag ?? default;
                Remember(started);
            }

            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            // Another delivery took the claim over (this one was presumed dead): it sends, this one does not.
            return false;
        }
    }

    private TableEntity? Known(string messageKey) => known.TryGetValue(messageKey, out var row) ? row : null;

    private static InboundStage Stage(TableEntity row) => (InboundStage)(row.GetInt32(StageColumn) ?? 0);

    private static TableEntity Copy(TableEntity row) => new(row) { ETag = row.ETag };

    private async Task<TableEntity> ReadAsync(string messageKey, CancellationToken cancellationToken)
    {
        var row = (await Table.GetEntityAsync<TableEntity>(messageKey, string.Empty, cancellationToken: cancellationToken)).Value;
        Remember(row);
        return row;
    }

    private async Task<bool> TryWriteAsync(TableEntity next, ETag ifMatch, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Table.UpdateEntityAsync(next, ifMatch, TableUpdateMode.Replace, cancellationToken);
            next.ETag = response.Headers.ETag ?? default;
            Remember(next);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 412)
        {
            return false;
        }
    }

    private void Remember(TableEntity row)
    {
        // Without an ETag a later write could not be conditional, so such a row is not remembered.
        if (row.ETag == default)
        {
            known.TryRemove(row.PartitionKey, out _);
            return;
        }

        known[row.PartitionKey] = row;
    }

    private void Forget(string messageKey, InboundStage stage)
    {
        if (stage is InboundStage.Done or InboundStage.Quarantined)
        {
            known.TryRemove(messageKey, out _);
        }
    }

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "The answer to inbound message {MessageKey} was started at {StartedAt} and never confirmed (its worker died during the send); sending it again, so it may arrive twice")]
    private static partial void LogResendingAnswer(ILogger logger, string messageKey, string startedAt);
}
