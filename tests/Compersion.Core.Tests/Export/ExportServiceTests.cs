using System.Text.Json;
using Compersion.Core.Export;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Tests.Fakes;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Export;

public sealed class ExportServiceTests
{
    private readonly InMemorySubscriberStore subscribers = new();
    private readonly InMemoryEntryStore entries = new();
    private readonly InMemoryActStore acts = new();

    [Fact]
    public async Task ExportAsync_ActsOnDaysWithAndWithoutItems_ExportsTheActsPerDay()
    {
        var subscriber = await subscribers.AddOrGetAsync(Subscriber());
        await entries.AppendAsync(AlexId, Date("2026-11-24"), [new JournalItem("rain")]);
        await acts.AppendAsync(AlexId, Date("2026-11-24"), [new KindAct("fed the cat next door")]);
        await acts.AppendAsync(AlexId, Date("2026-11-22"), [new KindAct("a note for the postman", "words", "community")]);
        var sut = new ExportService(subscribers, entries, acts);

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
        var export = await new ExportService(subscribers, entries, acts).ExportAsync(subscriber);

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
        var export = await new ExportService(subscribers, entries, acts).ExportAsync(subscriber);

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
        var export = await new ExportService(subscribers, entries, acts).ExportAsync(subscriber);

        var json = ExportService.ToJson(export);

        using var document = JsonDocument.Parse(json);
        Assert.Equal(["alex@work.example"], document.RootElement.GetProperty("extraAddresses").EnumerateArray().Select(address => address.GetString()));
    }

    [Fact]
    public async Task ToJson_PausedUntilADateWithTheDigestOff_CarriesThePauseAndBothSwitches()
    {
        var subscriber = await subscribers.AddOrGetAsync(Subscriber().PauseUntil(Date("2026-12-28")) with { DigestEnabled = false });
        var export = await new ExportService(subscribers, entries, acts).ExportAsync(subscriber);

        var json = ExportService.ToJson(export);

        using var document = JsonDocument.Parse(json);
        var settings = document.RootElement.GetProperty("settings");
        Assert.Equal("paused", settings.GetProperty("status").GetString());
        Assert.Equal("2026-12-28", settings.GetProperty("pausedUntil").GetString());
        Assert.True(settings.GetProperty("promptsEnabled").GetBoolean());
        Assert.False(settings.GetProperty("digestEnabled").GetBoolean());
    }
}
