using Compersion.Core.Access;
using Compersion.Core.Photos;
using Compersion.Core.Security;
using Compersion.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Photos;

public sealed class JournalPhotosTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 20, 0, 0, TimeSpan.Zero);
    private static readonly LocalDate Day = new(2026, 11, 25);
    private readonly InMemorySubscriberStore subscribers = new();
    private readonly InMemoryPhotoStore store = new();

    [Fact]
    public async Task OpenAsync_OwnJournalLink_ServesThePhotoOrItsThumbnail()
    {
        var photo = await SeedAsync(AlexId, "aaaaaaaaaaaaaaaaaaaa");

        var opened = await CreateSut().OpenAsync(Link(TokenPurpose.Journal, AlexId), "2026-11-25", photo.Id, thumbnail: true);

        Assert.Equal(PhotoAccessOutcome.Open, opened.Outcome);
        await using var content = opened.Content!;
        Assert.Equal(3, content.Length);
    }

    [Fact]
    public async Task OpenAsync_AnotherSubscribersPhotoId_NotFound()
    {
        var alexPhoto = await SeedAsync(AlexId, "aaaaaaaaaaaaaaaaaaaa");
        await SeedAsync(SamId, "bbbbbbbbbbbbbbbbbbbb");

        var opened = await CreateSut().OpenAsync(Link(TokenPurpose.Journal, SamId), "2026-11-25", alexPhoto.Id, thumbnail: false);

        Assert.Equal(PhotoAccessOutcome.NotFound, opened.Outcome);
        Assert.Null(opened.Content);
    }

    [Theory]
    [InlineData("settings", PhotoAccessOutcome.Refused)]
    [InlineData("tampered", PhotoAccessOutcome.Refused)]
    [InlineData("none", PhotoAccessOutcome.Refused)]
    [InlineData("expired", PhotoAccessOutcome.Expired)]
    public async Task OpenAsync_NoValidJournalLink_RefusedWithoutReadingPhotos(string link, PhotoAccessOutcome expected)
    {
        var photo = await SeedAsync(AlexId, "aaaaaaaaaaaaaaaaaaaa");
        var token = link switch
        {
            "settings" => Link(TokenPurpose.Settings, AlexId),
            "tampered" => Link(TokenPurpose.Journal, AlexId)[..^2] + "xx",
            "expired" => Signer().ForLink(TokenPurpose.Journal, AlexId, Instant.FromDateTimeOffset(Now).Minus(Duration.FromMinutes(5))),
            _ => null,
        };

        var opened = await CreateSut().OpenAsync(token, "2026-11-25", photo.Id, thumbnail: false);

        Assert.Equal(expected, opened.Outcome);
        Assert.Null(opened.Content);
    }

    [Theory]
    [InlineData("../../inbound-raw/x")]
    [InlineData("AAAAAAAAAAAAAAAAAAAA")]
    [InlineData("")]
    public async Task OpenAsync_IdNotOfTheIdShape_NotFound(string id)
    {
        await SeedAsync(AlexId, "aaaaaaaaaaaaaaaaaaaa");

        var opened = await CreateSut().OpenAsync(Link(TokenPurpose.Journal, AlexId), "2026-11-25", id, thumbnail: false);

        Assert.Equal(PhotoAccessOutcome.NotFound, opened.Outcome);
    }

    [Fact]
    public async Task DeleteAsync_OwnPhoto_GoneAndTheOtherSubscribersStays()
    {
        var photo = await SeedAsync(AlexId, "aaaaaaaaaaaaaaaaaaaa");
        await SeedAsync(SamId, "aaaaaaaaaaaaaaaaaaaa");

        var deleted = await CreateSut().DeleteAsync((await subscribers.FindByIdAsync(AlexId))!, Day, photo.Id);

        Assert.True(deleted);
        Assert.Empty(store.Of(AlexId));
        Assert.Single(store.Of(SamId));
    }

    private async Task<StoredPhoto> SeedAsync(string subscriberId, string id)
    {
        await subscribers.AddOrGetAsync(Subscriber(subscriberId) with { Email = subscriberId + "@example.org" });
        var photo = new StoredPhoto(Day, id, PhotoFormat.Jpeg, "a.jpg", 10, HasThumbnail: true);
        await store.SaveAsync(subscriberId, photo, new byte[10], new byte[3]);
        return photo;
    }

    private static string Link(TokenPurpose purpose, string subscriberId) =>
        Signer().ForLink(purpose, subscriberId, Instant.FromDateTimeOffset(Now).Plus(Duration.FromHours(20)));

    private JournalPhotos CreateSut() => new(Signer(), subscribers, store, new InMemoryJournal(subscribers, new InMemoryEntryStore(), new InMemoryActStore()), new FakeTimeProvider(Now));
}
