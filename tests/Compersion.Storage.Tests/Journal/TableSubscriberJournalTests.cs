using Azure.Data.Tables;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Subscribers;
using Compersion.Development;
using NodaTime;

namespace Compersion.Storage.Tests.Journal;

public sealed class TableSubscriberJournalTests(AzuriteFixture fixture) : StorageTestBase(fixture)
{
    private static readonly LocalDate Day = new(2025, 6, 1);

    private ISubscriberJournal Journal => Harness.Get<ISubscriberJournal>();

    private ISubscriberStore Subscribers => Harness.Get<ISubscriberStore>();

    private IEntryStore Entries => Harness.Get<IEntryStore>();

    private IActStore Acts => Harness.Get<IActStore>();

    [Fact]
    public async Task LoadAsync_ProfileAndEntries_ReturnsBothInOneRoundTrip()
    {
        var subscriber = await Subscribers.AddOrGetAsync(FullyConfigured(TestData.NewSubscriber()));
        await Entries.AppendAsync(subscriber.Id, Day.PlusDays(2), [new JournalItem("later")]);
        await Entries.AppendAsync(subscriber.Id, Day, [new JournalItem("Sam got the job", Social: true, Compersion: true), new JournalItem("rain")]);
        var roundTrips = Harness.Get<StorageRoundTrips>();
        roundTrips.Reset();

        var journal = await Journal.LoadAsync(subscriber.Id);

        Assert.Equal(1, roundTrips.Count);
        Assert.Equal(subscriber, journal.Subscriber);
        Assert.Equal([Day, Day.PlusDays(2)], journal.Entries.Select(entry => entry.Date));
        Assert.Equal(await Entries.GetEntriesAsync(subscriber.Id), journal.Entries, new JournalEntryComparer());
    }

    [Fact]
    public async Task LoadAsync_ProfileEntriesAndActs_ReturnsAllInOneRoundTrip()
    {
        var subscriber = await Subscribers.AddOrGetAsync(TestData.NewSubscriber());
        await Entries.AppendAsync(subscriber.Id, Day, [new JournalItem("rain")]);
        await Acts.AppendAsync(subscriber.Id, Day.PlusDays(3), [new KindAct("fed the neighbour's cat", "practical help", "neighbour")]);
        await Acts.AppendAsync(subscriber.Id, Day, [new KindAct("left flowers on a doorstep"), new KindAct("a note for the postman")]);
        var roundTrips = Harness.Get<StorageRoundTrips>();
        roundTrips.Reset();

        var journal = await Journal.LoadAsync(subscriber.Id);

        Assert.Equal(1, roundTrips.Count);
        Assert.Equal(subscriber, journal.Subscriber);
        Assert.Equal(Day, Assert.Single(journal.Entries).Date);
        Assert.Equal([Day, Day.PlusDays(3)], journal.Acts.Select(day => day.Date));
        Assert.Equal(["left flowers on a doorstep", "a note for the postman"], journal.Acts[0].Acts.Select(act => act.Text));
        Assert.Equal(new KindAct("fed the neighbour's cat", "practical help", "neighbour"), Assert.Single(journal.Acts[1].Acts));
        Assert.All(journal.Acts, day => Assert.Equal(subscriber.Id, day.SubscriberId));
    }

    [Fact]
    public async Task LoadAsync_ProfileWithoutActs_ReturnsNoActs()
    {
        var subscriber = await Subscribers.AddOrGetAsync(TestData.NewSubscriber());
        await Entries.AppendAsync(subscriber.Id, Day, [new JournalItem("rain")]);

        var journal = await Journal.LoadAsync(subscriber.Id);

        Assert.Empty(journal.Acts);
    }

    [Fact]
    public async Task LoadAsync_ProfileWithoutEntries_ReturnsTheSubscriberAndNoEntries()
    {
        var subscriber = await Subscribers.AddOrGetAsync(TestData.NewSubscriber());

        var journal = await Journal.LoadAsync(subscriber.Id);

        Assert.Equal(subscriber, journal.Subscriber);
        Assert.Empty(journal.Entries);
    }

    [Fact]
    public async Task LoadAsync_UnknownSubscriber_ReturnsNobodyAndNoEntries()
    {
        await Subscribers.AddOrGetAsync(TestData.NewSubscriber());

        var journal = await Journal.LoadAsync(SubscriberId.New());

        Assert.Null(journal.Subscriber);
        Assert.Empty(journal.Entries);
    }

    [Fact]
    public async Task LoadAsync_IdThatCannotBeAKey_ReturnsNobodyWithoutAsking()
    {
        var roundTrips = Harness.Get<StorageRoundTrips>();
        roundTrips.Reset();

        var journal = await Journal.LoadAsync("../subscribers/x?y#z");

        Assert.Null(journal.Subscriber);
        Assert.Empty(journal.Entries);
        Assert.Equal(0, roundTrips.Count);
    }

    [Fact]
    public async Task LoadAsync_AnotherSubscribersProfileAndEntries_AreNotReturned()
    {
        var mine = await Subscribers.AddOrGetAsync(TestData.NewSubscriber());
        var theirs = await Subscribers.AddOrGetAsync(TestData.NewSubscriber());
        await Entries.AppendAsync(theirs.Id, Day, [new JournalItem("not yours")]);
        await Entries.AppendAsync(mine.Id, Day.PlusDays(1), [new JournalItem("yours")]);

        var journal = await Journal.LoadAsync(mine.Id);

        Assert.Equal(mine, journal.Subscriber);
        var entry = Assert.Single(journal.Entries);
        Assert.Equal(mine.Id, entry.SubscriberId);
        Assert.Equal("yours", Assert.Single(entry.Items).Text);
    }

    [Fact]
    public async Task LoadAsync_RowThatIsNeitherProfileNorEntry_IsIgnored()
    {
        var subscriber = await Subscribers.AddOrGetAsync(TestData.NewSubscriber());
        await Entries.AppendAsync(subscriber.Id, Day, [new JournalItem("kept")]);
        await Harness.SubscribersTable(subscriber.Id).AddEntityAsync(new TableEntity(subscriber.Id, "settings") { ["Theme"] = "dark" });

        var journal = await Journal.LoadAsync(subscriber.Id);

        Assert.Equal(subscriber, journal.Subscriber);
        Assert.Equal(Day, Assert.Single(journal.Entries).Date);
    }

    [Fact]
    public async Task AppendAsync_KnownSubscriber_WritesTheEntryIntoTheProfilesPartition()
    {
        var subscriber = await Subscribers.AddOrGetAsync(TestData.NewSubscriber());

        await Entries.AppendAsync(subscriber.Id, Day, [new JournalItem("a walk")]);

        var rowKeys = new List<string>();
        await foreach (var row in Harness.SubscribersTable(subscriber.Id).QueryAsync<TableEntity>(row => row.PartitionKey == subscriber.Id))
        {
            rowKeys.Add(row.RowKey);
        }

        Assert.Equal(["2025-06-01", "profile", "stamp"], rowKeys.Order(StringComparer.Ordinal));
    }

    private static Subscriber FullyConfigured(Subscriber subscriber) => subscriber with
    {
        Status = SubscriberStatus.Active,
        ConfirmedAt = TestData.SignUpTime + Duration.FromMinutes(3),
        LastReplyDate = new LocalDate(2025, 3, 4),
        MemoriesEnabled = false,
        ReceiptsEnabled = true,
        KindnessGoal = 3,
        DigestDay = IsoDayOfWeek.Wednesday,
        PromptTime = new LocalTime(21, 15, 30),
    };

    /// <summary>Entries hold lists, which records compare by reference; this compares their contents.</summary>
    private sealed class JournalEntryComparer : IEqualityComparer<JournalEntry>
    {
        public bool Equals(JournalEntry? x, JournalEntry? y) =>
            x is not null && y is not null && x.SubscriberId == y.SubscriberId && x.Date == y.Date && x.Items.SequenceEqual(y.Items);

        public int GetHashCode(JournalEntry obj) => HashCode.Combine(obj.SubscriberId, obj.Date);
    }
}
