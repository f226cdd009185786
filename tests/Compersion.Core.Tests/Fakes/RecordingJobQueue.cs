using Compersion.Core.Scheduling;

namespace Compersion.Core.Tests.Fakes;

/// <summary>An <see cref="IJobQueue"/> that keeps what was enqueued.</summary>
internal sealed class RecordingJobQueue : IJobQueue
{
    private readonly List<OutboundJob> jobs = [];

    public IReadOnlyList<OutboundJob> Jobs => jobs;

    /// <summary>How many of the next enqueues fail, as a storage outage would, before they succeed again.</summary>
    public int FailNext { get; set; }

    public Task EnqueueAsync(OutboundBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (FailNext > 0)
        {
            FailNext--;
            throw new InvalidOperationException("The queue is unreachable.");
        }

        jobs.AddRange(batch.Jobs);
        return Task.CompletedTask;
    }
}
