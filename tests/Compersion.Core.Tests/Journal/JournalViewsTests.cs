using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Photos;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Journal;

public sealed class JournalViewsTests
{
    private static readonly NodaTime.LocalDate Today = Date("2026-03-12");

    [Fact]
    public void Calendar_DaysWithFivePersonAndAct_EachMarkedAndTheRunEndsYesterday()
    {
        var book = Book(
            [
                .. PerfectDays(Date("2026-03-09"), Date("2026-03-11")),
                Entry(Date("2026-03-02"), new JournalItem("Coffee with Sam", Social: true)),
            ],
            [new KindActDay(AlexId, Date("2026-03-02"), [new KindAct("left flowers for the neighbour", "gift", "neighbour")])]);

        var calendar = JournalViews.Calendar(book, 2026, Today);

        var march = calendar.Months[2];
        var cells = march.Weeks.SelectMany(week => week.Cells).Where(cell => cell.Day > 0).ToDictionary(cell => cell.Iso);
        Assert.Equal("March", march.Name);
        Assert.Equal(3, calendar.Run);
        Assert.Equal((true, true, false, true), (cells["2026-03-10"].Five, cells["2026-03-10"].Person, cells["2026-03-10"].Act, cells["2026-03-10"].InRun));
        Assert.Equal((false, true, true, false), (cells["2026-03-02"].Five, cells["2026-03-02"].Person, cells["2026-03-02"].Act, cells["2026-03-02"].InRun));
        Assert.Equal("2 March: 1 gratitude, with a person, 1 kind act", cells["2026-03-02"].Label);
        Assert.Equal(" March: 1 gratitude, with a person, 1 kind act", cells["2026-03-02"].LabelAfterDay);
        Assert.False(cells["2026-03-05"].Written);
        Assert.True(cells["2026-03-12"].Today);
        Assert.Equal(4, march.DaysWritten);
    }

    /// <summary>Five gratitudes without a person make a "five" square but no run day: the squares marked as the run are
    /// exactly the run line's days (once, squares were marked at five alone: 5 to 12 March here, against a run of 3).</summary>
    [Fact]
    public void Calendar_FiveWithoutAPersonTodayAndBeforeTheRun_SquaresInTheRunAreTheRunLinesDays()
    {
        var book = Book(
            [
                .. PerfectDays(Date("2026-03-05"), Date("2026-03-06")),
                Entry(Date("2026-03-07"), 5),
                .. PerfectDays(Date("2026-03-08"), Date("2026-03-11")),
                Entry(Date("2026-03-12"), 6),
            ],
            []);

        var calendar = JournalViews.Calendar(book, 2026, Today);

        var cells = calendar.Months[2].Weeks.SelectMany(week => week.Cells).Where(cell => cell.Day > 0).ToDictionary(cell => cell.Iso);
        Assert.Equal(4, calendar.Run);
        Assert.StartsWith("4 of 22 days in a row", calendar.RunLine, StringComparison.Ordinal);
        Assert.Equal(["2026-03-08", "2026-03-09", "2026-03-10", "2026-03-11"], cells.Values.Where(cell => cell.InRun).Select(cell => cell.Iso));
        Assert.Equal((true, false), (cells["2026-03-12"].Five, cells["2026-03-12"].InRun));
        Assert.Equal((true, false), (cells["2026-03-07"].Five, cells["2026-03-07"].InRun));
        Assert.Equal("8 March: 5 gratitudes, with a person, in your run toward 22", cells["2026-03-08"].Label);
        Assert.Equal("12 March: 6 gratitudes", cells["2026-03-12"].Label);
        Assert.Equal("6 March: 5 gratitudes, with a person", cells["2026-03-06"].Label);
    }

    [Fact]
    public void Calendar_DaysWithPhotos_MarkedSaidInWordsAndADayOfPhotosAloneLinks()
    {
        var book = Book([Entry(Date("2026-03-02"), new JournalItem("Coffee with Sam", Social: true))], []);
        StoredPhoto[] photos =
        [
            Photo("2026-03-02", "0123456789abcdef0001"),
            Photo("2026-03-02", "0123456789abcdef0002"),
            Photo("2026-03-04", "0123456789abcdef0003"),
            Photo("2025-03-02", "0123456789abcdef0004"),
        ];

        var calendar = JournalViews.Calendar(book, 2026, Today, photos);

        var cells = calendar.Months[2].Weeks.SelectMany(week => week.Cells).Where(cell => cell.Day > 0).ToDictionary(cell => cell.Iso);
        Assert.Equal((true, true, "2 March: 1 gratitude, with a person, 2 photos"), (cells["2026-03-02"].Photo, cells["2026-03-02"].Written, cells["2026-03-02"].Label));
        Assert.Equal((true, true, "4 March: 1 photo"), (cells["2026-03-04"].Photo, cells["2026-03-04"].Written, cells["2026-03-04"].Label));
        Assert.Equal((false, false, "3 March: nothing written"), (cells["2026-03-03"].Photo, cells["2026-03-03"].Written, cells["2026-03-03"].Label));
        Assert.EndsWith(", 3 photos.", calendar.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Calendar_DayWithPhotosAlone_CountedAmongTheDaysWritten()
    {
        var book = Book([Entry(Date("2026-03-02"), new JournalItem("Coffee with Sam", Social: true))], []);

        var calendar = JournalViews.Calendar(book, 2026, Today, [Photo("2026-03-04", "0123456789abcdef0003")]);

        Assert.StartsWith("2 days written,", calendar.Summary, StringComparison.Ordinal);
        Assert.Equal(2, calendar.Months[2].DaysWritten);
    }

    [Fact]
    public void Calendar_OnlyTheMarksOfEveryDayRead_SameSquaresSummaryRunAndYearsAsTheWholeBook()
    {
        var whole = Book(
            [.. PerfectDays(Date("2025-12-20"), Date("2026-03-11")), Entry(Date("2024-06-01"), 2), Entry(Date("2026-01-05"), new JournalItem("Sam's joke", Social: true))],
            [new KindActDay(AlexId, Date("2026-02-14"), [new KindAct("flowers for Ana"), new KindAct("soup for the neighbour")])]);
        var marksOnly = new JournalBook([], [], whole.Marks);

        var fromWhole = JournalViews.Calendar(whole, 2026, Today);
        var fromMarks = JournalViews.Calendar(marksOnly, 2026, Today);

        Assert.Empty(marksOnly.Days);
        Assert.Equal(fromWhole.Months.SelectMany(month => month.Weeks).SelectMany(week => week.Cells), fromMarks.Months.SelectMany(month => month.Weeks).SelectMany(week => week.Cells));
        Assert.Equal((fromWhole.Summary, fromWhole.Run, fromWhole.RunLine, fromWhole.PreviousYear), (fromMarks.Summary, fromMarks.Run, fromMarks.RunLine, fromMarks.PreviousYear));
        Assert.Equal((82, 2025), (fromMarks.Run, fromMarks.PreviousYear));
    }

    [Fact]
    public void Day_OnlyThatDateReadWithEveryDaysMarks_NeighboursYearsAwayFound()
    {
        var whole = Book([Entry(Date("2024-06-01"), 1), Entry(Date("2026-03-05"), 2)], [new KindActDay(AlexId, Date("2026-03-10"), [new KindAct("soup")])]);
        var dayOnly = new JournalBook([Entry(Date("2026-03-05"), 2)], [], whole.Marks);

        var day = JournalViews.Day(dayOnly, Date("2026-03-05"));

        Assert.Equal(("2024-06-01", "2026-03-10", 2), (day.PreviousIso, day.NextIso, day.Items.Count));
    }

    [Fact]
    public void Calendar_MonthStartingOnSunday_BlanksBeforeItAndWholeWeeks()
    {
        var calendar = JournalViews.Calendar(Book([], []), 2026, Today);

        var february = calendar.Months[1];
        Assert.Equal(0, february.Weeks[0].Cells[0].Day);
        Assert.Equal(1, february.Weeks[0].Cells[6].Day);
        Assert.All(calendar.Months.SelectMany(month => month.Weeks), week => Assert.Equal(7, week.Cells.Count));
        Assert.Equal(28, february.Weeks.SelectMany(week => week.Cells).Count(cell => cell.Day > 0));
    }

    [Fact]
    public void Calendar_YearNavigation_BackOnlyToYearsWithWritingAndNeverIntoTheFuture()
    {
        var book = Book([Entry(Date("2024-06-01"), new JournalItem("rain"))], []);

        var thisYear = JournalViews.Calendar(book, 2026, Today);
        var first = JournalViews.Calendar(book, 2024, Today);

        Assert.Equal((2025, 0), (thisYear.PreviousYear, thisYear.NextYear));
        Assert.Equal((0, 2025), (first.PreviousYear, first.NextYear));
        Assert.StartsWith("Nothing written yet this year", thisYear.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Day_ItemsAndActs_WithSignalsClassificationAndTheNeighbouringDaysWritten()
    {
        var book = Book(
            [
                Entry(Date("2026-03-01"), new JournalItem("snow")),
                Entry(Date("2026-03-05"), new JournalItem("Sam got the job", Social: true, Compersion: true), new JournalItem("health", Vague: true)),
                Entry(Date("2026-03-09"), new JournalItem("tea")),
            ],
            [new KindActDay(AlexId, Date("2026-03-05"), [new KindAct("paid for the stranger's coffee")])]);

        var day = JournalViews.Day(book, Date("2026-03-05"));

        Assert.Equal("Thursday 5 March 2026", day.Title);
        Assert.Equal([new DayItemView(1, "Sam got the job", true, false, true, JournalViews.Fingerprint("Sam got the job")), new DayItemView(2, "health", false, true, false, JournalViews.Fingerprint("health"))], day.Items);
        var act = Assert.Single(day.Acts);
        Assert.Equal(("generosity", "stranger"), (act.Category, act.Recipient));
        Assert.Equal(("2026-03-01", "2026-03-09"), (day.PreviousIso, day.NextIso));
    }

    [Fact]
    public void Day_NothingWritten_KindEmptyPage()
    {
        var day = JournalViews.Day(Book([], []), Date("2026-03-05"));

        Assert.Empty(day.Items);
        Assert.Contains("that's all right", day.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sam", new[] { "2026-03-03", "2026-03-01" })]
    [InlineData("sam", new[] { "2026-03-03", "2026-03-01" })]
    [InlineData("zoe", new[] { "2026-03-02" })]
    [InlineData("ZOË", new[] { "2026-03-02" })]
    [InlineData("walk", new[] { "2026-03-03", "2026-03-02" })]
    [InlineData("walk Sam", new[] { "2026-03-03" })]
    [InlineData("neighbour", new[] { "2026-03-04" })]
    [InlineData("Priya", new string[0])]
    public void Search_WordsOrAName_WholeWordsNewestFirst(string query, string[] expected)
    {
        var book = Book(
            [
                Entry(Date("2026-03-01"), new JournalItem("Sam's laugh at dinner")),
                Entry(Date("2026-03-02"), new JournalItem("Walking with Zoë"), new JournalItem("the same old bench")),
                Entry(Date("2026-03-03"), new JournalItem("walked to the shop with Sam")),
            ],
            [new KindActDay(AlexId, Date("2026-03-04"), [new KindAct("shovelled the neighbour's path")])]);

        var search = JournalViews.Search(book, query);

        Assert.Equal(expected, search.Days.Select(day => day.Iso));
    }

    [Fact]
    public void Search_Matches_CountedInTheSummaryWithActsMarked()
    {
        var book = Book(
            [Entry(Date("2026-03-03"), new JournalItem("tea with Sam"), new JournalItem("Sam again"))],
            [new KindActDay(AlexId, Date("2026-03-03"), [new KindAct("a note for Sam")])]);

        var search = JournalViews.Search(book, "  Sam ");

        Assert.Equal("“Sam”: 3 matches on 1 day.", search.Summary);
        Assert.Equal(["gratitude", "gratitude", "kind act"], search.Days.Single().Hits.Select(hit => hit.Kind));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!")]
    public void Search_NoWords_NoResultsAndAHint(string query)
    {
        var search = JournalViews.Search(Book([Entry(Date("2026-03-03"), new JournalItem("tea"))], []), query);

        Assert.Empty(search.Days);
        Assert.StartsWith("Type a word", search.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void People_MentionsOverTwelveMonths_MostDaysFirstWithMonthsAndJoy()
    {
        var book = Book(
            [
                Entry(Date("2025-03-01"), new JournalItem("Lunch with Priya", Social: true)),
                Entry(Date("2026-01-10"), new JournalItem("Coffee with Sam", Social: true)),
                Entry(Date("2026-03-02"), new JournalItem("Sam got the job", Social: true, Compersion: true), new JournalItem("Sam cooked dinner", Social: true)),
                Entry(Date("2026-03-05"), new JournalItem("A call with my mum", Social: true)),
            ],
            []);

        var people = JournalViews.People(book, Today);

        Assert.Equal("Apr 2025", people.MonthNames[0]);
        Assert.Equal("Mar 2026", people.MonthNames[11]);
        Assert.Equal(["Sam", "your mum"], people.People.Select(person => person.Name));
        var sam = people.People[0];
        Assert.Equal(2, sam.Days);
        Assert.Equal(1, sam.Months[9]);
        Assert.Equal(1, sam.Months[11]);
        Assert.Equal(["Sam got the job"], sam.Joy.Select(joy => joy.Text));
        Assert.Equal(["Sam got the job"], people.Joy.Select(joy => joy.Text));
    }

    [Fact]
    public void Kindness_TwelveWeeks_GridByRecipientAndCategoryAndEachWeekAgainstTheGoal()
    {
        var book = Book(
            [],
            [
                new KindActDay(AlexId, Date("2026-03-10"), [new KindAct("baked bread", "food", "neighbour"), new KindAct("a kind note", "words", "coworker")]),
                new KindActDay(AlexId, Date("2026-03-03"), [new KindAct("more bread", "food", "neighbour")]),
                new KindActDay(AlexId, Date("2025-11-01"), [new KindAct("long ago", "gift", "friend")]),
            ]);

        var kindness = JournalViews.Kindness(book, Today, goal: 2);

        Assert.Equal(12, kindness.Weeks.Count);
        Assert.Equal(("9 Mar – 15 Mar", 2, true, true), (kindness.Weeks[0].Label, kindness.Weeks[0].Acts, kindness.Weeks[0].Met, kindness.Weeks[0].Current));
        Assert.Equal((1, false), (kindness.Weeks[1].Acts, kindness.Weeks[1].Met));
        Assert.Equal(["coworker", "neighbour"], kindness.Rows.Select(row => row.Recipient).Order(StringComparer.Ordinal));
        var neighbour = kindness.Rows.Single(row => row.Recipient == "neighbour");
        Assert.Equal(2, neighbour.Cells[kindness.Categories.ToList().IndexOf("food")]);
        Assert.DoesNotContain(kindness.Rows, row => row.Recipient == "friend");
        Assert.Contains("met in 0 of the 11 finished weeks", kindness.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void OnThisDay_WeekMonthAndYearAgo_WhatWasWrittenThenOrNothing()
    {
        var book = Book(
            [Entry(Date("2026-03-05"), new JournalItem("a week back")), Entry(Date("2025-03-12"), new JournalItem("a year back"))],
            [new KindActDay(AlexId, Date("2025-03-12"), [new KindAct("a secret")])]);

        var looks = JournalViews.OnThisDay(book, Today);

        Assert.Equal(["2026-03-05", "2026-02-12", "2025-03-12"], looks.Select(look => look.Iso));
        Assert.Equal(["a week back"], looks[0].Items);
        Assert.False(looks[1].Written);
        Assert.Equal(["a year back"], looks[2].Items);
        Assert.Equal(["a secret"], looks[2].Acts);
    }

    [Fact]
    public void From_RowsOfAnotherSubscriber_LeftOut()
    {
        var journal = new SubscriberJournal(Subscriber(), [Entry(Date("2026-03-05"), new JournalItem("mine")), Entry(Date("2026-03-05"), 1, id: "someoneelse0000")])
        {
            Acts = [new KindActDay("someoneelse0000", Date("2026-03-05"), [new KindAct("not mine")])],
        };

        var book = JournalBook.From(journal);

        var day = Assert.Single(book.Days);
        Assert.Equal(["mine"], day.Items.Select(item => item.Text));
        Assert.Empty(day.Acts);
    }

    private static JournalBook Book(IEnumerable<JournalEntry> entries, IEnumerable<KindActDay> acts) => new(entries, acts);

    private static StoredPhoto Photo(string date, string id) => new(Date(date), id, PhotoFormat.Jpeg, "photo.jpg", 1000, true);
}
