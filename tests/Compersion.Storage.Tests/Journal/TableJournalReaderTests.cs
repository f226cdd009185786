using Azure.Data.Tables;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Subscribers;
using Compersion.Storage.Journal;
using Compersion.Storage.Kindness;
using NodaTime;

namespace Compersion.Storage.Tests.Journal;

/// <summary>The journal pages' reads over Azurite: the dates asked for and no others, at the year's edges too, and every day's counts without its text.</summary>
public sealed class TableJournalReaderTests(AzuriteFixture fixture) : StorageTestBase(fixture)
{
    private static readonly LocalDate NewYearsEve = new(2025, 12, 31);

    private IJournalReader Reader => Harness.Get<IJournalReader>();

    private ISubscriberStore Subscribers => Harness.Get<ISubscriberStore>();

    private IEntryStore Entries => Harness.Get<IEntryStore>();

    private IActStore Acts => Harness.Get<IActStore>();

    [Fact]
    public async Task ReadAsync_SpanOfNewYearsEveAndNewYearsDay_ThoseDatesEntriesAndActsAndTheProfileOnly()
    {
        var subscriber = await Subscribers.AddOrGetAsync(TestData.NewSubscriber());
        foreach (var date in new[] { NewYearsEve.PlusDays(-1), NewYearsEve, NewYearsEve.PlusDays(1), NewYearsEve.PlusDays(2) })
        {
            await Entries.AppendAsync(subscriber.Id, date, [new JournalItem("written " + date.ToString("yyyy-MM-dd", null))]);
            await Acts.AppendAsync(subscriber.Id, date, [new KindAct("act " + date.ToString("yyyy-MM-dd", null))]);
        }

        var journal = await Reader.ReadAsync(subscriber.Id, [new JournalSpan(NewYearsEve, NewYearsEve.PlusDays(1))]);

        Assert.Equal(subscriber, journal.Subscriber);
        Assert.Equal(["written 2025-12-31", "written 2026-01-01"], journal.Entries.SelectMany(entry => entry.Items).Select(item => item.Text));
        Assert.Equal(["act 2025-12-31", "act 2026-01-01"], journal.Acts.SelectMany(day => day.Acts).Select(act => act.Text));
        Assert.Empty(journal.Digests);
    }

    [Fact]
    public async Task ReadAsync_OneYear_FirstAndLastDayInTheDaysEitherSideOut()
    {
        var subscriber = await Subscribers.AddOrGetAsync(TestData.NewSubscriber());
        foreach (var date in new[] { NewYearsEve, new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31), new LocalDate(2027, 1, 1) })
        {
            await Entries.AppendAsync(subscriber.Id, date, [new JournalItem("tea")]);
        }

        var journal = await Reader.ReadAsync(subscriber.Id, [JournalSpan.Year(2026)]);

        Assert.Equal([new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31)], journal.Entries.Select(entry => entry.Date));
    }

    [Fact]
    public async Task ReadAsync_MoreSpansThanOneQueryHolds_EveryOneRead()
    {
        var subscriber = await Subscribers.AddOrGetAsync(TestData.NewSubscriber());
        var dates = Enumerable.Range(0, 12).Select(month => new LocalDate(2026, month + 1, 15)).ToList();
        foreach (var date in dates)
        {
            await Entries.AppendAsync(subscriber.Id, date, [new JournalItem("rain")]);
        }

        var journal = await Reader.ReadAsync(subscriber.Id, [.. dates.Where((_, index) => index % 2 == 0).Select(JournalSpan.Day)]);

        Assert.Equal(dates.Where((_, index) => index % 2 == 0), journal.Entries.Select(entry => entry.Date));
    }

    [Fact]
    public async Task ReadAsync_NoSpansOrEveryDate_TheProfileAloneOrEverythingOfTheirsOnly()
    {
        var subscriber = await Subscribers.AddOrGetAsync(TestData.NewSubscriber());
        var someoneElse = await Subscribers.AddOrGetAsync(TestData.NewSubscriber());
        await Entries.AppendAsync(subscriber.Id, new LocalDate(2001, 1, 1), [new JournalItem("long ago")]);
        await Acts.AppendAsync(subscriber.Id, new LocalDate(2026, 5, 1), [new KindAct("soup")]);
        await Entries.AppendAsync(someoneElse.Id, new LocalDate(2026, 5, 1), [new JournalItem("not theirs")]);

        var none = await Reader.ReadAsync(subscriber.Id, []);
        var every = await Reader.ReadAsync(subscriber.Id, null);

        Assert.Equal((subscriber, 0, 0), (none.Subscriber, none.Entries.Count, none.Acts.Count));
        Assert.Equal(["long ago"], every.Entries.SelectMany(entry => entry.Items).Select(item => item.Text));
        Assert.Equal(["soup"], every.Acts.SelectMany(day => day.Acts).Select(act => act.Text));
    }

    [Fact]
    public async Task ReadAsync_ItemsLongerThanOneColumn_ReadWhole()
    {
        var subscriber = await Subscribers.AddOrGetAsync(TestData.NewSubscriber());
        JournalItem[] items = [new(new string('a', 40_000)), new(new string('b', 30_000), Social: true)];
        await Entries.AppendAsync(subscriber.Id, NewYearsEve, items);

        var journal = await Reader.ReadAsync(subscriber.Id, [JournalSpan.Day(NewYearsEve)]);

        Assert.Equal(items, Assert.Single(journal.Entries).Items);
    }

    [Fact]
    public async Task ReadAsync_IdThatCannotBeAKeyOrIsNobodys_Nobody()
    {
        var unsafeId = await Reader.ReadAsync("a/b", null);
        var nobody = await Reader.ReadAsync(SubscriberId.New(), null);

        Assert.Equal((null, 0), (unsafeId.Subscriber, unsafeId.Entries.Count));
        Assert.Equal((null, 0), (nobody.Subscriber, nobody.Entries.Count));
    }

    [Fact]
    public async Task ReadMarksAsync_EntriesActsAndACorrectedDay_EveryWrittenDayCounted()
    {
        var subscriber = await Subscribers.AddOrGetAsync(TestData.NewSubscriber());
        var (first, second, third, emptied) = (new LocalDate(2024, 2, 29), NewYearsEve, new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 2));
        await Entries.AppendAsync(subscriber.Id, first, [new("Sam", Social: true), new("rain"), new("Mum called", Social: true), new("tea"), new("bread")]);
        await Acts.AppendAsync(subscriber.Id, first, [new KindAct("soup"), new KindAct("a note")]);
        await Acts.AppendAsync(subscriber.Id, second, [new KindAct("litter picked")]);
        await Entries.AppendAsync(subscriber.Id, third, [new("one"), new("two"), new("three", Social: true)]);
        await Harness.Get<IJournalEditor>().EditDayAsync(subscriber.Id, third, day => day with { Items = [.. day.Items.Skip(1)] });
        await Entries.AppendAsync(subscriber.Id, emptied, [new("gone soon")]);
        await Harness.Get<IJournalEditor>().EditDayAsync(subscriber.Id, emptied, day => day with { Items = [] });

        var marks = await Reader.ReadMarksAsync(subscriber.Id);

        Assert.Equal([new DayMark(first, 5, 2, 2), new DayMark(second, 0, 0, 1), new DayMark(third, 2, 1, 0)], marks);
    }

    [Fact]
    public async Task ReadMarksAsync_DatesAfterNewYearsEve_OnlyThoseCounted()
    {
        var subscriber = await Subscribers.AddOrGetAsync(TestData.NewSubscriber());
        await Entries.AppendAsync(subscriber.Id, NewYearsEve, [new("rain")]);
        await Acts.AppendAsync(subscriber.Id, NewYearsEve, [new KindAct("soup")]);
        await Entries.AppendAsync(subscriber.Id, NewYearsEve.PlusDays(1), [new("tea"), new("Sam", Social: true)]);
        await Acts.AppendAsync(subscriber.Id, NewYearsEve.PlusYears(3), [new KindAct("a note")]);

        var marks = await Reader.ReadMarksAsync(subscriber.Id, [new JournalSpan(NewYearsEve.PlusDays(1), JournalSpan.All.To)]);

        Assert.Equal([new DayMark(NewYearsEve.PlusDays(1), 2, 1, 0), new DayMark(NewYearsEve.PlusYears(3), 0, 0, 1)], marks);
    }

    [Fact]
    public async Task ReadMarksAsync_RowsWrittenBeforeTheCountColumns_CountedFromTheirText()
    {
        var subscriber = await Subscribers.AddOrGetAsync(TestData.NewSubscriber());
        await Entries.AppendAsync(subscriber.Id, new LocalDate(2026, 1, 1), [new("counted", Social: true)]);
        var table = Harness.Get<StorageTables>().Subscribers(subscriber.Id);
        var entry = new TableEntity(subscriber.Id, "2025-06-01");
        JournalItemColumns.Write(entry, [new("Sam", Social: true), new("rain"), new("tea")]);
        var act = new TableEntity(subscriber.Id, "act-2025-06-02");
        KindActColumns.Write(act, [new KindAct("soup")]);
        foreach (var row in new[] { entry, act })
        {
            row.Remove(JournalItemColumns.CountColumn);
            row.Remove(JournalItemColumns.PersonColumn);
            row.Remove(KindActColumns.CountColumn);
            await table.UpsertEntityAsync(row, TableUpdateMode.Replace);
        }

        var marks = await Reader.ReadMarksAsync(subscriber.Id);

        Assert.Equal([new DayMark(new LocalDate(2025, 6, 1), 3, 1, 0), new DayMark(new LocalDate(2025, 6, 2), 0, 0, 1), new DayMark(new LocalDate(2026, 1, 1), 1, 1, 0)], marks);
    }
}
