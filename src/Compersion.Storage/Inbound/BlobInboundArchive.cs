using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Compersion.Core.Inbound;
using Microsoft.Extensions.Options;

namespace Compersion.Storage.Inbound;

/// <summary>Raw Inbound Parse posts in the <c>inbound-raw</c> container, named <c>yyyy/MM/dd/HHmmss-guid</c> (UTC), streamed in and out.</summary>
internal sealed class BlobInboundArchive(BlobServiceClient blobs, IOptions<StorageOptions> options) : IInboundArchive
{
    private const int SinglePutBytes = 256 * 1024;
    private const int BlockBytes = 4 * 1024 * 1024;
    private const string ContentTypeKey = "posttype";
    private const string ReceivedKey = "received";
    private readonly BlobContainerClient container = blobs.GetBlobContainerClient(options.Value.TablePrefix.ToLowerInvariant() + ContainerNames.InboundRaw);

    public async Task<string> StoreAsync(Stream body, string? contentType, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{receivedAt.UtcDateTime:yyyy/MM/dd/HHmmss}-{Guid.NewGuid():N}");
        var metadata = new Dictionary<string, string>
        {
            [ReceivedKey] = receivedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            [ContentTypeKey] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(contentType ?? string.Empty)),
        };
        var options = new BlobUploadOptions
        {
            Metadata = metadata,
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },

            // A request body can't seek, so the SDK buffers every block it has in flight: by default several 4 MiB blocks
            // at once, about 25 MB for a 30 MB post and 400 MB for 16 posts arriving together. One block at a time keeps a
            // post's cost to one block, at a little upload time (blocks go one after another to the same account).
            TransferOptions = new StorageTransferOptions { MaximumConcurrency = 1, InitialTransferSize = BlockBytes, MaximumTransferSize = BlockBytes },
        };

        // Most replies are a few KB: read up to SinglePutBytes first, and if the post ends there, store it with one
        // request (a stream of unknown length costs a block upload plus a commit). Larger posts stream on, never
        // held in memory whole: the prefix read so far is followed by the rest of the request body.
        var prefix = new byte[SinglePutBytes];
        var filled = 0;
        int read;
        while (filled < prefix.Length && (read = await body.ReadAsync(prefix.AsMemory(filled), cancellationToken)) > 0)
        {
            filled += read;
        }

        var blob = container.GetBlobClient(name);
        try
        {
            if (filled < prefix.Length)
            {
                await blob.UploadAsync(new BinaryData(prefix.AsMemory(0, filled)), options, cancellationToken);
            }
            else
            {
                await using var rest = new PrefixedStream(prefix, body);
                await blob.UploadAsync(rest, options, cancellationToken);
            }
        }
        catch (Exception exception) when (StorageFailures.IsStorage(exception))
        {
            // What storage answered goes to the webhook's log line (a 503 under overload, say); never the post.
            throw StorageFailures.From(exception);
        }

        return name;
    }

    public async Task<ArchivedPost?> OpenAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await container.GetBlobClient(name).DownloadStreamingAsync(cancellationToken: cancellationToken);
            var metadata = result.Value.Details.Metadata;
            var contentType = metadata.TryGetValue(ContentTypeKey, out var encoded) ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(encoded)) : null;
            var received = metadata.TryGetValue(ReceivedKey, out var at) ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : result.Value.Details.LastModified;
            return new ArchivedPost(name, result.Value.Content, string.IsNullOrEmpty(contentType) ? null : contentType, received);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    public async IAsyncEnumerable<string> ListSinceAsync(DateOnly sinceUtc, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var first = sinceUtc.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            if (string.CompareOrdinal(blob.Name, first) >= 0)
            {
                yield return blob.Name;
            }
        }
    }
}
