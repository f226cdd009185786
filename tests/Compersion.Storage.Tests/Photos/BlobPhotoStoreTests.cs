using Azure.Storage.Blobs;
using Compersion.Core.Inbound;
using Compersion.Core.Photos;
using NodaTime;

namespace Compersion.Storage.Tests.Photos;

public sealed class BlobPhotoStoreTests(AzuriteFixture fixture) : StorageTestBase(fixture)
{
    private static readonly LocalDate Day = new(2026, 11, 25);

    private IPhotoStore Sut => Harness.Get<IPhotoStore>();

    [Fact]
    public async Task SaveThenList_TwoPhotosOneHeicWithoutThumbnail_ListedOldestFirstWithTheirNames()
    {
        var alex = NewId();
        var beach = Photo("aaaaaaaaaaaaaaaaaaa1", PhotoFormat.Jpeg, "beach.jpg", thumbnail: true);
        var heic = Photo("bbbbbbbbbbbbbbbbbbb2", PhotoFormat.Heic, "IMG_0002 ✨.HEIC", thumbnail: false);

        await Sut.SaveAsync(alex, beach, new byte[] { 1, 2, 3 }, new byte[] { 9 });
        await Sut.SaveAsync(alex, heic, new byte[] { 4, 5 }, null);

        var listed = await Sut.ListAsync(alex, Day);
        Assert.Equal(
            [("aaaaaaaaaaaaaaaaaaa1", PhotoFormat.Jpeg, "beach.jpg", 3L, true), ("bbbbbbbbbbbbbbbbbbb2", PhotoFormat.Heic, "IMG_0002 ✨.HEIC", 2L, false)],
            listed.Select(p => (p.Id, p.Format, p.Name, p.Length, p.HasThumbnail)));
        Assert.Empty(await Sut.ListAsync(alex, Day.PlusDays(1)));
        Assert.Equal([1, 2, 3], await ReadAsync(await Sut.OpenAsync(alex, beach, thumbnail: false)));
        Assert.Equal([9], await ReadAsync(await Sut.OpenAsync(alex, beach, thumbnail: true)));
        Assert.Null(await Sut.OpenAsync(alex, heic, thumbnail: true));
    }

    [Fact]
    public async Task ListAsync_OneReplysPhotosWhoseIdsSortTheOtherWay_ListedInTheReplysOrder()
    {
        // Ids are hashes, so a reply's first photo may well have the larger id; creation times come in whole seconds.
        var alex = NewId();
        var first = Photo("ffffffffffffffffff01", PhotoFormat.Jpeg, "first.jpg", thumbnail: true) with { Position = 1 };
        var second = Photo("0000000000000000ff02", PhotoFormat.Jpeg, "second.jpg", thumbnail: true) with { Position = 2 };

        await Sut.SaveAsync(alex, first, new byte[] { 1 }, new byte[] { 2 });
        await Sut.SaveAsync(alex, second, new byte[] { 1 }, new byte[] { 2 });

        Assert.Equal(["first.jpg", "second.jpg"], (await Sut.ListAsync(alex, Day)).Select(p => p.Name));
        Assert.Equal([1, 2], (await Sut.ListAsync(alex, Day)).Select(p => p.Position));
    }

    [Fact]
    public async Task SaveAsync_SameIdAgain_OverwritesNeverAdds()
    {
        var alex = NewId();
        var photo = Photo("cccccccccccccccccccc", PhotoFormat.Png, "a.png", thumbnail: true);

        await Sut.SaveAsync(alex, photo, new byte[] { 1 }, new byte[] { 2 });
        await Sut.SaveAsync(alex, photo, new byte[] { 1 }, new byte[] { 2 });

        Assert.Single(await Sut.ListAsync(alex, Day));
    }

    [Fact]
    public async Task ListAndOpen_AnotherSubscribersPhoto_NeitherListedNorOpened()
    {
        var alex = NewId();
        var sam = NewId();
        var photo = Photo("dddddddddddddddddddd", PhotoFormat.Jpeg, "mine.jpg", thumbnail: true);
        await Sut.SaveAsync(alex, photo, new byte[] { 1 }, new byte[] { 2 });

        Assert.Empty(await Sut.ListAsync(sam, Day));
        Assert.Null(await Sut.OpenAsync(sam, photo, thumbnail: false));
        Assert.False(await Sut.DeleteAsync(sam, Day, photo.Id));
        Assert.Single(await Sut.ListAsync(alex, Day));
    }

    [Fact]
    public async Task DeleteAsync_OnePhoto_ItAndItsThumbnailGoTheOtherStays()
    {
        var alex = NewId();
        var first = Photo("eeeeeeeeeeeeeeeeeee1", PhotoFormat.Jpeg, "a.jpg", thumbnail: true);
        var second = Photo("eeeeeeeeeeeeeeeeeee2", PhotoFormat.Jpeg, "b.jpg", thumbnail: true);
        await Sut.SaveAsync(alex, first, new byte[] { 1 }, new byte[] { 2 });
        await Sut.SaveAsync(alex, second, new byte[] { 1 }, new byte[] { 2 });

        var deleted = await Sut.DeleteAsync(alex, Day, first.Id);

        Assert.True(deleted);
        Assert.Equal([second.Id], (await Sut.ListAsync(alex, Day)).Select(p => p.Id));
        Assert.Null(await Sut.OpenAsync(alex, first, thumbnail: true));
        Assert.Equal(2, await CountBlobsAsync(alex));
    }

    [Fact]
    public async Task DeleteAllAsync_PhotosOnSeveralDays_NoBlobOfTheirsLeftAndOthersUntouched()
    {
        var alex = NewId();
        var sam = NewId();
        await Sut.SaveAsync(alex, Photo("ffffffffffffffffff01", PhotoFormat.Jpeg, "a.jpg", thumbnail: true), new byte[] { 1 }, new byte[] { 2 });
        await Sut.SaveAsync(alex, Photo("ffffffffffffffffff02", PhotoFormat.Heic, "b.heic", thumbnail: false) with { Date = Day.PlusDays(3) }, new byte[] { 1 }, null);
        await Sut.SaveAsync(sam, Photo("ffffffffffffffffff03", PhotoFormat.Jpeg, "c.jpg", thumbnail: true), new byte[] { 1 }, new byte[] { 2 });

        var deleted = await Sut.DeleteAllAsync(alex);

        Assert.Equal(3, deleted);
        Assert.Equal(0, await CountBlobsAsync(alex));
        Assert.Equal(2, await CountBlobsAsync(sam));
    }

    [Fact]
    public async Task ListAllAsync_PhotosOnTwoDays_ByDate()
    {
        var alex = NewId();
        await Sut.SaveAsync(alex, Photo("9999999999999999999a", PhotoFormat.Jpeg, "later.jpg", thumbnail: true) with { Date = Day.PlusDays(1) }, new byte[] { 1 }, new byte[] { 2 });
        await Sut.SaveAsync(alex, Photo("9999999999999999999b", PhotoFormat.Jpeg, "first.jpg", thumbnail: true), new byte[] { 1 }, new byte[] { 2 });

        var all = await Sut.ListAllAsync(alex);

        Assert.Equal(["first.jpg", "later.jpg"], all.Select(p => p.Name));
    }

    [Fact]
    public async Task ListYearAsync_PhotosAcrossNewYear_OnlyThatYearsWithoutThumbnailsOrOtherSubscribers()
    {
        var alex = NewId();
        var sam = NewId();
        await Sut.SaveAsync(alex, Photo("1111111111111111111a", PhotoFormat.Jpeg, "eve.jpg", thumbnail: true) with { Date = new LocalDate(2026, 12, 31) }, new byte[] { 1 }, new byte[] { 2 });
        await Sut.SaveAsync(alex, Photo("1111111111111111111b", PhotoFormat.Png, "day.png", thumbnail: true) with { Date = new LocalDate(2027, 1, 1) }, new byte[] { 1 }, new byte[] { 2 });
        await Sut.SaveAsync(sam, Photo("1111111111111111111c", PhotoFormat.Jpeg, "sams.jpg", thumbnail: true) with { Date = new LocalDate(2026, 6, 1) }, new byte[] { 1 }, new byte[] { 2 });

        var year = await Sut.ListYearAsync(alex, 2026);

        Assert.Equal([("eve.jpg", new LocalDate(2026, 12, 31))], year.Select(p => (p.Name, p.Date)));
    }

    [Fact]
    public async Task TryClaimSlotAsync_FourPlacesTaken_FifthRefusedSameIdAgainHeldAndDeletingFreesOne()
    {
        var alex = NewId();
        string[] ids = ["aaaaaaaaaaaaaaaaaaa1", "aaaaaaaaaaaaaaaaaaa2", "aaaaaaaaaaaaaaaaaaa3", "aaaaaaaaaaaaaaaaaaa4"];
        foreach (var id in ids)
        {
            Assert.True(await Sut.TryClaimSlotAsync(alex, Day, id, 4));
            await Sut.SaveAsync(alex, Photo(id, PhotoFormat.Jpeg, id + ".jpg", thumbnail: false), new byte[] { 1 }, null);
        }

        var fifth = await Sut.TryClaimSlotAsync(alex, Day, "aaaaaaaaaaaaaaaaaaa5", 4);
        var again = await Sut.TryClaimSlotAsync(alex, Day, ids[2], 4);
        var otherDay = await Sut.TryClaimSlotAsync(alex, Day.PlusDays(1), "aaaaaaaaaaaaaaaaaaa5", 4);
        await Sut.DeleteAsync(alex, Day, ids[1]);
        var afterDelete = await Sut.TryClaimSlotAsync(alex, Day, "aaaaaaaaaaaaaaaaaaa5", 4);

        Assert.Equal((false, true, true, true), (fifth, again, otherDay, afterDelete));
        Assert.Equal(3, (await Sut.ListAsync(alex, Day)).Count);
    }

    /// <summary>Photos saved before a day had places (no slot blob names them) are given theirs on the day's next claim, so
    /// two claims at once on such a day share what is left, not four places each; deleting one of them frees its place.</summary>
    [Fact]
    public async Task TryClaimSlotAsync_DayOfThreePhotosKeptBeforePlacesAndTwoClaimsAtOnce_OneGetsTheLastPlace()
    {
        var alex = NewId();
        string[] legacy = ["bbbbbbbbbbbbbbbbbbb1", "bbbbbbbbbbbbbbbbbbb2", "bbbbbbbbbbbbbbbbbbb3"];
        foreach (var id in legacy)
        {
            await Sut.SaveAsync(alex, Photo(id, PhotoFormat.Jpeg, id + ".jpg", thumbnail: false), new byte[] { 1 }, null);
        }

        var claims = await Task.WhenAll(
            Task.Run(() => Sut.TryClaimSlotAsync(alex, Day, "bbbbbbbbbbbbbbbbbbb4", 4)),
            Task.Run(() => Sut.TryClaimSlotAsync(alex, Day, "bbbbbbbbbbbbbbbbbbb5", 4)));
        var places = await PlacesAsync(alex);
        var winner = claims[0] ? "bbbbbbbbbbbbbbbbbbb4" : "bbbbbbbbbbbbbbbbbbb5";
        var loser = claims[0] ? "bbbbbbbbbbbbbbbbbbb5" : "bbbbbbbbbbbbbbbbbbb4";
        var loserAgain = await Sut.TryClaimSlotAsync(alex, Day, loser, 4);
        await Sut.DeleteAsync(alex, Day, legacy[1]);
        var afterDelete = await Sut.TryClaimSlotAsync(alex, Day, loser, 4);

        Assert.Equal(1, claims.Count(claimed => claimed));
        Assert.Equal([.. legacy, winner], places.Order(StringComparer.Ordinal));
        Assert.Equal((false, true), (loserAgain, afterDelete));
    }

    private async Task<List<string>> PlacesAsync(string subscriberId)
    {
        var held = new List<string>();
        var container = Harness.Get<BlobServiceClient>().GetBlobContainerClient(Harness.TablePrefix.ToLowerInvariant() + "photos");
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.Metadata, Azure.Storage.Blobs.Models.BlobStates.None, subscriberId + "/", CancellationToken.None))
        {
            if (blob.Name.Contains("/slot", StringComparison.Ordinal))
            {
                held.Add(blob.Metadata["photo"]);
            }
        }

        return held;
    }

    [Fact]
    public async Task KeepAsync_TwoRepliesOfThreePhotosIngestedAtOnce_FourKeptThatDayAndTwoRefused()
    {
        var alex = NewId();

        // Both ingestions list the day before either keeps a photo, as two queue workers can: both see room for four.
        var store = new ListingTogether(Sut, callers: 2);
        var photos = new ReplyPhotos(new LargeEnoughImaging(), store, Microsoft.Extensions.Logging.Abstractions.NullLogger<ReplyPhotos>.Instance);
        var results = await Task.WhenAll(
            Task.Run(() => photos.KeepAsync(alex, Day, "m:one@example.org", Mail("one"), "m:one")),
            Task.Run(() => photos.KeepAsync(alex, Day, "m:two@example.org", Mail("two"), "m:two")));

        Assert.Equal(2, store.Listed);
        Assert.Equal(4, (await Sut.ListAsync(alex, Day)).Count);
        Assert.Equal(4, results.Sum(r => r.Kept));
        Assert.Equal(2, results.Sum(r => r.Skipped.Count));
        Assert.All(results.SelectMany(r => r.Skipped), line => Assert.EndsWith("a day holds 4 photos.", line, StringComparison.Ordinal));
    }

    private static Core.Inbound.InboundMail Mail(string name) => new($"{name}@example.org", "alex@example.org", [], "Re: today", "1. Soup", null, true, true, "hash-" + name)
    {
        Attachments = [.. Enumerable.Range(1, 3).Select(i => new MailAttachment($"{name}-{i}.jpg", "image/jpeg", null, 10_000, new byte[10_000]))],
    };

    /// <summary>Reads every attachment as a 1600×1200 JPEG with a thumbnail.</summary>
    private sealed class LargeEnoughImaging : IPhotoImaging
    {
        public PhotoReading Read(ReadOnlyMemory<byte> content) => new(PhotoFormat.Jpeg, 1600, 1200, [1, 2, 3], PhotoProblem.None);
    }

    /// <summary>The real store, whose day listing answers only once <paramref name="callers"/> have asked (so they interleave).</summary>
    private sealed class ListingTogether(IPhotoStore inner, int callers) : IPhotoStore
    {
        private readonly TaskCompletionSource all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int listed;

        public int Listed => listed;

        public async Task<IReadOnlyList<StoredPhoto>> ListAsync(string subscriberId, LocalDate date, CancellationToken cancellationToken = default)
        {
            var photos = await inner.ListAsync(subscriberId, date, cancellationToken);
            if (Interlocked.Increment(ref listed) == callers)
            {
                all.SetResult();
            }

            await all.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            return photos;
        }

        public Task<IReadOnlyList<StoredPhoto>> ListAllAsync(string subscriberId, CancellationToken cancellationToken = default) => inner.ListAllAsync(subscriberId, cancellationToken);

        public Task<IReadOnlyList<StoredPhoto>> ListYearAsync(string subscriberId, int year, CancellationToken cancellationToken = default) => inner.ListYearAsync(subscriberId, year, cancellationToken);

        public Task<bool> TryClaimSlotAsync(string subscriberId, LocalDate date, string id, int slots, CancellationToken cancellationToken = default) =>
            inner.TryClaimSlotAsync(subscriberId, date, id, slots, cancellationToken);

        public Task SaveAsync(string subscriberId, StoredPhoto photo, ReadOnlyMemory<byte> content, ReadOnlyMemory<byte>? thumbnail, CancellationToken cancellationToken = default) =>
            inner.SaveAsync(subscriberId, photo, content, thumbnail, cancellationToken);

        public Task<Stream?> OpenAsync(string subscriberId, StoredPhoto photo, bool thumbnail, CancellationToken cancellationToken = default) => inner.OpenAsync(subscriberId, photo, thumbnail, cancellationToken);

        public Task<bool> DeleteAsync(string subscriberId, LocalDate date, string id, CancellationToken cancellationToken = default) => inner.DeleteAsync(subscriberId, date, id, cancellationToken);

        public Task<int> DeleteAllAsync(string subscriberId, CancellationToken cancellationToken = default) => inner.DeleteAllAsync(subscriberId, cancellationToken);
    }

    private static StoredPhoto Photo(string id, PhotoFormat format, string name, bool thumbnail) => new(Day, id, format, name, 0, thumbnail);

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static async Task<byte[]> ReadAsync(Stream? stream)
    {
        Assert.NotNull(stream);
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    private async Task<int> CountBlobsAsync(string subscriberId)
    {
        var container = Harness.Get<BlobServiceClient>().GetBlobContainerClient(Harness.TablePrefix.ToLowerInvariant() + "photos");
        var count = 0;
        await foreach (var _ in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, subscriberId + "/", CancellationToken.None))
        {
            count++;
        }

        return count;
    }
}
