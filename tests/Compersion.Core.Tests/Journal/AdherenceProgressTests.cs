using Compersion.Core.Journal;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Journal;

public sealed class AdherenceProgressTests
{
    private static readonly NodaTime.LocalDate Today = Date("2026-11-25");

    [Fact]
    public void For_NoEntries_IsDayZeroWithAnEncouragingLine()
    {
        var progress = AdherenceProgress.For(Today, []);

        Assert.Equal(0, progress.CurrentRun);
        Assert.Equal(0, progress.JournaledDays);
        Assert.Contains("day one", progress.Line, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("0 of 22", progress.Line, StringComparison.Ordinal);
        AssertKind(progress.Line);
    }

    [Fact]
    public void For_FivePerfectDaysEndingYesterday_IsFiveOf22()
    {
        var entries = PerfectDays(Date("2026-11-20"), Date("2026-11-24"));

        var progress = AdherenceProgress.For(Today, entries);

        Assert.Equal(5, progress.CurrentRun);
        Assert.Equal(5, progress.Displayed);
        Assert.StartsWith("5 of 22", progress.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void For_TodayAlreadyPerfect_CountsToday()
    {
        var entries = PerfectDays(Date("2026-11-20"), Today);

        var progress = AdherenceProgress.For(Today, entries);

        Assert.Equal(6, progress.CurrentRun);
    }

    [Fact]
    public void For_TodayStartedButNotYetPerfect_KeepsTheRunEndingYesterday()
    {
        var entries = PerfectDays(Date("2026-11-20"), Date("2026-11-24")).Append(Entry(Today, 2)).ToList();

        var progress = AdherenceProgress.For(Today, entries);

        Assert.Equal(5, progress.CurrentRun);
        Assert.Equal(6, progress.JournaledDays);
    }

    [Fact]
    public void For_YesterdayMissed_RunResetsAndLineStaysKind()
    {
        var entries = PerfectDays(Date("2026-11-01"), Date("2026-11-23"));

        var progress = AdherenceProgress.For(Today, entries);

        Assert.Equal(0, progress.CurrentRun);
        Assert.Equal(23, progress.JournaledDays);
        Assert.Contains("fresh start", progress.Line, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("23 days", progress.Line, StringComparison.Ordinal);
        AssertKind(progress.Line);
    }

    [Fact]
    public void For_GapInTheMiddle_CountsOnlyTheRunAfterIt()
    {
        var entries = PerfectDays(Date("2026-11-01"), Date("2026-11-15"))
            .Concat(PerfectDays(Date("2026-11-17"), Date("2026-11-24")))
            .ToList();

        var progress = AdherenceProgress.For(Today, entries);

        Assert.Equal(8, progress.CurrentRun);
        Assert.Equal(23, progress.JournaledDays);
    }

    [Fact]
    public void For_DayWithFourItems_BreaksTheRun()
    {
        var entries = PerfectDays(Date("2026-11-20"), Date("2026-11-24"))
            .Where(entry => entry.Date != Date("2026-11-22"))
            .Append(Entry(Date("2026-11-22"), 4))
            .ToList();

        var progress = AdherenceProgress.For(Today, entries);

        Assert.Equal(2, progress.CurrentRun);
        Assert.Equal(5, progress.JournaledDays);
    }

    [Fact]
    public void For_TwoRepliesOnOneDateAddingUpToFive_CountAsOnePerfectDay()
    {
        var entries = new[]
        {
            PerfectDays(Date("2026-11-23"), Date("2026-11-23"))[0],
            Entry(Date("2026-11-24"), 3),
            Entry(Date("2026-11-24"), new JournalItem("Mum called to say she got the job", Social: true), new JournalItem("The rain")),
        };

        var progress = AdherenceProgress.For(Today, entries);

        Assert.Equal(2, progress.CurrentRun);
        Assert.Equal(2, progress.JournaledDays);
    }

    [Fact]
    public void For_FiveItemsWithoutAPerson_DoNotCountTowardThe22()
    {
        var entries = PerfectDays(Date("2026-11-20"), Date("2026-11-23")).Append(Entry(Date("2026-11-24"), 5)).ToList();

        var progress = AdherenceProgress.For(Today, entries);

        Assert.Equal(0, progress.CurrentRun);
        Assert.Equal(5, progress.JournaledDays);
        Assert.Contains("one about a person", progress.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void For_RunUnder22_SaysThePersonCounts()
    {
        var entries = PerfectDays(Date("2026-11-22"), Date("2026-11-24"));

        var progress = AdherenceProgress.For(Today, entries);

        Assert.StartsWith("3 of 22 days in a row with five gratitudes and a person in them.", progress.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void For_Exactly22Days_Is22Of22()
    {
        var entries = PerfectDays(Today.PlusDays(-22), Today.PlusDays(-1));

        var progress = AdherenceProgress.For(Today, entries);

        Assert.Equal(22, progress.CurrentRun);
        Assert.StartsWith("22 of 22", progress.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void For_MoreThan22Days_IsCappedAt22AndSaysKeepGoing()
    {
        var entries = PerfectDays(Today.PlusDays(-30), Today.PlusDays(-1));

        var progress = AdherenceProgress.For(Today, entries);

        Assert.Equal(30, progress.CurrentRun);
        Assert.Equal(22, progress.Displayed);
        Assert.StartsWith("22 of 22", progress.Line, StringComparison.Ordinal);
        Assert.Contains("passed 22 days", progress.Line, StringComparison.Ordinal);
        Assert.Contains("keep going", progress.Line, StringComparison.Ordinal);
        Assert.DoesNotContain("30 of 22", progress.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void For_EntriesAfterThePromptDate_AreIgnored()
    {
        var entries = PerfectDays(Today.PlusDays(1), Today.PlusDays(5));

        var progress = AdherenceProgress.For(Today, entries);

        Assert.Equal(0, progress.CurrentRun);
        Assert.Equal(0, progress.JournaledDays);
    }

    [Fact]
    public void For_EmptyEntry_IsNotAJournaledDay()
    {
        var entries = new[] { new JournalEntry(AlexId, Date("2026-11-24"), []), Entry(Date("2026-11-20"), 1) };

        var progress = AdherenceProgress.For(Today, entries);

        Assert.Equal(1, progress.JournaledDays);
    }

    [Theory]
    [InlineData(1, "1 of 22")]
    [InlineData(21, "21 of 22")]
    public void Line_DuringTheRun_ShowsProgressToward22(int run, string expectedStart)
    {
        var progress = new AdherenceProgress(run, run);

        Assert.StartsWith(expectedStart, progress.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_AfterAGapWithOneEarlierDay_UsesTheSingular()
    {
        var progress = new AdherenceProgress(0, 1);

        Assert.Contains("1 day so far", progress.Line, StringComparison.Ordinal);
    }

    private static void AssertKind(string line)
    {
        foreach (var scolding in new[] { "broke", "broken", "lost", "missed", "failed", "streak", "0 of" })
        {
            Assert.DoesNotContain(scolding, line, StringComparison.OrdinalIgnoreCase);
        }
    }
}
