using System.Text;
using Compersion.Core.Import;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Subscriptions;
using Compersion.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Import;

public sealed class ImportServiceTests
{
    private readonly InMemoryEntryStore entries = new();
    private readonly InMemoryActStore acts = new();
    private readonly InMemorySubscriberStore subscribers = new();

    [Fact]
    public async Task ImportAsync_DabbleText_ItemsSplitAndUnderstoodAsRepliesAre()
    {
        var sut = CreateSut();

        var result = await sut.ImportAsync(Subscriber(), Encoding.UTF8.GetBytes("## 2024-05-20\n1. Coffee with Ana\n2. The rain stopped\nkindness: a note for the postman\n"));

        Assert.True(result.Succeeded, result.Message);
        var entry = Assert.Single(await entries.GetEntriesAsync(AlexId));
        Assert.Equal(Date("2024-05-20"), entry.Date);
        Assert.Equal(["Coffee with Ana", "The rain stopped"], entry.Items.Select(i => i.Text));
        Assert.True(entry.Items[0].Social);
        Assert.Equal("a note for the postman", Assert.Single(Assert.Single(await acts.GetActsAsync(AlexId)).Acts).Text);
        Assert.Contains("Imported 1 day", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_SameFileTwice_AddsNothingTheSecondTime()
    {
        var sut = CreateSut();
        var file = Encoding.UTF8.GetBytes("2013-05-20\n\nWalked with Jo\n\n2013-05-21\n\nSoup\n");
        await sut.ImportAsync(Subscriber(), file);

        var again = await sut.ImportAsync(Subscriber(), file);

        Assert.True(again.Succeeded);
        Assert.Equal([1, 1], (await entries.GetEntriesAsync(AlexId)).Select(e => e.Items.Count));
    }

    [Fact]
    public async Task ImportAsync_LastDayMalformed_WritesNothingAtAll()
    {
        var sut = CreateSut();

        var result = await sut.ImportAsync(Subscriber(), Encoding.UTF8.GetBytes("## 2024-05-20\nfine\n## 2024-05-21\nfine too\n## 2024-13-01\nbroken\n"));

        Assert.False(result.Succeeded);
        Assert.Contains("Line 5", result.Message, StringComparison.Ordinal);
        Assert.Empty(await entries.GetEntriesAsync(AlexId));
    }

    [Fact]
    public async Task ImportAsync_DayWithMoreItemsThanAReplyMayHold_WritesNothing()
    {
        var sut = CreateSut();
        var many = string.Join('\n', Enumerable.Range(1, 101).Select(i => $"- thing {i}"));

        var result = await sut.ImportAsync(Subscriber(), Encoding.UTF8.GetBytes("## 2024-05-20\nfine\n## 2024-05-21\n" + many));

        Assert.False(result.Succeeded);
        Assert.Contains("more than 100 items", result.Message, StringComparison.Ordinal);
        Assert.Empty(await entries.GetEntriesAsync(AlexId));
    }

    [Fact]
    public async Task ImportAsync_KindnessLine_ActKeepsItsCategoryAndRecipient()
    {
        var sut = CreateSut();

        await sut.ImportAsync(Subscriber(), Encoding.UTF8.GetBytes("## 2024-05-20\n1. Coffee with Ana\nkindness: left flowers on my neighbour's doorstep\n"));

        var day = Assert.Single(await acts.GetActsAsync(AlexId));
        Assert.Equal(new KindAct("left flowers on my neighbour's doorstep", "gift", "neighbour"), Assert.Single(day.Acts) with { Source = null });
    }

    [Fact]
    public async Task ImportAsync_OldDays_DoNotCountAsAReply()
    {
        var sut = CreateSut();
        await subscribers.AddOrGetAsync(Subscriber());

        await sut.ImportAsync(Subscriber(), Encoding.UTF8.GetBytes("## 2026-11-24\n1. Coffee with Ana\n"));

        Assert.Null((await subscribers.FindByIdAsync(AlexId))!.LastReplyDate);
    }

    private ImportService CreateSut()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        return new(new JournalWriter(entries, acts, new SettingsService(subscribers, new UnusedScheduleStore(), time)), time, NullLogger<ImportService>.Instance);
    }
}
