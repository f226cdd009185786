namespace Compersion.Core.Scheduling;

/// <summary>The queue of archived posts waiting to be ingested (pointers, never mail: a queue message is at most 64 KiB).</summary>
public interface IInboundQueue
{
    /// <summary>Queues an archived post for ingestion.</summary>
    Task EnqueueAsync(string archiveName, CancellationToken cancellationToken = default);
}
