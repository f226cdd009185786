using Azure.Data.Tables;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Subscribers;
using NodaTime;

namespace Compersion.Storage.Tests.Kindness;

public sealed class TableActStoreTests(AzuriteFixture fixture) : StorageTestBase(fixture)
{
    private static readonly LocalDate Day = new(2025, 6, 1);

    private readonly string subscriberId = SubscriberId.New();

    private IActStore Store => Harness.Get<IActStore>();

    [Fact]
    public async Task AppendAsync_NewDate_StoresTheActsAsWritten()
    {
        KindAct[] acts =
        [
            new("left flowers on my neighbour's doorstep"),
            new("paid for the coffee of the person behind me", "generosity", "stranger"),
            new("Kaffee für Jürgen – heimlich 😊"),
        ];

        await Store.AppendAsync(subscriberId, Day, acts);
        var days = await Store.GetActsAsync(subscriberId);

        var day = Assert.Single(days);
        Assert.Equal(subscriberId, day.SubscriberId);
        Assert.Equal(Day, day.Date);
        Assert.Equal(acts, day.Acts);
    }

    [Fact]
    public async Task AppendAsync_SameDateTwice_AppendsInOrder()
    {
        await Store.AppendAsync(subscriberId, Day, [new KindAct("first")]);

        await Store.AppendAsync(subscriberId, Day, [new KindAct("second")]);

        var day = Assert.Single(await Store.GetActsAsync(subscriberId));
        Assert.Equal(["first", "second"], day.Acts.Select(act => act.Text));
    }

    [Fact]
    public async Task AppendAsync_SameKeyTwice_StoresTheActsOnce()
    {
        await Store.AppendAsync(subscriberId, Day, [new KindAct("washed my flatmate's dishes")], "m:abc");

        await Store.AppendAsync(subscriberId, Day, [new KindAct("washed my flatmate's dishes")], "m:abc");

        Assert.Single(Assert.Single(await Store.GetActsAsync(subscriberId)).Acts);
    }

    [Fact]
    public async Task AppendAsync_TenConcurrentAppendsWithOneKey_StoresTheActsOnce()
    {
        KindAct[] acts = [new("left flowers on my neighbour's doorstep"), new("fed the neighbour's cat")];

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Store.AppendAsync(subscriberId, Day, acts, "m:same-message")));

        Assert.Equal(acts, Assert.Single(await Store.GetActsAsync(subscriberId)).Acts);
    }

    [Fact]
    public async Task AppendAsync_TenConcurrentAppendsWithDifferentKeys_KeepsAllTen()
    {
        var texts = Enumerable.Range(1, 10).Select(i => $"act {i}").ToList();

        await Task.WhenAll(texts.Select(text => Store.AppendAsync(subscriberId, Day, [new KindAct(text)], "k:" + text.Replace(' ', '-'))));

        var day = Assert.Single(await Store.GetActsAsync(subscriberId));
        Assert.Equal(texts.Order(), day.Acts.Select(act => act.Text).Order());
    }

    [Fact]
    public async Task AppendAsync_KeyAlreadyUsedForTheSameDatesEntry_StillStoresTheActs()
    {
        await Harness.Get<IEntryStore>().AppendAsync(subscriberId, Day, [new JournalItem("a walk")], "m:reply");

        await Store.AppendAsync(subscriberId, Day, [new KindAct("left a note for the postman")], "m:reply");

        Assert.Equal("left a note for the postman", Assert.Single(Assert.Single(await Store.GetActsAsync(subscriberId)).Acts).Text);
    }

    [Fact]
    public async Task AppendAsync_NoActs_CreatesNoRow()
    {
        await Store.AppendAsync(subscriberId, Day, []);

        Assert.Empty(await RowKeysAsync(subscriberId));
    }

    [Fact]
    public async Task AppendAsync_KnownSubscriber_WritesAnActsRowIntoTheProfilesPartition()
    {
        var subscriber = await Harness.Get<ISubscriberStore>().AddOrGetAsync(TestData.NewSubscriber());
        await Harness.Get<IEntryStore>().AppendAsync(subscriber.Id, Day, [new JournalItem("a walk")]);

        await Store.AppendAsync(subscriber.Id, Day, [new KindAct("carried a stranger's pram up the stairs")]);

        Assert.Equal(["2025-06-01", "act-2025-06-01", "profile", "stamp"], await RowKeysAsync(subscriber.Id));
    }

    [Fact]
    public async Task GetActsAsync_DatesWrittenOutOfOrder_ReturnsThemOldestFirst()
    {
        LocalDate[] dates = [new(2025, 6, 3), new(2024, 12, 31), new(2025, 1, 10), new(2025, 6, 1)];
        foreach (var date in dates)
        {
            await Store.AppendAsync(subscriberId, date, [new KindAct("something kind")]);
        }

        var days = await Store.GetActsAsync(subscriberId);

        Assert.Equal(dates.Order(), days.Select(day => day.Date));
    }

    [Fact]
    public async Task GetActsAsync_SubscriberWithAProfileAndEntries_ReturnsOnlyTheActs()
    {
        var subscriber = await Harness.Get<ISubscriberStore>().AddOrGetAsync(TestData.NewSubscriber());
        await Harness.Get<IEntryStore>().AppendAsync(subscriber.Id, Day, [new JournalItem("a walk")]);
        await Store.AppendAsync(subscriber.Id, Day.PlusDays(1), [new KindAct("the only act")]);

        var days = await Store.GetActsAsync(subscriber.Id);

        Assert.Equal(Day.PlusDays(1), Assert.Single(days).Date);
    }

    [Fact]
    public async Task GetActsAsync_AnotherSubscribersActs_AreNotReturned()
    {
        await Store.AppendAsync(SubscriberId.New(), Day, [new KindAct("not yours")]);
        await Store.AppendAsync(subscriberId, Day, [new KindAct("yours")]);

        var days = await Store.GetActsAsync(subscriberId);

        Assert.Equal("yours", Assert.Single(Assert.Single(days).Acts).Text);
    }

    [Fact]
    public async Task GetEntriesAsync_SubscriberWithActs_NeverReturnsTheActsAsEntries()
    {
        var entries = Harness.Get<IEntryStore>();
        await Store.AppendAsync(subscriberId, Day, [new KindAct("an act")]);
        await Store.AppendAsync(subscriberId, Day.PlusDays(1), [new KindAct("another act")]);
        await entries.AppendAsync(subscriberId, Day.PlusDays(1), [new JournalItem("a gratitude")]);

        var journal = await entries.GetEntriesAsync(subscriberId);

        var entry = Assert.Single(journal);
        Assert.Equal(Day.PlusDays(1), entry.Date);
        Assert.Equal("a gratitude", Assert.Single(entry.Items).Text);
    }

    [Fact]
    public async Task ListAsync_SubscribersWithActs_ReturnsOnlyTheSubscribers()
    {
        var subscribers = Harness.Get<ISubscriberStore>();
        var added = new List<Subscriber>();
        for (var i = 0; i < 3; i++)
        {
            var subscriber = await subscribers.AddOrGetAsync(TestData.NewSubscriber());
            await Store.AppendAsync(subscriber.Id, Day, [new KindAct("an act")]);
            added.Add(subscriber);
        }

        var listed = await subscribers.ListAsync().ToListAsync();

        Assert.Equal(added.OrderBy(s => s.Id), listed.OrderBy(s => s.Id));
    }

    [Fact]
    public async Task AppendAsync_SubscriberWithAProfile_LeavesTheProfileAsItWas()
    {
        var subscribers = Harness.Get<ISubscriberStore>();
        var subscriber = await subscribers.AddOrGetAsync(TestData.NewSubscriber());

        await Store.AppendAsync(subscriber.Id, Day, [new KindAct("an act")]);

        Assert.Equal(subscriber, await subscribers.FindByIdAsync(subscriber.Id));
    }

    private async Task<List<string>> RowKeysAsync(string partition)
    {
        var rowKeys = new List<string>();
        await foreach (var row in Harness.SubscribersTable(partition).QueryAsync<TableEntity>(row => row.PartitionKey == partition))
        {
            rowKeys.Add(row.RowKey);
        }

        return [.. rowKeys.Order(StringComparer.Ordinal)];
    }
}
