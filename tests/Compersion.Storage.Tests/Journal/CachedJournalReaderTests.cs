using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Photos;
using Compersion.Core.Privacy;
using Compersion.Core.Subscribers;
using Compersion.Development;
using NodaTime;

namespace Compersion.Storage.Tests.Journal;

/// <summary>
/// The journal pages' reads from memory: a repeated read costs one round trip (the stamp), and any write in between,
/// made through any store, is in the very next read.
/// </summary>
public sealed class CachedJournalReaderTests(AzuriteFixture fixture) : StorageTestBase(fixture)
{
    private static readonly LocalDate Day = new(2026, 11, 25);

    private IJournalReader Reader => Harness.Get<IJournalReader>();

    private IEntryStore Entries => Harness.Get<IEntryStore>();

    private StorageRoundTrips RoundTrips => Harness.Get<StorageRoundTrips>();

    [Fact]
    public async Task ReadAsync_SameReadAgain_OneRoundTripAndTheSameJournal()
    {
        var subscriber = await WrittenSubscriberAsync();
        var first = await Reader.ReadAsync(subscriber.Id, null);
        RoundTrips.Reset();

        var second = await Reader.ReadAsync(subscriber.Id, null);

        Assert.Equal(1, RoundTrips.Count);
        Assert.Equal(["tea with Sam"], second.Entries.SelectMany(entry => entry.Items).Select(item => item.Text));
        Assert.Same(first, second);
    }

    [Fact]
    public async Task ReadMarksAsync_SameReadAgain_OneRoundTrip()
    {
        var subscriber = await WrittenSubscriberAsync();
        await Reader.ReadMarksAsync(subscriber.Id);
        RoundTrips.Reset();

        var marks = await Reader.ReadMarksAsync(subscriber.Id);

        Assert.Equal(1, RoundTrips.Count);
        Assert.Equal([new DayMark(Day, 1, 0, 0)], marks);
    }

    [Fact]
    public async Task ReadAsync_OtherDates_ReadFromStorage()
    {
        var subscriber = await WrittenSubscriberAsync();
        await Reader.ReadAsync(subscriber.Id, [JournalSpan.Day(Day.PlusDays(-1))]);

        var other = await Reader.ReadAsync(subscriber.Id, [JournalSpan.Day(Day)]);

        Assert.Equal(["tea with Sam"], other.Entries.SelectMany(entry => entry.Items).Select(item => item.Text));
    }

    [Fact]
    public async Task ReadAsync_ReplyAppendedBetweenTwoReads_SecondReadShowsIt()
    {
        var subscriber = await WrittenSubscriberAsync();
        await Reader.ReadAsync(subscriber.Id, null);
        await Reader.ReadMarksAsync(subscriber.Id);

        await Entries.AppendAsync(subscriber.Id, Day, [new JournalItem("the rain on the roof")], "message-2");
        var journal = await Reader.ReadAsync(subscriber.Id, null);
        var marks = await Reader.ReadMarksAsync(subscriber.Id);

        Assert.Equal(["tea with Sam", "the rain on the roof"], journal.Entries.SelectMany(entry => entry.Items).Select(item => item.Text));
        Assert.Equal([new DayMark(Day, 2, 0, 0)], marks);
    }

    [Fact]
    public async Task ReadAsync_CorrectionBetweenTwoReads_SecondReadShowsIt()
    {
        var subscriber = await WrittenSubscriberAsync();
        await Reader.ReadAsync(subscriber.Id, [JournalSpan.Day(Day)]);

        await Harness.Get<IJournalEditor>().EditDayAsync(subscriber.Id, Day, day => day with { Items = [], Acts = [new KindAct("tea with Sam")] });
        var journal = await Reader.ReadAsync(subscriber.Id, [JournalSpan.Day(Day)]);

        Assert.Empty(journal.Entries.SelectMany(entry => entry.Items));
        Assert.Equal(["tea with Sam"], journal.Acts.SelectMany(day => day.Acts).Select(act => act.Text));
    }

    [Fact]
    public async Task ReadAsync_ProfileChangedBetweenTwoReads_SecondReadShowsIt()
    {
        var subscriber = await WrittenSubscriberAsync();
        await Reader.ReadAsync(subscriber.Id, []);

        await Harness.Get<ISubscriberStore>().UpdateAsync(subscriber.Id, s => s with { Zone = "Asia/Tokyo" });
        var journal = await Reader.ReadAsync(subscriber.Id, []);

        Assert.Equal("Asia/Tokyo", journal.Subscriber!.Zone);
    }

    [Fact]
    public async Task ReadAsync_EverythingDeletedBetweenTwoReads_NothingOfTheirsAndNoSubscriber()
    {
        var subscriber = await WrittenSubscriberAsync();
        await Reader.ReadAsync(subscriber.Id, null);
        await Reader.ReadMarksAsync(subscriber.Id);
        var data = Harness.Get<IPersonalDataStore>();

        await data.EraseRecordsAsync(subscriber.Id);
        var recordsGone = await Reader.ReadAsync(subscriber.Id, null);
        await data.EraseProfileAsync(subscriber);
        var allGone = await Reader.ReadAsync(subscriber.Id, null);

        Assert.Empty(recordsGone.Entries);
        Assert.Empty(await Reader.ReadMarksAsync(subscriber.Id));
        Assert.Null(allGone.Subscriber);
    }

    [Fact]
    public async Task ReadAsync_NoStamp_EveryReadFromStorage()
    {
        var subscriber = await WrittenSubscriberAsync();
        await Harness.SubscribersTable(subscriber.Id).DeleteEntityAsync(subscriber.Id, "stamp");
        await Reader.ReadAsync(subscriber.Id, null);
        RoundTrips.Reset();

        var journal = await Reader.ReadAsync(subscriber.Id, null);

        Assert.True(RoundTrips.Count > 1, $"{RoundTrips.Count} round trips");
        Assert.Equal(["tea with Sam"], journal.Entries.SelectMany(entry => entry.Items).Select(item => item.Text));
    }

    [Fact]
    public async Task PhotoListings_SameListingAgain_OneRoundTripAndAPhotoKeptBetweenShows()
    {
        var subscriber = await WrittenSubscriberAsync();
        var photos = Harness.Get<IPhotoStore>();
        await photos.ListAsync(subscriber.Id, Day);
        await photos.ListYearAsync(subscriber.Id, Day.Year);
        RoundTrips.Reset();

        var again = await photos.ListYearAsync(subscriber.Id, Day.Year);
        var roundTrips = RoundTrips.Count;
        await photos.SaveAsync(subscriber.Id, new StoredPhoto(Day, "aaaaaaaaaaaaaaaaaaa1", PhotoFormat.Jpeg, "beach.jpg", 0, false), new byte[] { 1 }, null);
        var day = await photos.ListAsync(subscriber.Id, Day);
        var year = await photos.ListYearAsync(subscriber.Id, Day.Year);

        Assert.Equal(1, roundTrips);
        Assert.Empty(again);
        Assert.Equal(["beach.jpg"], day.Select(photo => photo.Name));
        Assert.Equal(["beach.jpg"], year.Select(photo => photo.Name));
    }

    [Fact]
    public async Task BeginPage_CalendarsRowsMarksAndPhotosReadAgain_OneRoundTripForTheWholePage()
    {
        var subscriber = await WrittenSubscriberAsync();
        var photos = Harness.Get<IPhotoStore>();
        await CalendarReadsAsync(subscriber.Id, photos);
        RoundTrips.Reset();

        using (Reader.BeginPage())
        {
            await CalendarReadsAsync(subscriber.Id, photos);
        }

        var page = RoundTrips.Count;
        RoundTrips.Reset();
        await CalendarReadsAsync(subscriber.Id, photos);

        Assert.Equal(1, page);
        Assert.Equal(3, RoundTrips.Count);
    }

    [Fact]
    public async Task BeginPage_CorrectionAndPhotoWithinThePage_ReadsAfterThemShowThem()
    {
        var subscriber = await WrittenSubscriberAsync();
        var photos = Harness.Get<IPhotoStore>();
        using var page = Reader.BeginPage();
        await Reader.ReadAsync(subscriber.Id, [JournalSpan.Day(Day)]);
        await photos.ListAsync(subscriber.Id, Day);

        await Harness.Get<IJournalEditor>().EditDayAsync(subscriber.Id, Day, day => day with { Items = [new JournalItem("tea with Sam and Robin")] });
        var journal = await Reader.ReadAsync(subscriber.Id, [JournalSpan.Day(Day)]);
        await photos.SaveAsync(subscriber.Id, new StoredPhoto(Day, "aaaaaaaaaaaaaaaaaaa2", PhotoFormat.Jpeg, "beach.jpg", 0, false), new byte[] { 1 }, null);
        var listed = await photos.ListAsync(subscriber.Id, Day);

        Assert.Equal(["tea with Sam and Robin"], journal.Entries.SelectMany(entry => entry.Items).Select(item => item.Text));
        Assert.Equal(["beach.jpg"], listed.Select(photo => photo.Name));
    }

    [Fact]
    public async Task BeginPage_ReplyAppendedBetweenTwoPages_SecondPageShowsIt()
    {
        var subscriber = await WrittenSubscriberAsync();
        using (Reader.BeginPage())
        {
            await Reader.ReadMarksAsync(subscriber.Id);
        }

        await Entries.AppendAsync(subscriber.Id, Day, [new JournalItem("the rain on the roof")], "message-2");
        IReadOnlyList<DayMark> marks;
        using (Reader.BeginPage())
        {
            marks = await Reader.ReadMarksAsync(subscriber.Id);
        }

        Assert.Equal([new DayMark(Day, 2, 0, 0)], marks);
    }

    [Fact]
    public async Task KeepAsync_SamePageUnchanged_MadeOnceAndMadeAgainAfterAReply()
    {
        var subscriber = await WrittenSubscriberAsync();
        var made = 0;

        var first = await KeptPageAsync(subscriber.Id, () => ++made);
        var again = await KeptPageAsync(subscriber.Id, () => ++made);
        await Entries.AppendAsync(subscriber.Id, Day, [new JournalItem("the rain on the roof")], "message-2");
        var afterReply = await KeptPageAsync(subscriber.Id, () => ++made);

        Assert.Equal("page 1", first);
        Assert.Same(first, again);
        Assert.Equal("page 2", afterReply);
    }

    [Fact]
    public async Task KeepAsync_PageThatWroteOrNoPage_NeverKept()
    {
        var subscriber = await WrittenSubscriberAsync();
        var made = 0;
        using (Reader.BeginPage())
        {
            await Harness.Get<IJournalEditor>().EditDayAsync(subscriber.Id, Day, day => day with { Items = [new JournalItem("tea with Robin")] });
            await Reader.KeepAsync(subscriber.Id, "page", () => Task.FromResult("page " + ++made), _ => 1);
        }

        await Reader.KeepAsync(subscriber.Id, "page", () => Task.FromResult("page " + ++made), _ => 1);
        await Reader.KeepAsync(subscriber.Id, "page", () => Task.FromResult("page " + ++made), _ => 1);
        var next = await KeptPageAsync(subscriber.Id, () => ++made);

        Assert.Equal("page 4", next);
    }

    private async Task<string> KeptPageAsync(string subscriberId, Func<int> make)
    {
        using var page = Reader.BeginPage();
        return await Reader.KeepAsync(subscriberId, "page", () => Task.FromResult("page " + make()), _ => 1);
    }

    // What the calendar reads: the rows of "on this day" and the marks together, then the year's photos.
    private async Task CalendarReadsAsync(string subscriberId, IPhotoStore photos)
    {
        await Task.WhenAll(Reader.ReadAsync(subscriberId, [JournalSpan.Day(Day)]), Reader.ReadMarksAsync(subscriberId));
        await photos.ListYearAsync(subscriberId, Day.Year);
    }

    private async Task<Subscriber> WrittenSubscriberAsync()
    {
        var subscriber = await Harness.Get<ISubscriberStore>().AddOrGetAsync(TestData.NewSubscriber());
        await Entries.AppendAsync(subscriber.Id, Day, [new JournalItem("tea with Sam")], "message-1");
        return subscriber;
    }
}
