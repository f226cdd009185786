using Compersion.Core.Inbound;

namespace Compersion.Core.Tests.Fakes;

/// <summary>An <see cref="IPostIndex"/> in memory: one entry per (subscriber, post, ledger key), as the table keeps them.</summary>
internal sealed class InMemoryPostIndex : IPostIndex
{
    private readonly HashSet<(string SubscriberId, string ArchiveName, string MessageKey)> posts = [];

    public IReadOnlyList<string> PostsOf(string subscriberId) =>
        [.. posts.Where(p => p.SubscriberId == subscriberId).Select(p => p.ArchiveName).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Every ledger key recorded for the subscriber's posts, whichever post it came with.</summary>
    public IReadOnlyList<string> KeysOf(string subscriberId) =>
        [.. posts.Where(p => p.SubscriberId == subscriberId).Select(p => p.MessageKey).Distinct().Order(StringComparer.Ordinal)];

    public Task RecordAsync(string subscriberId, string archiveName, string messageKey, CancellationToken cancellationToken = default)
    {
        posts.Add((subscriberId, archiveName, messageKey));
        return Task.CompletedTask;
    }
}
