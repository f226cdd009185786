using Compersion.Core.Scheduling;
using Compersion.Core.Sending;
using NodaTime;

namespace Compersion.Core.Tests.Fakes;

/// <summary>An <see cref="IOutbox"/> in memory: a job is claimed once, as the real outbox's ETag claim allows.</summary>
internal sealed class InMemoryOutbox : IOutbox
{
    private readonly HashSet<string> claimed = [];

    public Task<OutboxClaim> TryClaimAsync(OutboundJob job, Instant now, CancellationToken cancellationToken = default)
    {
        lock (claimed)
        {
            return Task.FromResult(new OutboxClaim(claimed.Add(job.Id) ? OutboxClaimStatus.Claimed : OutboxClaimStatus.AlreadySent, "v1"));
        }
    }

    /// <remarks>Timing and take-overs are not modelled here (the real outbox's are tested over Azurite): a claim always starts.</remarks>
    public Task<OutboxClaim?> TryMarkStartedAsync(OutboundJob job, OutboxClaim claim, Instant now, CancellationToken cancellationToken = default) =>
        Task.FromResult<OutboxClaim?>(claim);

    public Task<bool> MarkSentAsync(OutboundJob job, OutboxClaim claim, string? messageId, Instant now, CancellationToken cancellationToken = default) =>
        Task.FromResult(true);

    public Task<bool> MarkUncertainAsync(OutboundJob job, OutboxClaim claim, string reason, Instant now, CancellationToken cancellationToken = default) =>
        Task.FromResult(true);

    public Task<bool> ReleaseAsync(OutboundJob job, OutboxClaim claim, string reason, Instant now, CancellationToken cancellationToken = default)
    {
        lock (claimed)
        {
            claimed.Remove(job.Id);
        }

        return Task.FromResult(true);
    }

    public Task MarkSkippedAsync(OutboundJob job, string reason, Instant now, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
