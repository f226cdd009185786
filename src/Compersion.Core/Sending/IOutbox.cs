using Compersion.Core.Scheduling;
using NodaTime;

namespace Compersion.Core.Sending;

/// <summary>The send ledger: one row per (subscriber, kind, local date), claimed before a send.</summary>
public interface IOutbox
{
    /// <summary>Claims the row for a job (insert, or take over a released one with optimistic concurrency).</summary>
    Task<OutboxClaim> TryClaimAsync(OutboundJob job, Instant now, CancellationToken cancellationToken = default);

    /// <summary>Records the provider's message id after a successful send.</summary>
    Task MarkSentAsync(OutboundJob job, string? messageId, Instant now, CancellationToken cancellationToken = default);

    /// <summary>Records that the send may or may not have happened; the row stays held so nothing re-sends it.</summary>
    Task MarkUncertainAsync(OutboundJob job, string reason, Instant now, CancellationToken cancellationToken = default);

    /// <summary>Records that nothing was sent (or nothing needs sending) and lets a later delivery claim again.</summary>
    Task ReleaseAsync(OutboundJob job, string reason, Instant now, CancellationToken cancellationToken = default);

    /// <summary>Records that the job was deliberately skipped (unsubscribed, backed off); it is never sent.</summary>
    Task MarkSkippedAsync(OutboundJob job, string reason, Instant now, CancellationToken cancellationToken = default);
}
