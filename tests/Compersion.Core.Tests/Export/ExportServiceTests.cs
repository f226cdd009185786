using System.Text.Json;
using Compersion.Core.Export;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Photos;
using Compersion.Core.Tests.Fakes;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Export;

public sealed class ExportServiceTests
{
    private readonly InMemorySubscriberStore subscribers = new();
    private readonly InMemoryEntryStore entries = new();
    private readonly InMemoryActStore acts = new();
    private readonly InMemoryPhotoStore photos = new();

    [Fact]
    public async Task ExportAsync_ActsOnDaysWithAndWithoutItems_ExportsTheActsPerDay()
    {
        var subscriber = await subscribers.AddOrGetAsync(Subscriber());
        await entries.AppendAsync(AlexId, Date("2026-11-24"), [new JournalItem("rain")]);
        await acts.AppendAsync(AlexId, Date("2026-11-24"), [new KindAct("fed the cat next door")]);
        await acts.AppendAsync(AlexId, Date("2026-11-22"), [new KindAct("a note for the postman", "words", "community")]);
        var sut = new ExportService(subscribers, entries, acts, photos);

        var export = await sut.ExportAsync(subscriber);

        Assert.Equal(["2026-11-22", "2026-11-24"], export.Entries.Select(day => day.Date));
        Assert.Empty(export.Entries[0].Items);
        Assert.Equal(new KindAct("a note for the postman", "words", "community"), Assert.Single(export.Entries[0].Acts));
        Assert.Equal("rain", Assert.Single(export.Entries[1].Items).Text);
        Assert.Equal("fed the cat next door", Assert.Single(export.Entries[1].Acts).Text);
    }

    [Fact]
    public async Task ToJson_ItemsAndActsFromAReply_NoMessageKeysInTheExport()
    {
        var subscriber = await subscribers.AddOrGetAsync(Subscriber());
        await entries.AppendAsync(AlexId, Date("2026-11-24"), [new JournalItem("rain") { Source = "m:0123456789abcdef" }]);
        await acts.AppendAsync(AlexId, Date("2026-11-24"), [new KindAct("fed the cat next door") { Source = "m:0123456789abcdef" }]);
        var export = await new ExportService(subscribers, entries, acts, photos).ExportAsync(subscriber);

        var json = ExportService.ToJson(export);

        Assert.Contains("fed the cat next door", json, StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789abcdef", json, StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789abcdef", ExportService.ToMarkdown(export), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToJson_DayWithAnAct_WritesTheActsBesideTheItems()
    {
        var subscriber = await subscribers.AddOrGetAsync(Subscriber());
        await acts.AppendAsync(AlexId, Date("2026-11-24"), [new KindAct("fed the cat next door")]);
        var export = await new ExportService(subscribers, entries, acts, photos).ExportAsync(subscriber);

        var json = ExportService.ToJson(export);

        using var document = JsonDocument.Parse(json);
        var day = Assert.Single(document.RootElement.GetProperty("entries").EnumerateArray());
        Assert.Equal(0, day.GetProperty("items").GetArrayLength());
        Assert.Equal("fed the cat next door", day.GetProperty("acts")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task ToJson_SubscriberWithAFurtherAddress_CarriesIt()
    {
        var subscriber = await subscribers.AddOrGetAsync(Subscriber() with { ExtraAddresses = ["alex@work.example"] });
        var export = await new ExportService(subscribers, entries, acts, photos).ExportAsync(subscriber);

        var json = ExportService.ToJson(export);

        using var document = JsonDocument.Parse(json);
        Assert.Equal(["alex@work.example"], document.RootElement.GetProperty("extraAddresses").EnumerateArray().Select(address => address.GetString()));
    }

    [Fact]
    public async Task ToJson_PausedUntilADateWithTheDigestOff_CarriesThePauseAndBothSwitches()
    {
        var subscriber = await subscribers.AddOrGetAsync(Subscriber().PauseUntil(Date("2026-12-28")) with { DigestEnabled = false });
        var export = await new ExportService(subscribers, entries, acts, photos).ExportAsync(subscriber);

        var json = ExportService.ToJson(export);

        using var document = JsonDocument.Parse(json);
        var settings = document.RootElement.GetProperty("settings");
        Assert.Equal("paused", settings.GetProperty("status").GetString());
        Assert.Equal("2026-12-28", settings.GetProperty("pausedUntil").GetString());
        Assert.True(settings.GetProperty("promptsEnabled").GetBoolean());
        Assert.False(settings.GetProperty("digestEnabled").GetBoolean());
    }

    [Fact]
    public async Task ToJsonAndMarkdown_PhotosOnADayWithItemsAndOnADayOfPhotosAlone_ListedWithNameTypeSizeAndZipPath()
    {
        var subscriber = await subscribers.AddOrGetAsync(Subscriber());
        await entries.AppendAsync(AlexId, Date("2026-11-24"), [new JournalItem("A walk by the river with Sam")]);
        await photos.SaveAsync(AlexId, new StoredPhoto(Date("2026-11-24"), "0123456789abcdef0123", PhotoFormat.Jpeg, "river.jpg", 250_000, true), new byte[10], new byte[4]);
        await photos.SaveAsync(AlexId, new StoredPhoto(Date("2026-11-26"), "fedcba98765432100123", PhotoFormat.Heic, "IMG_0042.HEIC", 2_400_000, false), new byte[10], null);
        await photos.SaveAsync("someoneelse00000", new StoredPhoto(Date("2026-11-24"), "00000000000000000000", PhotoFormat.Png, "not-yours.png", 10, true), new byte[10], new byte[4]);
        var export = await new ExportService(subscribers, entries, acts, photos).ExportAsync(subscriber);

        var json = ExportService.ToJson(export);
        var markdown = ExportService.ToMarkdown(export);

        using var document = JsonDocument.Parse(json);
        var days = document.RootElement.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["2026-11-24", "2026-11-26"], days.Select(day => day.GetProperty("date").GetString()));
        var river = Assert.Single(days[0].GetProperty("photos").EnumerateArray());
        Assert.Equal(
            ("river.jpg", "image/jpeg", 250_000L, "photos/2026-11-24/0123456789abcdef0123.jpg"),
            (river.GetProperty("name").GetString(), river.GetProperty("type").GetString(), river.GetProperty("size").GetInt64(), river.GetProperty("path").GetString()));
        Assert.Equal(0, days[1].GetProperty("items").GetArrayLength());
        Assert.Equal("photos/2026-11-26/fedcba98765432100123.heic", Assert.Single(days[1].GetProperty("photos").EnumerateArray()).GetProperty("path").GetString());
        Assert.DoesNotContain("not-yours", json, StringComparison.Ordinal);
        Assert.Contains("1. A walk by the river with Sam\n\nPhotos:\n\n- river.jpg (JPEG, 244 KB): `photos/2026-11-24/0123456789abcdef0123.jpg`\n", markdown, StringComparison.Ordinal);
        Assert.Contains("## Thursday, 26 November 2026\n\nPhotos:\n\n- IMG\\_0042.HEIC (HEIC, 2.3 MB): `photos/2026-11-26/fedcba98765432100123.heic`\n", markdown, StringComparison.Ordinal);
    }
}
