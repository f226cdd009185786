using Compersion.Core.Scheduling;

namespace Compersion.Core.Tests.Fakes;

/// <summary>An <see cref="IJobQueue"/> that keeps what was enqueued.</summary>
internal sealed class RecordingJobQueue : IJobQueue
{
    private readonly List<OutboundJob> jobs = [];

    public IReadOnlyList<OutboundJob> Jobs => jobs;

    public Task EnqueueAsync(OutboundBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        jobs.AddRange(batch.Jobs);
        return Task.CompletedTask;
    }
}
