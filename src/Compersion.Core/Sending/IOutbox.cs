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
    /// <returns>False when another delivery has taken the claim over meanwhile: do not send.</returns>
    Task<bool> TryMarkStartedAsync(OutboundJob job, OutboxClaim claim, Instant now, CancellationToken cancellationToken = default);

    /// <summary>Records the provider's message id after a successful send.</summary>
    Task MarkSentAsync(OutboundJob job, string? messageId, Instant now, CancellationToken cancellationToken = default);

    /// <summary>Records that the send may or may not have happened; the row stays held so nothing re-sends it.</summary>
    Task MarkUncertainAsync(OutboundJob job, string reason, Instant now, CancellationToken cancellationToken = default);

    /// <summary>Records that nothing was sent (or nothing needs sending) and lets a later delivery claim again.</summary>
    Task ReleaseAsync(OutboundJob job, string reason, Instant now, CancellationToken cancellationToken = default);

    /// <summary>Records that the job was deliberately skipped (unsubscribed, backed off); it is never sent.</summary>
    Task MarkSkippedAsync(OutboundJob job, string reason, Instant now, CancellationToken cancellationToken = default);
}
