using Compersion.Core.Journal;
using Compersion.Core.Prompts;
using NodaTime;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Prompts;

public sealed class MemoryPickerTests
{
    private static readonly LocalDate Today = Date("2026-11-25");

    private static readonly JournalEntry YearAgo = Entry(Date("2025-11-25"), new JournalItem("Year-ago lunch with Sam", Social: true));
    private static readonly JournalEntry MonthAgo = Entry(Date("2026-10-25"), new JournalItem("Month-ago walk by the river"));
    private static readonly JournalEntry WeekAgo = Entry(Date("2026-11-18"), new JournalItem("Week-ago call with my sister", Social: true));
    private static readonly JournalEntry Older = Entry(Date("2026-03-02"), new JournalItem("An older morning in the sun"));

    [Fact]
    public void Pick_AllCandidates_PrefersTheSameDateAYearAgo()
    {
        var memory = MemoryPicker.Pick(AlexId, Today, [Older, WeekAgo, MonthAgo, YearAgo], enabled: true);

        Assert.Equal(new Memory(Date("2025-11-25"), YearAgo.Items[0], MemoryKind.YearAgo), memory);
    }

    [Fact]
    public void Pick_NoYearAgo_PrefersAMonthAgo()
    {
        var memory = MemoryPicker.Pick(AlexId, Today, [Older, WeekAgo, MonthAgo], enabled: true);

        Assert.Equal(new Memory(Date("2026-10-25"), MonthAgo.Items[0], MemoryKind.MonthAgo), memory);
    }

    [Fact]
    public void Pick_NoYearOrMonthAgo_PrefersAWeekAgo()
    {
        var memory = MemoryPicker.Pick(AlexId, Today, [Older, WeekAgo], enabled: true);

        Assert.Equal(new Memory(Date("2026-11-18"), WeekAgo.Items[0], MemoryKind.WeekAgo), memory);
    }

    [Fact]
    public void Pick_OnlyAnOlderDate_ResurfacesIt()
    {
        var memory = MemoryPicker.Pick(AlexId, Today, [Older], enabled: true);

        Assert.Equal(new Memory(Date("2026-03-02"), Older.Items[0], MemoryKind.Earlier), memory);
    }

    [Fact]
    public void Pick_MemoriesTurnedOff_IsNone()
    {
        var memory = MemoryPicker.Pick(AlexId, Today, [Older, WeekAgo, MonthAgo, YearAgo], enabled: false);

        Assert.Null(memory);
    }

    [Fact]
    public void Pick_NoEntries_IsNone()
    {
        var memory = MemoryPicker.Pick(AlexId, Today, [], enabled: true);

        Assert.Null(memory);
    }

    [Fact]
    public void Pick_OnlyTodayAndLaterEntries_IsNone()
    {
        var entries = new[] { Entry(Today, 5), Entry(Today.PlusDays(1), 5), Entry(Today.PlusYears(1), 5) };

        var memory = MemoryPicker.Pick(AlexId, Today, entries, enabled: true);

        Assert.Null(memory);
    }

    [Fact]
    public void Pick_OnlyBlankItemsEarlier_IsNone()
    {
        var entries = new[] { Entry(Date("2026-11-18"), new JournalItem("   "), new JournalItem(string.Empty)) };

        var memory = MemoryPicker.Pick(AlexId, Today, entries, enabled: true);

        Assert.Null(memory);
    }

    [Fact]
    public void Pick_DateWithVagueAndSpecificItems_PrefersTheSpecificOne()
    {
        var specific = new JournalItem("That my boyfriend brought me lunch even though it was really far out of his way", Social: true);
        var vagueOnes = Enumerable.Range(0, 6).Select(i => new JournalItem($"the people I love {i}", Vague: true)).ToArray();

        var picks = Enumerable.Range(0, 40)
            .Select(day => Today.PlusDays(day))
            .Select(date => MemoryPicker.Pick(AlexId, date, [Entry(date.PlusWeeks(-1), [.. vagueOnes, specific])], enabled: true))
            .ToList();

        Assert.All(picks, memory => Assert.Equal(specific, memory!.Item));
    }

    [Fact]
    public void Pick_DateWithOnlyVagueItems_StillResurfacesOne()
    {
        var vague = new JournalItem("my family", Vague: true);

        var memory = MemoryPicker.Pick(AlexId, Today, [Entry(Date("2026-11-18"), vague)], enabled: true);

        Assert.Equal(vague, memory?.Item);
    }

    [Fact]
    public void Pick_SeveralRepliesOnTheYearAgoDate_ChoosesAmongAllOfTheirItems()
    {
        var first = Entry(Date("2025-11-25"), new JournalItem("vague", Vague: true));
        var second = Entry(Date("2025-11-25"), new JournalItem("The neighbour who fixed my bike", Social: true));

        var memory = MemoryPicker.Pick(AlexId, Today, [first, second], enabled: true);

        Assert.Equal(second.Items[0], memory?.Item);
        Assert.Equal(MemoryKind.YearAgo, memory?.Kind);
    }

    [Theory]
    [InlineData("2026-03-31", "2026-02-28")] // no 31 February: month arithmetic lands on the last day
    [InlineData("2028-03-30", "2028-02-29")] // leap year
    [InlineData("2027-01-15", "2026-12-15")] // across New Year
    public void Pick_MonthAgoAtMonthEnds_UsesCalendarMonthArithmetic(string today, string expectedMonthAgo)
    {
        var entries = new[] { Entry(Date(expectedMonthAgo), new JournalItem("then")) };

        var memory = MemoryPicker.Pick(AlexId, Date(today), entries, enabled: true);

        Assert.Equal(MemoryKind.MonthAgo, memory?.Kind);
        Assert.Equal(Date(expectedMonthAgo), memory?.Date);
    }

    [Fact]
    public void Pick_OnLeapDay_LooksBackTo28FebruaryAYearAgo()
    {
        var entries = new[] { Entry(Date("2027-02-28"), new JournalItem("the year before")) };

        var memory = MemoryPicker.Pick(AlexId, Date("2028-02-29"), entries, enabled: true);

        Assert.Equal(MemoryKind.YearAgo, memory?.Kind);
        Assert.Equal(Date("2027-02-28"), memory?.Date);
    }

    [Fact]
    public void Pick_RandomOlderDate_IsDeterministicPerSubscriberAndDate()
    {
        var entries = Enumerable.Range(1, 40).Select(i => Entry(Date("2026-01-01").PlusDays(i * 3), 2)).ToList();

        var first = MemoryPicker.Pick(AlexId, Today, entries, enabled: true);
        var again = MemoryPicker.Pick(AlexId, Today, entries.AsEnumerable().Reverse().ToList(), enabled: true);

        Assert.NotNull(first);
        Assert.Equal(MemoryKind.Earlier, first.Kind);
        Assert.Equal(first, again);
    }

    [Fact]
    public void Pick_RandomOlderDate_VariesAcrossDatesAndStaysInThePast()
    {
        var entries = Enumerable.Range(0, 20).Select(i => Entry(Date("2026-01-05").PlusDays(i * 10), 3)).ToList();
        var promptDates = Enumerable.Range(0, 30).Select(i => Date("2026-09-01").PlusDays(i * 2)).ToList();

        var picks = promptDates.Select(date => (Date: date, Memory: MemoryPicker.Pick(AlexId, date, entries, enabled: true)!)).ToList();

        Assert.All(picks, pick => Assert.True(pick.Memory.Date < pick.Date));
        Assert.True(picks.Select(pick => pick.Memory.Date).Distinct().Count() > 5);
        Assert.True(picks.Select(pick => pick.Memory.Item.Text).Distinct().Count() > 5);
    }
}
