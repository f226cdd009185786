using System.Globalization;
using Compersion.Core.Scheduling;
using Compersion.Core.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Compersion.Storage.Sending;

/// <summary>The send ledger over the <c>outbox</c> table: one row per (subscriber, kind, local date).</summary>
/// <remarks>
/// <para>
/// A claim is an insert, so of any number of deliveries of one job exactly one wins. Every other
/// claimer reads the row: <c>Sent</c> and <c>Skipped</c> answer <see cref="OutboxClaimStatus.AlreadySent"/>;
/// <c>Uncertain</c> answers <see cref="OutboxClaimStatus.Held"/>; <c>Claimed</c> is described below; <c>Released</c> is taken
/// over with an ETag-conditional update, which again only one claimer can win.
/// </para>
/// <para>
/// A <c>Claimed</c> row never stays claimed. Its worker marks it started (<c>StartedAt</c>, conditional on the
/// claim's ETag) just before calling the provider. A later delivery takes over a claim that never started
/// once it is older than <see cref="StorageOptions.UnstartedClaimAge"/> (the worker died before calling; nothing left), and
/// one that started and never recorded an outcome once it is older than <see cref="StorageOptions.StartedSendAge"/> (the
/// worker died during the call; whether the mail left is unknown): that one is sent again and reported at
/// Warning with its job id, because a missing prompt breaks the 22-day run and a rare duplicate does not.
/// Younger claims answer <see cref="OutboxClaimStatus.InFlight"/>, so the queue retries the job later. A
/// take-over replaces the row with the old ETag, and starting needs the claim's own ETag, so of a
/// worker presumed dead before it started and its successor at most one ever calls the provider.
/// </para>
/// <para>
/// A started worker presumed dead may be alive, only slow (a provider call longer than
/// <see cref="StorageOptions.StartedSendAge"/>): then both call the provider, the documented rare duplicate. Its outcome
/// (<c>Sent</c>, <c>Uncertain</c>, <c>Released</c>) is written only with the ETag its start left, so once taken over it is
/// refused, logged at Warning with the job id, and the successor's row is left as it is: a late release cannot make the
/// row claimable a third time, and a late <c>Uncertain</c> or message id cannot replace the successor's <c>Sent</c>.
/// </para>
/// <para>
/// Each claim carries a random token. If the storage client retries an insert whose first attempt
/// succeeded unseen, the retry conflicts with the claimer's own row; the token lets it recognise that
/// the claim is its own instead of holding it forever. An outcome write refused the same way (its retry finds the
/// ETag it changed itself) is recognised by the token and the status it wrote.
/// </para>
/// </remarks>
internal sealed partial class TableOutbox(StorageTables tables, IOptions<StorageOptions> options, ILogger<TableOutbox> logger) : IOutbox
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

    private const string StartedAtColumn = "StartedAt";

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
                return Claimed(response, token);
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

    public async Task<OutboxClaim?> TryMarkStartedAsync(OutboundJob job, OutboxClaim claim, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var (partitionKey, rowKey) = KeysFor(job);
        var row = new TableEntity(partitionKey, rowKey)
        {
            [StartedAtColumn] = StoredFormats.Format(now),
            [UpdatedAtColumn] = StoredFormats.Format(now),
        };
        try
        {
            var response = await tables.Outbox.UpdateEntityAsync(row, ETagOf(claim), TableUpdateMode.Merge, cancellationToken);
            return claim with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException exception) when (exception.IsPreconditionFailed() || exception.IsNotFound())
        {
            LogClaimTakenOver(logger, job.Id);
            return null;
        }
    }

    public Task<bool> MarkSentAsync(OutboundJob job, OutboxClaim claim, string? messageId, Instant now, CancellationToken cancellationToken = default)
    {
        var row = StatusRow(job, OutboxRowStatus.Sent, now);
        row[SentAtColumn] = StoredFormats.Format(now);
        if (messageId is not null)
        {
            row[MessageIdColumn] = messageId;
        }

        return RecordOutcomeAsync(job, claim, row, cancellationToken);
    }

    public Task<bool> MarkUncertainAsync(OutboundJob job, OutboxClaim claim, string reason, Instant now, CancellationToken cancellationToken = default) =>
        RecordOutcomeAsync(job, claim, StatusRow(job, OutboxRowStatus.Uncertain, now, reason), cancellationToken);

    public Task<bool> ReleaseAsync(OutboundJob job, OutboxClaim claim, string reason, Instant now, CancellationToken cancellationToken = default) =>
        RecordOutcomeAsync(job, claim, StatusRow(job, OutboxRowStatus.Released, now, reason), cancellationToken);

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
                return new OutboxClaim(OutboxClaimStatus.Claimed, version, token);

            case OutboxRowStatus.Released:
                return await TakeOverAsync(existing, claim, token, cancellationToken);

            case OutboxRowStatus.Claimed:
                return await DecideOnClaimAsync(job, existing, claim, token, now, cancellationToken);

            default:
                var unknownStatus = existing.GetString(StatusColumn);
                LogHeld(logger, job.Id, unknownStatus);
                return new OutboxClaim(OutboxClaimStatus.Held, version);
        }
    }

    // Someone else's claim: young ones may still be working; old ones are dead and taken over (see the remarks above).
    private async Task<OutboxClaim> DecideOnClaimAsync(
        OutboundJob job, TableEntity existing, TableEntity claim, string token, Instant now, CancellationToken cancellationToken)
    {
        var startedAtText = existing.GetString(StartedAtColumn);
        var startedAt = StoredFormats.ParseOptionalInstant(startedAtText);
        var claimedAt = StoredFormats.ParseOptionalInstant(existing.GetString(ClaimedAtColumn));
        var started = startedAtText is not null;
        var since = started ? startedAt : claimedAt;
        if (since is { } at && now - at < TakeOverAge(options.Value, started))
        {
            LogInFlight(logger, job.Id, started);
            return new OutboxClaim(OutboxClaimStatus.InFlight, existing.ETag.ToString());
        }

        var taken = await TakeOverAsync(existing, claim, token, cancellationToken);
        if (taken.Status == OutboxClaimStatus.Claimed)
        {
            if (started)
            {
                LogResendingUnconfirmed(logger, job.Id, startedAtText);
            }
            else
            {
                LogTakingOverUnstarted(logger, job.Id);
            }
        }

        return taken;
    }

    // Replaces a released or dead claim with ours, only as it was read: of several claimers exactly one wins, and the
    // others are told it is in flight (the winner may still fail and release it again).
    private async Task<OutboxClaim> TakeOverAsync(TableEntity previous, TableEntity claim, string token, CancellationToken cancellationToken)
    {
        try
        {
            var response = await tables.Outbox.UpdateEntityAsync(claim, previous.ETag, TableUpdateMode.Replace, cancellationToken);
            return Claimed(response, token);
        }
        catch (RequestFailedException exception) when (exception.IsPreconditionFailed() || exception.IsNotFound())
        {
            // Another claimer got there first, unless the winner was our own unseen first attempt.
        }

        var current = await ReadAsync(claim.PartitionKey, claim.RowKey, cancellationToken);
        return current is not null && StatusOf(current) == OutboxRowStatus.Claimed && current.GetString(ClaimTokenColumn) == token
            ? new OutboxClaim(OutboxClaimStatus.Claimed, current.ETag.ToString(), token)
            : new OutboxClaim(OutboxClaimStatus.InFlight, current?.ETag.ToString());
    }

    /// <summary>How old someone else's claim must be before it is taken over: <see cref="StorageOptions.StartedSendAge"/> once started, else <see cref="StorageOptions.UnstartedClaimAge"/>.</summary>
    internal static Duration TakeOverAge(StorageOptions options, bool started) =>
        Duration.FromTimeSpan(started ? options.StartedSendAge : options.UnstartedClaimAge);

    private async Task<TableEntity?> ReadAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var response = await tables.Outbox.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private async Task MergeAsync(TableEntity row, CancellationToken cancellationToken) =>
        await tables.Outbox.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);

    // An outcome is written only over the claim it belongs to (its version): a worker presumed dead and taken over must not
    // turn its successor's row into Released (claimable a third time) or Uncertain, nor replace its message id.
    private async Task<bool> RecordOutcomeAsync(OutboundJob job, OutboxClaim claim, TableEntity row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        try
        {
            await tables.Outbox.UpdateEntityAsync(row, ETagOf(claim), TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.IsPreconditionFailed() || exception.IsNotFound())
        {
            // Refused, unless the refusal answered the storage client's retry of our own write that landed unseen.
        }

        var current = await ReadAsync(row.PartitionKey, row.RowKey, cancellationToken);
        if (current is not null && claim.Token is not null && current.GetString(ClaimTokenColumn) == claim.Token &&
            current.GetString(StatusColumn) == row.GetString(StatusColumn))
        {
            return true;
        }

        LogOutcomeOfLostClaim(logger, job.Id, row.GetString(StatusColumn), current?.GetString(StatusColumn));
        return false;
    }

    private static ETag ETagOf(OutboxClaim claim) => claim.Version is null ? ETag.All : new ETag(claim.Version);

    private static OutboxClaim Claimed(Response response, string token) =>
        new(OutboxClaimStatus.Claimed, response.Headers.ETag?.ToString(), token);

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

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Job {JobId} was started at {StartedAt} and never confirmed (its worker died during the send); sending it again, so it may arrive twice")]
    private static partial void LogResendingUnconfirmed(ILogger logger, string jobId, string? startedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} was claimed by a worker that died before sending; taking the claim over")]
    private static partial void LogTakingOverUnstarted(ILogger logger, string jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} is being sent by another worker (started: {Started}); the queue will try again")]
    private static partial void LogInFlight(ILogger logger, string jobId, bool started);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}'s claim was taken over by another delivery before it started; not sending")]
    private static partial void LogClaimTakenOver(ILogger logger, string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}'s claim was taken over by another delivery while this worker was sending (it was presumed dead); its outcome {Outcome} is not recorded and the newer claim's row ({CurrentStatus}) is left as it is")]
    private static partial void LogOutcomeOfLostClaim(ILogger logger, string jobId, string? outcome, string? currentStatus);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} is held (outbox status {Status}); not sending")]
    private static partial void LogHeld(ILogger logger, string jobId, string? status);
}
