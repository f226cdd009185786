using Compersion.Core.Scheduling;

namespace Compersion.Core.Tests.Fakes;

/// <summary>An <see cref="IJobQueue"/> that keeps what was enqueued; safe for the dispatcher's batches enqueued at once.</summary>
internal sealed class RecordingJobQueue : IJobQueue
{
    private readonly List<OutboundJob> jobs = [];
    private readonly Lock gate = new();

    public IReadOnlyList<OutboundJob> Jobs
    {
        get
        {
            lock (gate)
            {
                return [.. jobs];
            }
        }
    }

    /// <summary>How many of the next enqueues fail, as a storage outage would, before they succeed again.</summary>
    public int FailNext { get; set; }

    public Task EnqueueAsync(OutboundBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (gate)
        {
            if (FailNext > 0)
            {
                FailNext--;
                throw new InvalidOperationException("The queue is unreachable.");
            }

            jobs.AddRange(batch.Jobs);
        }

        return Task.CompletedTask;
    }
}
