using Compersion.Core.Inbound;
using Compersion.Core.Sending;
using NodaTime;

namespace Compersion.Core.Tests.Fakes;

/// <summary>An <see cref="IInboundLedger"/> in memory, with the real ledger's rules: stages only move forward, an answer is claimed once.</summary>
internal sealed class InMemoryInboundLedger : IInboundLedger
{
    private readonly Dictionary<string, Row> rows = [];

    public IReadOnlyDictionary<string, Row> Rows => rows;

    public Task<InboundStage> BeginAsync(string messageKey, string archiveName, CancellationToken cancellationToken = default)
    {
        if (!rows.TryGetValue(messageKey, out var row))
        {
            row = new Row(InboundStage.Received, null, null, AnswerClaimed: false) { ArchiveName = archiveName };
            rows[messageKey] = row;
        }

        return Task.FromResult(row.Stage);
    }

    public Task<InboundLedgerRow?> FindAsync(string messageKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(rows.TryGetValue(messageKey, out var row) ? new InboundLedgerRow(row.Stage, row.SubscriberId, row.ArchiveName, row.Detail) : null);

    public Task AdvanceAsync(string messageKey, InboundStage stage, string? subscriberId, string? detail, CancellationToken cancellationToken = default)
    {
        var row = rows[messageKey];
        if (stage > row.Stage)
        {
            rows[messageKey] = row with { Stage = stage, SubscriberId = subscriberId ?? row.SubscriberId, Detail = detail ?? row.Detail };
        }

        return Task.CompletedTask;
    }

    public Task<bool> ReattributeAsync(string messageKey, string subscriberId, CancellationToken cancellationToken = default)
    {
        if (rows[messageKey].Stage != InboundStage.Quarantined)
        {
            return Task.FromResult(false);
        }

        rows[messageKey] = rows[messageKey] with { Stage = InboundStage.Done, SubscriberId = subscriberId, Detail = "reattributed" };
        return Task.FromResult(true);
    }

    /// <remarks>Timing is not modelled here (the real ledger's take-over of a dead claim is tested over Azurite): a claimed answer counts as sent.</remarks>
    public Task<OutboxClaim> TryClaimAnswerAsync(string messageKey, Instant now, CancellationToken cancellationToken = default)
    {
        var row = rows[messageKey];
        if (row.AnswerClaimed)
        {
            return Task.FromResult(new OutboxClaim(OutboxClaimStatus.AlreadySent, null));
        }

        rows[messageKey] = row with { AnswerClaimed = true };
        return Task.FromResult(new OutboxClaim(OutboxClaimStatus.Claimed, "claimed"));
    }

    public Task<bool> TryStartAnswerAsync(string messageKey, OutboxClaim claim, Instant now, CancellationToken cancellationToken = default) =>
        Task.FromResult(rows[messageKey].AnswerClaimed);

    /// <summary>Sets a message back to a stage, as a worker that died after reaching it leaves it.</summary>
    public void Rewind(string messageKey, InboundStage stage, bool unanswered = false) =>
        rows[messageKey] = rows[messageKey] with { Stage = stage, AnswerClaimed = rows[messageKey].AnswerClaimed && !unanswered };

    internal sealed record Row(InboundStage Stage, string? SubscriberId, string? Detail, bool AnswerClaimed)
    {
        public string? ArchiveName { get; init; }
    }
}
