using Azure.Storage.Blobs;
using Compersion.Core.Inbound;
using Compersion.Storage.Inbound;
using Microsoft.Extensions.Options;

namespace Compersion.Storage.Tests.Inbound;

/// <summary>The archive over Azurite: a failed store says what storage answered, for the webhook's log line.</summary>
public sealed class BlobInboundArchiveTests(AzuriteFixture fixture) : StorageTestBase(fixture)
{
    [Fact]
    public async Task StoreAsync_StorageRefuses_StorageFailureWithItsStatusAndCode()
    {
        // A prefix whose container was never created: Azurite answers 404 ContainerNotFound, as real storage would.
        var sut = new BlobInboundArchive(Harness.Get<BlobServiceClient>(), Options.Create(new StorageOptions { TablePrefix = "nosuch" + Guid.NewGuid().ToString("N")[..8] }));
        using var post = new MemoryStream("text=hello"u8.ToArray());

        var failure = await Assert.ThrowsAsync<StorageFailureException>(() => sut.StoreAsync(post, "application/x-www-form-urlencoded", DateTimeOffset.UnixEpoch.AddYears(56)));

        Assert.Equal((404, "ContainerNotFound"), (failure.Status, failure.ErrorCode));
    }
}
