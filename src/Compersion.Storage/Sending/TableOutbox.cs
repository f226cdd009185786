using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Compersion.Core.Scheduling;
using Compersion.Core.Sending;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Compersion.Storage.Sending;

/// <summary>The send ledger over the <c>outbox</c> table: one row per (subscriber, kind, local date).</summary>
/// <remarks>
/// <para>
/// A claim is an insert, so of any number of deliveries of one job exactly one wins. Every other
/// claimer reads the row: <c>Sent</c> and <c>Skipped</c> answer <see cref="OutboxClaimStatus.AlreadySent"/>;
/// <c>Uncertain</c> and <c>Claimed</c> answer <see cref="OutboxClaimStatus.Held"/>; <c>Released</c> is taken
/// over with an ETag-conditional update, which again only one claimer can win.
/// </para>
/// <para>
/// A <c>Claimed</c> row is held however old it is. An old claim means a worker died between claiming
/// and recording the outcome, and nobody can know whether the mail left before it died; re-sending
/// could deliver a second copy of today's prompt, which is worse than a missed one. Such rows are for
/// an operator to look at, never for a timeout to release.
/// </para>
/// <para>
/// Each claim carries a random token. If the storage client retries an insert whose first attempt
/// succeeded unseen, the retry conflicts with the claimer's own row; the token lets it recognise that
/// the claim is its own instead of holding it forever.
/// </para>
/// </remarks>
internal sealed partial class TableOutbox(StorageTables tables, ILogger<TableOutbox> logger) : IOutbox
{
    private const string StatusColumn = "Status";
    private const string ClaimTokenColumn = "ClaimToken";
    private const string ClaimedAtColumn = "ClaimedAt";
    private const string SentAtColumn = "SentAt";
    private const string UpdatedAtColumn = "UpdatedAt";
    private const string MessageIdColumn = "MessageId";
    private const string ReasonColumn = "Reason";
    private const string JobIdColumn = "JobId";

    // Reasons are short diagnostics; cap them well under the 64 KiB property limit.
    private const int MaxReasonLength = 1024;

    // Claims older than this are reported loudly: their worker almost certainly died mid-send. They are held all the same.
    private static readonly Duration StaleClaimAge = Duration.FromMinutes(10);

    // A row deleted between our failed insert and our read would need an operator racing us; retry a little, then hold.
    private const int MaxClaimAttempts = 3;

    public async Task<OutboxClaim> TryClaimAsync(OutboundJob job, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var token = Guid.NewGuid().ToString("N");
        for (var attempt = 1; attempt <= MaxClaimAttempts; attempt++)
        {
            var claim = ClaimRow(job, token, now);
            try
            {
                var response = await tables.Outbox.AddEntityAsync(claim, cancellationToken);
                return Claimed(response);
            }
            catch (RequestFailedException exception) when (exception.IsConflict())
            {
                // Someone (possibly our own unseen first attempt) holds the row: read what it says.
            }

            var existing = await ReadAsync(claim.PartitionKey, claim.RowKey, cancellationToken);
            if (existing is null)
            {
                continue;
            }

            return await DecideAsync(job, existing, claim, token, now, cancellationToken);
        }

        return new OutboxClaim(OutboxClaimStatus.Held, null);
    }

    public Task MarkSentAsync(OutboundJob job, string? messageId, Instant now, CancellationToken cancellationToken = default)
    {
        var row = StatusRow(job, OutboxRowStatus.Sent, now);
        row[SentAtColumn] = StoredFormats.Format(now);
        if (messageId is not null)
        {
            row[MessageIdColumn] = messageId;
        }

        return MergeAsync(row, cancellationToken);
    }

    public Task MarkUncertainAsync(OutboundJob job, string reason, Instant now, CancellationToken cancellationToken = default) =>
        MergeAsync(StatusRow(job, OutboxRowStatus.Uncertain, now, reason), cancellationToken);

    public Task ReleaseAsync(OutboundJob job, string reason, Instant now, CancellationToken cancellationToken = default) =>
        MergeAsync(StatusRow(job, OutboxRowStatus.Released, now, reason), cancellationToken);

    public Task MarkSkippedAsync(OutboundJob job, string reason, Instant now, CancellationToken cancellationToken = default) =>
        MergeAsync(StatusRow(job, OutboxRowStatus.Skipped, now, reason), cancellationToken);

    /// <summary>The row's partition and row key: the subscriber, then kind and local date.</summary>
    internal static (string PartitionKey, string RowKey) KeysFor(OutboundJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var partitionKey = TableKeys.Require(job.SubscriberId, nameof(job));
        return (partitionKey, string.Create(CultureInfo.InvariantCulture, $"{StoredFormats.Format(job.Kind)}|{StoredFormats.Format(job.LocalDate)}"));
    }

    private async Task<OutboxClaim> DecideAsync(
        OutboundJob job, TableEntity existing, TableEntity claim, string token, Instant now, CancellationToken cancellationToken)
    {
        var version = existing.ETag.ToString();
        switch (StatusOf(existing))
        {
            case OutboxRowStatus.Sent or OutboxRowStatus.Skipped:
                return new OutboxClaim(OutboxClaimStatus.AlreadySent, version);

            case OutboxRowStatus.Claimed when existing.GetString(ClaimTokenColumn) == token:
                return new OutboxClaim(OutboxClaimStatus.Claimed, version);

            case OutboxRowStatus.Released:
                return await TakeOverReleasedAsync(existing, claim, token, cancellationToken);

            case OutboxRowStatus.Claimed:
                var claimedAtText = existing.GetString(ClaimedAtColumn);
                var claimedAt = StoredFormats.ParseOptionalInstant(claimedAtText);
                if (claimedAt is null || now - claimedAt.Value > StaleClaimAge)
                {
                    LogHeldByStaleClaim(logger, job.Id, claimedAtText);
                }
                else
                {
                    LogHeld(logger, job.Id, nameof(OutboxRowStatus.Claimed));
                }

                return new OutboxClaim(OutboxClaimStatus.Held, version);

            default:
                var unknownStatus = existing.GetString(StatusColumn);
                LogHeld(logger, job.Id, unknownStatus);
                return new OutboxClaim(OutboxClaimStatus.Held, version);
        }
    }

    private async Task<OutboxClaim> TakeOverReleasedAsync(TableEntity released, TableEntity claim, string token, CancellationToken cancellationToken)
    {
        try
        {
            var response = await tables.Outbox.UpdateEntityAsync(claim, released.ETag, TableUpdateMode.Replace, cancellationToken);
            return Claimed(response);
        }
        catch (RequestFailedException exception) when (exception.IsPreconditionFailed() || exception.IsNotFound())
        {
            // Another claimer got there first, unless the winner was our own unseen first attempt.
        }

        var current = await ReadAsync(claim.PartitionKey, claim.RowKey, cancellationToken);
        return current is not null && StatusOf(current) == OutboxRowStatus.Claimed && current.GetString(ClaimTokenColumn) == token
            ? new OutboxClaim(OutboxClaimStatus.Claimed, current.ETag.ToString())
            : new OutboxClaim(OutboxClaimStatus.Held, current?.ETag.ToString());
    }

    private async Task<TableEntity?> ReadAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var response = await tables.Outbox.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private async Task MergeAsync(TableEntity row, CancellationToken cancellationToken) =>
        await tables.Outbox.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);

    private static OutboxClaim Claimed(Response response) =>
        new(OutboxClaimStatus.Claimed, response.Headers.ETag?.ToString());

    private static OutboxRowStatus? StatusOf(TableEntity row) =>
        Enum.TryParse<OutboxRowStatus>(row.GetString(StatusColumn), ignoreCase: false, out var status) && Enum.IsDefined(status) ? status : null;

    private static TableEntity ClaimRow(OutboundJob job, string token, Instant now)
    {
        var (partitionKey, rowKey) = KeysFor(job);
        return new TableEntity(partitionKey, rowKey)
        {
            [StatusColumn] = nameof(OutboxRowStatus.Claimed),
            [ClaimTokenColumn] = token,
            [ClaimedAtColumn] = StoredFormats.Format(now),
            [UpdatedAtColumn] = StoredFormats.Format(now),
            [JobIdColumn] = job.Id,
        };
    }

    private static TableEntity StatusRow(OutboundJob job, OutboxRowStatus status, Instant now, string? reason = null)
    {
        var (partitionKey, rowKey) = KeysFor(job);
        var row = new TableEntity(partitionKey, rowKey)
        {
            [StatusColumn] = status.ToString(),
            [UpdatedAtColumn] = StoredFormats.Format(now),
            [JobIdColumn] = job.Id,
        };
        if (reason is not null)
        {
            row[ReasonColumn] = reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength];
        }

        return row;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} is held by a claim taken at {ClaimedAt} that never recorded an outcome; not sending (an operator should check whether it went out)")]
    private static partial void LogHeldByStaleClaim(ILogger logger, string jobId, string? claimedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} is held (outbox status {Status}); not sending")]
    private static partial void LogHeld(ILogger logger, string jobId, string? status);
}
