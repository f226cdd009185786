using Compersion.Core.Scheduling;

namespace Compersion.Core.Sending;

/// <summary>The send ledger: one row per (subscriber, kind, local date), claimed before a send.</summary>
public interface IOutbox
{
    /// <summary>Claims the row for a job (insert, or take over a released one with optimistic concurrency).</summary>
    Task<OutboxClaim> TryClaimAsync(OutboundJob job, Instant now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks the claimed row as started, just before the provider is called, if this claim still owns it (its version).
    /// </summary>
    /// <remarks>
    /// A claim that never started is taken over by the next delivery and sent; one that started and never recorded an
    /// outcome (its worker died during the call) is sent again once it is older than the longest a send can take, with a
    /// warning naming the job: a rare duplicate is better than a missed prompt.
    /// </remarks>
    /// <returns>The started claim, whose version the outcome write needs; null when another delivery has taken the claim
    /// over meanwhile: do not send.</returns>
    Task<OutboxClaim?> TryMarkStartedAsync(OutboundJob job, OutboxClaim claim, Instant now, CancellationToken cancellationToken = default);

    /// <summary>Records the provider's message id after a successful send, if this claim still owns the row.</summary>
    /// <returns>False when another delivery took the claim over meanwhile (this worker was presumed dead): the newer claim's
    /// row is left as it is and the job is that claim's to settle.</returns>
    Task<bool> MarkSentAsync(OutboundJob job, OutboxClaim claim, string? messageId, Instant now, CancellationToken cancellationToken = default);

    /// <summary>Records that the send may or may not have happened, if this claim still owns the row; the row stays held so nothing re-sends it.</summary>
    /// <returns>False when another delivery took the claim over meanwhile: its row is left as it is.</returns>
    Task<bool> MarkUncertainAsync(OutboundJob job, OutboxClaim claim, string reason, Instant now, CancellationToken cancellationToken = default);

    /// <summary>Records that nothing was sent and lets a later delivery claim again, if this claim still owns the row.</summary>
    /// <returns>False when another delivery took the claim over meanwhile: its row is left as it is (not released), so
    /// nothing claims it a third time.</returns>
    Task<bool> ReleaseAsync(OutboundJob job, OutboxClaim claim, string reason, Instant now, CancellationToken cancellationToken = default);

    /// <summary>Records that the job was deliberately skipped (unsubscribed, backed off); it is never sent.</summary>
    Task MarkSkippedAsync(OutboundJob job, string reason, Instant now, CancellationToken cancellationToken = default);
}
