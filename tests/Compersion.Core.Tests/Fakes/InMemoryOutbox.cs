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
    public Task<bool> TryMarkStartedAsync(OutboundJob job, OutboxClaim claim, Instant now, CancellationToken cancellationToken = default) => Task.FromResult(true);

    public Task MarkSentAsync(OutboundJob job, string? messageId, Instant now, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task MarkUncertainAsync(OutboundJob job, string reason, Instant now, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task ReleaseAsync(OutboundJob job, string reason, Instant now, CancellationToken cancellationToken = default)
    {
        lock (claimed)
        {
            claimed.Remove(job.Id);
        }

        return Task.CompletedTask;
    }

    public Task MarkSkippedAsync(OutboundJob job, string reason, Instant now, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
