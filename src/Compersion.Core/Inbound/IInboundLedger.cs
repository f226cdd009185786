using Compersion.Core.Sending;

namespace Compersion.Core.Inbound;

/// <summary>One row per inbound message and attributed subscriber (keyed by a hash of both), recording its stage.</summary>
public interface IInboundLedger
{
    /// <summary>Records a message as received, or returns the stage an earlier delivery reached.</summary>
    Task<InboundStage> BeginAsync(string messageKey, string archiveName, CancellationToken cancellationToken = default);

    /// <summary>Reads a message's row without creating one; null when there is none.</summary>
    Task<InboundLedgerRow?> FindAsync(string messageKey, CancellationToken cancellationToken = default);

    /// <summary>Moves a message to a later stage (never backwards); <paramref name="detail"/> is an address-free reason or id.</summary>
    Task AdvanceAsync(string messageKey, InboundStage stage, string? subscriberId, string? detail, CancellationToken cancellationToken = default);

    /// <summary>Files a quarantined message as done for a subscriber after all (a replay found it theirs under today's rules).</summary>
    /// <returns>False when the message is not quarantined (any more): someone else re-filed it first.</returns>
    Task<bool> ReattributeAsync(string messageKey, string subscriberId, CancellationToken cancellationToken = default);

    /// <summary>Claims the right to send this message's answer (a receipt, a command's confirmation), as the outbox claims a prompt.</summary>
    /// <remarks>
    /// <see cref="OutboxClaimStatus.Claimed"/>: send it, after <see cref="TryStartAnswerAsync"/>. <see cref="OutboxClaimStatus.AlreadySent"/>:
    /// an earlier delivery answered. <see cref="OutboxClaimStatus.InFlight"/>: another delivery claimed or started it moments
    /// ago; let the queue retry. A claim whose worker died is taken over: one that never started after 15 s, one that started
    /// and never finished after 90 s (sent again, reported at Warning; both ages are Storage settings), so no answer is lost to a crash.
    /// </remarks>
    Task<OutboxClaim> TryClaimAnswerAsync(string messageKey, Instant now, CancellationToken cancellationToken = default);

    /// <summary>Marks the answer as started, just before it is sent, if <paramref name="claim"/> still owns it; false: do not send.</summary>
    Task<bool> TryStartAnswerAsync(string messageKey, OutboxClaim claim, Instant now, CancellationToken cancellationToken = default);
}
