using Compersion.Core.Scheduling;

namespace Compersion.Core.Tests.Fakes;

/// <summary>An <see cref="IInboundQueue"/> that keeps the archive names it is handed, in order.</summary>
internal sealed class RecordingInboundQueue : IInboundQueue
{
    private readonly List<string> queued = [];

    public IReadOnlyList<string> Queued => queued;

    /// <summary>How many of the next calls fail, as a queue service that is down would (nothing queued by them).</summary>
    public int FailuresAhead { get; set; }

    public Task EnqueueAsync(string archiveName, CancellationToken cancellationToken = default)
    {
        if (FailuresAhead > 0)
        {
            FailuresAhead--;
            throw new InvalidOperationException("the inbound queue is down");
        }

        queued.Add(archiveName);
        return Task.CompletedTask;
    }
}
