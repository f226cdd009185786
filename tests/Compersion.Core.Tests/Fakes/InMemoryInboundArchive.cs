using System.Text;
using Compersion.Core.Inbound;

namespace Compersion.Core.Tests.Fakes;

/// <summary>An <see cref="IInboundArchive"/> in memory: each post is its text and the time it arrived.</summary>
internal sealed class InMemoryInboundArchive : IInboundArchive
{
    private readonly Dictionary<string, (string Text, DateTimeOffset ReceivedAt)> posts = [];

    public string Add(string text, DateTimeOffset receivedAt)
    {
        var name = $"post-{posts.Count:D4}";
        posts[name] = (text, receivedAt);
        return name;
    }

    public void Remove(string name) => posts.Remove(name);

    public Task<string> StoreAsync(Stream body, string? contentType, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        return Task.FromResult(Add(reader.ReadToEnd(), receivedAt));
    }

    public Task<ArchivedPost?> OpenAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(posts.TryGetValue(name, out var post)
            ? new ArchivedPost(name, new MemoryStream(Encoding.UTF8.GetBytes(post.Text)), "text/plain", post.ReceivedAt)
            : null);

    public async IAsyncEnumerable<string> ListSinceAsync(DateOnly sinceUtc, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var (name, post) in posts.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (DateOnly.FromDateTime(post.ReceivedAt.UtcDateTime) >= sinceUtc)
            {
                yield return name;
            }
        }
    }
}
