using Compersion.Core.Journal;
using Compersion.Core.Subscribers;
using NodaTime;

namespace Compersion.Storage.Tests.Journal;

public sealed class TableEntryStoreTests(AzuriteFixture fixture) : StorageTestBase(fixture)
{
    private static readonly LocalDate Day = new(2025, 6, 1);

    private readonly string subscriberId = SubscriberId.New();

    private IEntryStore Store => Harness.Get<IEntryStore>();

    [Fact]
    public async Task AppendAsync_NewDate_StoresItemsWithTheirSignals()
    {
        JournalItem[] items =
        [
            new("Mia laughed at my terrible pun over breakfast", Social: true),
            new("my family", Vague: true),
            new("Sam got the job and was so proud", Social: true, Compersion: true),
            new("Kaffee mit Jürgen – schön 😊"),
        ];

        await Store.AppendAsync(subscriberId, Day, items);
        var entries = await Store.GetEntriesAsync(subscriberId);

        var entry = Assert.Single(entries);
        Assert.Equal(subscriberId, entry.SubscriberId);
        Assert.Equal(Day, entry.Date);
        Assert.Equal(items, entry.Items);
    }

    [Fact]
    public async Task AppendAsync_SameDateTwice_AppendsInOrder()
    {
        await Store.AppendAsync(subscriberId, Day, [new("first"), new("second")]);

        await Store.AppendAsync(subscriberId, Day, [new("third")]);

        var entry = Assert.Single(await Store.GetEntriesAsync(subscriberId));
        Assert.Equal(["first", "second", "third"], entry.Items.Select(item => item.Text));
    }

    [Fact]
    public async Task AppendAsync_TwentyConcurrentAppendsToOneDate_KeepsAllTwentyItems()
    {
        var texts = Enumerable.Range(1, 20).Select(i => $"item {i}").ToList();

        await Task.WhenAll(texts.Select(text => Store.AppendAsync(subscriberId, Day, [new JournalItem(text)])));

        var entry = Assert.Single(await Store.GetEntriesAsync(subscriberId));
        Assert.Equal(texts.Order(), entry.Items.Select(item => item.Text).Order());
    }

    [Fact]
    public async Task AppendAsync_SameTextFromTwoMessages_StoresItOnce()
    {
        await Store.AppendAsync(subscriberId, Day, [new JournalItem("Tea with Ana"), new JournalItem("the rain")], "m:first");

        await Store.AppendAsync(subscriberId, Day, [new JournalItem("tea with  Ana."), new JournalItem("Sam's soup")], "m:second");

        var entry = Assert.Single(await Store.GetEntriesAsync(subscriberId));
        Assert.Equal(["Tea with Ana", "the rain", "Sam's soup"], entry.Items.Select(item => item.Text));
    }

    [Fact]
    public async Task AppendAsync_SameKeyTwice_StoresTheItemsOnce()
    {
        await Store.AppendAsync(subscriberId, Day, [new JournalItem("first"), new JournalItem("second")], "m:abc");

        await Store.AppendAsync(subscriberId, Day, [new JournalItem("first"), new JournalItem("second")], "m:abc");

        Assert.Equal(2, Assert.Single(await Store.GetEntriesAsync(subscriberId)).Items.Count);
    }

    [Fact]
    public async Task AppendAsync_TenConcurrentAppendsWithOneKey_StoresTheItemsOnce()
    {
        JournalItem[] items = [new("Sam made soup"), new("the first snow")];

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Store.AppendAsync(subscriberId, Day, items, "m:same-message")));

        Assert.Equal(items, Assert.Single(await Store.GetEntriesAsync(subscriberId)).Items);
    }

    [Fact]
    public async Task AppendAsync_ItemsLongerThanOneColumn_RoundTrip()
    {
        var items = Enumerable.Range(0, 4).Select(i => new JournalItem(new string((char)('a' + i), 25_000) + "🌱")).ToList();

        await Store.AppendAsync(subscriberId, Day, items);

        var entry = Assert.Single(await Store.GetEntriesAsync(subscriberId));
        Assert.Equal(items, entry.Items);
    }

    [Fact]
    public async Task AppendAsync_NoItems_CreatesNoEntry()
    {
        await Store.AppendAsync(subscriberId, Day, []);

        Assert.Empty(await Store.GetEntriesAsync(subscriberId));
    }

    [Fact]
    public async Task GetEntriesAsync_DatesWrittenOutOfOrder_ReturnsThemOldestFirst()
    {
        LocalDate[] dates = [new(2025, 6, 3), new(2024, 12, 31), new(2025, 1, 10), new(2025, 6, 1)];
        foreach (var date in dates)
        {
            await Store.AppendAsync(subscriberId, date, [new JournalItem("something")]);
        }

        var entries = await Store.GetEntriesAsync(subscriberId);

        Assert.Equal(dates.Order(), entries.Select(entry => entry.Date));
    }

    [Fact]
    public async Task GetEntriesAsync_SubscriberWithAProfile_ReturnsOnlyTheEntries()
    {
        var subscriber = await Harness.Get<ISubscriberStore>().AddOrGetAsync(TestData.NewSubscriber());
        await Store.AppendAsync(subscriber.Id, Day, [new JournalItem("the only entry")]);

        var entries = await Store.GetEntriesAsync(subscriber.Id);

        Assert.Equal(Day, Assert.Single(entries).Date);
    }

    [Fact]
    public async Task GetEntriesAsync_SubscriberWithAProfileAndNoEntries_ReturnsNothing()
    {
        var subscriber = await Harness.Get<ISubscriberStore>().AddOrGetAsync(TestData.NewSubscriber());

        var entries = await Store.GetEntriesAsync(subscriber.Id);

        Assert.Empty(entries);
    }

    [Fact]
    public async Task AppendAsync_SubscriberWithAProfile_LeavesTheProfileAsItWas()
    {
        var subscribers = Harness.Get<ISubscriberStore>();
        var subscriber = await subscribers.AddOrGetAsync(TestData.NewSubscriber());

        await Store.AppendAsync(subscriber.Id, Day, [new JournalItem("something")]);

        Assert.Equal(subscriber, await subscribers.FindByIdAsync(subscriber.Id));
    }

    [Fact]
    public async Task GetEntriesAsync_AnotherSubscribersEntries_AreNotReturned()
    {
        await Store.AppendAsync(SubscriberId.New(), Day, [new JournalItem("not yours")]);
        await Store.AppendAsync(subscriberId, Day, [new JournalItem("yours")]);

        var entries = await Store.GetEntriesAsync(subscriberId);

        Assert.Equal("yours", Assert.Single(Assert.Single(entries).Items).Text);
    }
}
