using Compersion.Core.Digests;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Subscribers;
using NodaTime;

namespace Compersion.Storage.Tests.Digests;

public sealed class TableDigestLogTests(AzuriteFixture fixture) : StorageTestBase(fixture)
{
    private static readonly LocalDate Sunday = new(2026, 11, 29);

    private readonly string subscriberId = SubscriberId.New();

    private IDigestLog Log => Harness.Get<IDigestLog>();

    [Fact]
    public async Task RecordAsync_FirstTime_IsStoredAndReadWithTheJournal()
    {
        var record = new DigestRecord(Sunday, ["aaaa1111", "bbbb2222", "cccc3333"]);

        var stored = await Log.RecordAsync(subscriberId, record);
        var journal = await Harness.Get<ISubscriberJournal>().LoadAsync(subscriberId);

        Assert.Equal(record.IdeaIds, stored.IdeaIds);
        var read = Assert.Single(journal.Digests);
        Assert.Equal(Sunday, read.Date);
        Assert.Equal(record.IdeaIds, read.IdeaIds);
        Assert.Empty(journal.Entries);
        Assert.Empty(journal.Acts);
    }

    [Fact]
    public async Task RecordAsync_SecondTimeWithOtherIdeas_KeepsAndReturnsTheFirst()
    {
        await Log.RecordAsync(subscriberId, new DigestRecord(Sunday, ["aaaa1111", "bbbb2222", "cccc3333"]));

        var second = await Log.RecordAsync(subscriberId, new DigestRecord(Sunday, ["dddd4444", "eeee5555", "ffff6666"]));

        Assert.Equal(["aaaa1111", "bbbb2222", "cccc3333"], second.IdeaIds);
        Assert.Equal(["aaaa1111", "bbbb2222", "cccc3333"], Assert.Single((await Harness.Get<ISubscriberJournal>().LoadAsync(subscriberId)).Digests).IdeaIds);
    }

    [Fact]
    public async Task RecordAsync_TenAtOnce_AllGetTheOneThatWon()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => Log.RecordAsync(subscriberId, new DigestRecord(Sunday, [$"{i:x8}"])))));

        Assert.Single(results.Select(result => result.IdeaIds[0]).Distinct());
    }

    [Fact]
    public async Task LoadAsync_DigestRowsBesideEntriesAndActs_EachReadAsItsOwnKind()
    {
        await Harness.Get<IEntryStore>().AppendAsync(subscriberId, Sunday.PlusDays(-1), [new JournalItem("Sam made pancakes")]);
        await Harness.Get<IActStore>().AppendAsync(subscriberId, Sunday.PlusDays(-1), [new KindAct("fed the birds", "food", "animal")]);
        await Log.RecordAsync(subscriberId, new DigestRecord(Sunday.PlusWeeks(-1), ["aaaa1111"]));
        await Log.RecordAsync(subscriberId, new DigestRecord(Sunday, ["bbbb2222"]));

        var journal = await Harness.Get<ISubscriberJournal>().LoadAsync(subscriberId);

        Assert.Equal("Sam made pancakes", Assert.Single(Assert.Single(journal.Entries).Items).Text);
        Assert.Equal("fed the birds", Assert.Single(Assert.Single(journal.Acts).Acts).Text);
        Assert.Equal([Sunday.PlusWeeks(-1), Sunday], journal.Digests.Select(digest => digest.Date));
    }
}
