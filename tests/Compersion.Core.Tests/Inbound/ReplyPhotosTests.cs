using Compersion.Core.Inbound;
using Compersion.Core.Photos;
using Compersion.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Compersion.Core.Tests.Inbound;

public sealed class ReplyPhotosTests
{
    private static readonly LocalDate Day = new(2026, 11, 24);
    private readonly InMemoryPhotoStore store = new();
    private readonly ScriptedPhotoImaging imaging = new();

    [Fact]
    public async Task KeepAsync_TwoPhotosALogoAndATrackingPixel_KeepsTheTwoPhotos()
    {
        var mail = Mail(
            """<p>Soup</p><img src="cid:p1"><div class="gmail_signature"><img src="cid:logo"></div>""",
            new MailAttachment("beach.jpg", "image/jpeg", "p1", 50_000, ScriptedPhotoImaging.Picture(4032, 3024)),
            new MailAttachment("IMG_2.HEIC", "image/heic", null, 50_000, ScriptedPhotoImaging.Picture(4032, 3024, PhotoFormat.Heic)),
            new MailAttachment("logo.png", "image/png", "logo", 50_000, ScriptedPhotoImaging.Picture(400, 120, PhotoFormat.Png)),
            new MailAttachment("pixel.gif", "image/gif", null, 43, new byte[43]),
            new MailAttachment("icon.png", "image/png", null, 9_000, ScriptedPhotoImaging.Picture(32, 32, PhotoFormat.Png, 9_000)));

        var summary = await CreateSut().KeepAsync("alex", Day, "m:1", mail);

        Assert.Equal(2, summary.Kept);
        Assert.Empty(summary.Skipped);
        Assert.Equal(["beach.jpg", "IMG_2.HEIC"], store.Of("alex").Select(p => p.Name));
        Assert.All(store.Of("alex"), p => Assert.True(StoredPhoto.IsId(p.Id)));
    }

    [Fact]
    public async Task KeepAsync_OversizedFakeAndBomb_EachSkippedWithAReceiptLine()
    {
        var mail = Mail(
            null,
            new MailAttachment("huge.jpg", "image/jpeg", null, 200L * 1024 * 1024, ReadOnlyMemory<byte>.Empty),
            new MailAttachment("fake.jpg", "image/jpeg", null, 5_000, new byte[5_000]),
            new MailAttachment("bomb.png", "image/png", null, 9_000, ScriptedPhotoImaging.Picture(65_000, 65_000, PhotoFormat.Png, 9_000)),
            new MailAttachment("broken.jpg", "image/jpeg", null, 9_000, Broken(PhotoFormat.Jpeg)));

        var summary = await CreateSut().KeepAsync("alex", Day, "m:1", mail);

        Assert.Equal(0, summary.Kept);
        Assert.Equal(
            [
                "huge.jpg is larger than 10 MB, so it wasn't kept.",
                "fake.jpg isn't a photo we can read, so it wasn't kept.",
                "bomb.png is too large to show (over 50 megapixels), so it wasn't kept.",
                "broken.jpg couldn't be opened, so it wasn't kept.",
            ],
            summary.Skipped);
        Assert.Empty(store.Of("alex"));
    }

    [Fact]
    public async Task KeepAsync_HeicThatCannotBeDecoded_KeptWithoutAThumbnail()
    {
        var heic = Broken(PhotoFormat.Heic);

        var summary = await CreateSut().KeepAsync("alex", Day, "m:1", Mail(null, new MailAttachment("IMG_9.heic", "image/heic", null, heic.Length, heic)));

        Assert.Equal(1, summary.Kept);
        var photo = Assert.Single(store.Of("alex"));
        Assert.Equal((PhotoFormat.Heic, false), (photo.Format, photo.HasThumbnail));
    }

    [Fact]
    public async Task KeepAsync_SixPhotosOverTwoRepliesTheSameDay_FourKeptTheRestNamed()
    {
        var sut = CreateSut();
        await sut.KeepAsync("alex", Day, "m:1", Mail(null, Photo("a.jpg"), Photo("b.jpg"), Photo("c.jpg")));

        var second = await sut.KeepAsync("alex", Day, "m:2", Mail(null, Photo("d.jpg"), Photo("e.jpg"), Photo("f.jpg")));

        Assert.Equal(1, second.Kept);
        Assert.Equal(["e.jpg wasn't kept: a day holds 4 photos.", "f.jpg wasn't kept: a day holds 4 photos."], second.Skipped);
        Assert.Equal(4, store.Of("alex").Count);
    }

    [Fact]
    public async Task KeepAsync_SameMailDeliveredAgain_CountedNotStoredOrDecodedAgain()
    {
        var sut = CreateSut();
        var mail = Mail(null, Photo("a.jpg"), Photo("b.jpg"));
        await sut.KeepAsync("alex", Day, "m:1", mail);
        var reads = imaging.Reads;

        var again = await sut.KeepAsync("alex", Day, "m:1", mail);

        Assert.Equal(2, again.Kept);
        Assert.Equal((2, 2, reads), (store.Of("alex").Count, store.Saves, imaging.Reads));
    }

    [Fact]
    public async Task KeepAsync_TwoSubscribersSameMessage_EachKeepsTheirOwn()
    {
        var sut = CreateSut();
        var mail = Mail(null, Photo("a.jpg"));

        await sut.KeepAsync("alex", Day, "m:1", mail);
        await sut.KeepAsync("sam", Day, "m:1", mail);

        Assert.NotEqual(Assert.Single(store.Of("alex")).Id, Assert.Single(store.Of("sam")).Id);
    }

    [Fact]
    public async Task PreviewAsync_ThreeKeptAndAReplyWithAPhotoAFakeAndTwoMore_CountsWhatKeepAsyncAddsAndStoresNothing()
    {
        var sut = CreateSut();
        await sut.KeepAsync("alex", Day, "m:1", Mail(null, Photo("a.jpg"), Photo("b.jpg"), Photo("c.jpg")));
        var second = Mail(null, Photo("d.jpg"), new MailAttachment("fake.jpg", "image/jpeg", null, 5_000, new byte[5_000]), Photo("e.jpg"));

        var preview = await sut.PreviewAsync("alex", Day, "m:2", second);
        var storedAfterPreview = (store.Of("alex").Count, store.Saves);
        var kept = await sut.KeepAsync("alex", Day, "m:2", second);

        Assert.Equal((3, 3), storedAfterPreview);
        Assert.Equal((1, 1), (preview.Added, kept.Added));
        Assert.Equal(kept.Skipped, preview.Skipped);
        Assert.Equal(["fake.jpg isn't a photo we can read, so it wasn't kept.", "e.jpg wasn't kept: a day holds 4 photos."], preview.Skipped);
    }

    private static byte[] Broken(PhotoFormat format) => [.. System.Text.Encoding.ASCII.GetBytes($"PHOTO {format} broken\n"), .. new byte[9_000]];

    private static MailAttachment Photo(string name) => new(name, "image/jpeg", null, 50_000, ScriptedPhotoImaging.Picture(1200, 900));

    private static InboundMail Mail(string? html, params MailAttachment[] attachments) =>
        new("m1@example.org", "alex@example.org", ["reply@example.org"], "Re", "1. Soup", html, true, true, "hash") { Attachments = attachments };

    private ReplyPhotos CreateSut() => new(imaging, store, NullLogger<ReplyPhotos>.Instance);
}
