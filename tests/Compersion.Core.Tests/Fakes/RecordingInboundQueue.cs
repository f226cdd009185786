using Compersion.Core.Scheduling;

namespace Compersion.Core.Tests.Fakes;

/// <summary>An <see cref="IInboundQueue"/> that keeps the archive names it is handed, in order.</summary>
internal sealed class RecordingInboundQueue : IInboundQueue
{
    private readonly List<string> queued = [];

    public IReadOnlyList<string> Queued => queued;

    public Task EnqueueAsync(string archiveName, CancellationToken cancellationToken = default)
    {
        queued.Add(archiveName);
        return Task.CompletedTask;
    }
}
