using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Subscriptions;
using Compersion.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Journal;

public sealed class JournalWriterTests
{
    private readonly InMemorySubscriberStore subscribers = new();
    private readonly InMemoryEntryStore entries = new();
    private readonly InMemoryActStore acts = new();

    [Fact]
    public void Understand_ItemsAndActs_ItemsGetSignalsAndActsACategoryAndRecipient()
    {
        var addition = JournalWriter.Understand(["My friend Lea got the job", "  "], ["left flowers on my neighbour's doorstep", ""]);

        var item = Assert.Single(addition.Items);
        Assert.True(item.Social);
        Assert.True(item.Compersion);
        Assert.Equal(new KindAct("left flowers on my neighbour's doorstep", "gift", "neighbour"), Assert.Single(addition.Acts));
    }

    [Fact]
    public async Task WriteAsync_SameKeyTwice_StoresOnce()
    {
        var sut = await CreateSutAsync();
        var addition = JournalWriter.Understand(["warm socks"], ["fed the cat next door"]);

        await sut.WriteAsync(Subscriber(), Date("2026-11-24"), addition, "k1", countsAsReply: true);
        await sut.WriteAsync(Subscriber(), Date("2026-11-24"), addition, "k1", countsAsReply: true);

        Assert.Single(Assert.Single(await entries.GetEntriesAsync(AlexId)).Items);
        Assert.Single(Assert.Single(await acts.GetActsAsync(AlexId)).Acts);
    }

    [Fact]
    public async Task WriteAsync_TwoKeysOneDate_MergesIntoTheDay()
    {
        var sut = await CreateSutAsync();

        await sut.WriteAsync(Subscriber(), Date("2026-11-24"), JournalWriter.Understand(["warm socks"], []), "k1", countsAsReply: true);
        await sut.WriteAsync(Subscriber(), Date("2026-11-24"), JournalWriter.Understand(["soup with Ana"], []), "k2", countsAsReply: true);

        Assert.Equal(["warm socks", "soup with Ana"], Assert.Single(await entries.GetEntriesAsync(AlexId)).Items.Select(i => i.Text));
    }

    [Fact]
    public async Task WriteAsync_Reply_EndsTheBackOff()
    {
        var sut = await CreateSutAsync();

        await sut.WriteAsync(Subscriber(), Date("2026-11-24"), JournalWriter.Understand(["warm socks"], []), "k1", countsAsReply: true);

        Assert.Equal(Date("2026-11-24"), (await subscribers.FindByIdAsync(AlexId))!.LastReplyDate);
    }

    [Fact]
    public async Task WriteAsync_NothingToAdd_LeavesTheBackOff()
    {
        var sut = await CreateSutAsync();

        await sut.WriteAsync(Subscriber(), Date("2026-11-24"), JournalAddition.Empty, "k1", countsAsReply: true);

        Assert.Null((await subscribers.FindByIdAsync(AlexId))!.LastReplyDate);
        Assert.Empty(await entries.GetEntriesAsync(AlexId));
    }

    private async Task<JournalWriter> CreateSutAsync()
    {
        await subscribers.AddOrGetAsync(Subscriber());
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        return new JournalWriter(entries, acts, new SettingsService(subscribers, new UnusedScheduleStore(), time));
    }
}
