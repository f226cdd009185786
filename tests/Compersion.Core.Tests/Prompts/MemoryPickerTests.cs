using Compersion.Core.Journal;
using Compersion.Core.Prompts;
using NodaTime;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Prompts;

public sealed class MemoryPickerTests
{
    private static readonly LocalDate Today = Date("2026-11-25");

    private static readonly JournalEntry YearAgo = Entry(Date("2025-11-25"), DueOn(Today, Date("2025-11-25"), "Year-ago lunch with Sam", social: true));
    private static readonly JournalEntry MonthAgo = Entry(Date("2026-10-25"), DueOn(Today, Date("2026-10-25"), "Month-ago walk by the river"));
    private static readonly JournalEntry WeekAgo = Entry(Date("2026-11-18"), DueOn(Today, Date("2026-11-18"), "Week-ago call with my sister", social: true));
    private static readonly JournalEntry Older = Entry(Date("2026-03-02"), DueOn(Today, Date("2026-03-02"), "An older morning in the sun"));

    [Fact]
    public void Pick_AllCandidates_PrefersTheSameDateAYearAgo()
    {
        var memory = MemoryPicker.Pick(AlexId, Today, [Older, WeekAgo, MonthAgo, YearAgo], enabled: true);

        Assert.Equal(MemoryKind.YearAgo, memory?.Kind);
        Assert.Equal(YearAgo.Items[0], memory?.Item);
    }

    [Fact]
    public void Pick_NoYearAgo_PrefersAMonthAgo()
    {
        var memory = MemoryPicker.Pick(AlexId, Today, [Older, WeekAgo, MonthAgo], enabled: true);

        Assert.Equal(MemoryKind.MonthAgo, memory?.Kind);
    }

    [Fact]
    public void Pick_NoYearOrMonthAgo_PrefersAWeekAgo()
    {
        var memory = MemoryPicker.Pick(AlexId, Today, [Older, WeekAgo], enabled: true);

        Assert.Equal(MemoryKind.WeekAgo, memory?.Kind);
    }

    [Fact]
    public void Pick_OnlyAnOlderDate_ResurfacesIt()
    {
        var memory = MemoryPicker.Pick(AlexId, Today, [Older], enabled: true);

        Assert.Equal(MemoryKind.Earlier, memory?.Kind);
        Assert.Equal(Older.Items[0], memory?.Item);
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

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(6)]
    public void Pick_ItemsYoungerThanAWeek_AreNotMemoriesYet(int daysAgo)
    {
        var written = Today.PlusDays(-daysAgo);
        var entries = new[] { Entry(written, DueOn(Today, written, "yesterday's walk")), Entry(Today.PlusDays(3), DueOn(Today, Today.PlusDays(3), "later")) };

        var memory = MemoryPicker.Pick(AlexId, Today, entries, enabled: true);

        Assert.Null(memory);
    }

    [Fact]
    public void Pick_OnlyBlankItemsEarlier_IsNone()
    {
        var entries = Enumerable.Range(7, 40).Select(days => Entry(Today.PlusDays(-days), new JournalItem("   "))).ToList();

        var memory = MemoryPicker.Pick(AlexId, Today, entries, enabled: true);

        Assert.Null(memory);
    }

    [Fact]
    public void Pick_ThirtyDaysOfPromptsOverARichJournal_NeverShowTheSameItemTwice()
    {
        var entries = Enumerable.Range(0, 120).Select(day => Entry(Date("2026-06-01").PlusDays(day), 5)).ToList();
        var dates = Enumerable.Range(0, 90).Select(day => Date("2026-10-01").PlusDays(day)).ToList();

        var picks = dates.Select(date => (Date: date, Memory: MemoryPicker.Pick(AlexId, date, entries, enabled: true))).ToList();

        for (var i = 0; i < picks.Count; i++)
        {
            for (var j = i + 1; j < picks.Count && j - i < 30; j++)
            {
                if (picks[i].Memory is { } first && picks[j].Memory is { } second)
                {
                    Assert.False(first.Date == second.Date && first.Item == second.Item, $"{first.Item.Text} on {picks[i].Date} and {picks[j].Date}");
                }
            }
        }

        Assert.All(picks, pick => Assert.True(pick.Memory is null || pick.Memory.Date <= pick.Date.PlusDays(-7)));
        Assert.True(picks.Count(pick => pick.Memory is not null) >= 80, "A rich journal has a memory on nearly every day.");
    }

    [Fact]
    public void Pick_DateWithVagueAndSpecificItems_PrefersTheSpecificOne()
    {
        var written = Today.PlusWeeks(-1);
        var specific = DueOn(Today, written, "That my boyfriend brought me lunch even though it was really far out of his way", social: true);
        var vague = DueOn(Today, written, "the people I love", vague: true);

        var memory = MemoryPicker.Pick(AlexId, Today, [Entry(written, vague, specific)], enabled: true);

        Assert.Equal(specific, memory!.Item);
    }

    [Fact]
    public void Pick_DateWithOnlyVagueItems_StillResurfacesOne()
    {
        var vague = DueOn(Today, Date("2026-11-18"), "my family", vague: true);

        var memory = MemoryPicker.Pick(AlexId, Today, [Entry(Date("2026-11-18"), vague)], enabled: true);

        Assert.Equal(vague, memory?.Item);
    }

    [Theory]
    [InlineData("2026-03-31", "2026-02-28")] // no 31 February: month arithmetic lands on the last day
    [InlineData("2028-03-30", "2028-02-29")] // leap year
    [InlineData("2027-01-15", "2026-12-15")] // across New Year
    public void Pick_MonthAgoAtMonthEnds_UsesCalendarMonthArithmetic(string today, string expectedMonthAgo)
    {
        var entries = new[] { Entry(Date(expectedMonthAgo), DueOn(Date(today), Date(expectedMonthAgo), "then")) };

        var memory = MemoryPicker.Pick(AlexId, Date(today), entries, enabled: true);

        Assert.Equal(MemoryKind.MonthAgo, memory?.Kind);
        Assert.Equal(Date(expectedMonthAgo), memory?.Date);
    }

    [Fact]
    public void Pick_OnLeapDay_LooksBackTo28FebruaryAYearAgo()
    {
        var entries = new[] { Entry(Date("2027-02-28"), DueOn(Date("2028-02-29"), Date("2027-02-28"), "the year before")) };

        var memory = MemoryPicker.Pick(AlexId, Date("2028-02-29"), entries, enabled: true);

        Assert.Equal(MemoryKind.YearAgo, memory?.Kind);
        Assert.Equal(Date("2027-02-28"), memory?.Date);
    }

    [Fact]
    public void Pick_RandomOlderDate_IsDeterministicPerSubscriberAndDate()
    {
        var entries = Enumerable.Range(1, 40).Select(i => Entry(Date("2026-01-01").PlusDays(i * 3), 4)).ToList();

        var first = MemoryPicker.Pick(AlexId, Today, entries, enabled: true);
        var again = MemoryPicker.Pick(AlexId, Today, entries.AsEnumerable().Reverse().ToList(), enabled: true);

        Assert.NotNull(first);
        Assert.Equal(MemoryKind.Earlier, first.Kind);
        Assert.Equal(first, again);
    }

    [Fact]
    public void Pick_RandomOlderDate_VariesAcrossDatesAndStaysInThePast()
    {
        var entries = Enumerable.Range(0, 20).Select(i => Entry(Date("2026-01-05").PlusDays(i * 10), 5)).ToList();
        var promptDates = Enumerable.Range(0, 30).Select(i => Date("2026-09-01").PlusDays(i * 2)).ToList();

        var picks = promptDates.Select(date => (Date: date, Memory: MemoryPicker.Pick(AlexId, date, entries, enabled: true))).Where(pick => pick.Memory is not null).ToList();

        Assert.All(picks, pick => Assert.True(pick.Memory!.Date < pick.Date));
        Assert.True(picks.Select(pick => pick.Memory!.Date).Distinct().Count() > 5);
        Assert.True(picks.Select(pick => pick.Memory!.Item.Text).Distinct().Count() > 5);
    }
}
