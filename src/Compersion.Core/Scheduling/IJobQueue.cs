namespace Compersion.Core.Scheduling;

/// <summary>The outbound queue (a port; Storage implements it over Azure Queues).</summary>
public interface IJobQueue
{
    /// <summary>Queues a job for the send handler.</summary>
    Task EnqueueAsync(OutboundJob job, CancellationToken cancellationToken = default);
}
