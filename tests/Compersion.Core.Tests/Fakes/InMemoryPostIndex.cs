using Compersion.Core.Inbound;

namespace Compersion.Core.Tests.Fakes;

/// <summary>An <see cref="IPostIndex"/> in memory.</summary>
internal sealed class InMemoryPostIndex : IPostIndex
{
    private readonly HashSet<(string SubscriberId, string ArchiveName)> posts = [];

    public IReadOnlyList<string> PostsOf(string subscriberId) => [.. posts.Where(p => p.SubscriberId == subscriberId).Select(p => p.ArchiveName).Order(StringComparer.Ordinal)];

    public Task RecordAsync(string subscriberId, string archiveName, string messageKey, CancellationToken cancellationToken = default)
    {
        posts.Add((subscriberId, archiveName));
        return Task.CompletedTask;
    }
}
