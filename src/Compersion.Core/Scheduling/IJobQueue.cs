namespace Compersion.Core.Scheduling;

/// <summary>The outbound queue (a port; Storage implements it over Azure Queues).</summary>
public interface IJobQueue
{
    /// <summary>Queues one message of jobs for the send handler.</summary>
    Task EnqueueAsync(OutboundBatch batch, CancellationToken cancellationToken = default);

    /// <summary>Queues a message of one job.</summary>
    Task EnqueueAsync(OutboundJob job, CancellationToken cancellationToken = default) => EnqueueAsync(OutboundBatch.Of(job), cancellationToken);
}
