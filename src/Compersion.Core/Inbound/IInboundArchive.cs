namespace Compersion.Core.Inbound;

/// <summary>Raw inbound posts, kept exactly as received so a parser fix can heal history (a port; Storage keeps them in blobs).</summary>
public interface IInboundArchive
{
    /// <summary>Streams a post into the archive and returns its name; throws only when storage is unavailable.</summary>
    Task<string> StoreAsync(Stream body, string? contentType, DateTimeOffset receivedAt, CancellationToken cancellationToken = default);

    /// <summary>Opens an archived post; null when it is gone (for example after the subscriber deleted their data).</summary>
    Task<ArchivedPost?> OpenAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Names of posts received on or after a UTC date, oldest first.</summary>
    IAsyncEnumerable<string> ListSinceAsync(DateOnly sinceUtc, CancellationToken cancellationToken = default);
}
