namespace Compersion.Core.Inbound;

/// <summary>An archived inbound post: its bytes, the content type it arrived with, and when.</summary>
/// <param name="Name">The archive name.</param>
/// <param name="Content">The body, to be read once and disposed.</param>
/// <param name="ContentType">The request's Content-Type (multipart boundary included).</param>
/// <param name="ReceivedAt">When the webhook stored it.</param>
public sealed record ArchivedPost(string Name, Stream Content, string? ContentType, DateTimeOffset ReceivedAt) : IAsyncDisposable
{
    /// <inheritdoc />
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
