using Compersion.Core.Prompts;
using Compersion.Core.Subscribers;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Prompts;

public sealed class ThemeRotationTests
{
    private static readonly string[] Subscribers =
        [AlexId, SamId, "aaaaaaaaaaaaaaaa", "2222222222222222", "mzxw6ytboi4dsnzq"];

    [Fact]
    public void All_EightThemesFromTheDesign_EachWithANudge()
    {
        var names = ThemeRotation.All.Select(theme => theme.Name).ToList();

        Assert.Equal(
            ["People", "Small moments", "Someone else's joy", "Body and health", "Home", "Work", "Nature", "A hard thing that taught you something"],
            names);
        Assert.All(ThemeRotation.All, theme => Assert.False(string.IsNullOrWhiteSpace(theme.Nudge)));
        Assert.Equal(ThemeRotation.All.Count, ThemeRotation.All.Select(theme => theme.Nudge).Distinct().Count());
    }

    [Fact]
    public void All_SomeoneElsesJoy_InvitesSharingTheirJoy()
    {
        var theme = ThemeRotation.All.Single(theme => theme.Name == "Someone else's joy");

        Assert.Equal("Whose happiness did you notice today? Their joy can be yours too.", theme.Nudge);
    }

    [Fact]
    public void For_ConsecutiveDates_NeverRepeatsForAnySubscriber()
    {
        var repeats = new List<string>();
        var ids = Subscribers.Concat(Enumerable.Range(0, 20).Select(_ => SubscriberId.New()));

        foreach (var id in ids)
        {
            // Three years, across two New Years (2025→2026, 2026→2027) and a leap day (2028 is next; 2024 is included).
            var previous = ThemeRotation.For(id, Date("2024-01-01"));
            for (var date = Date("2024-01-02"); date <= Date("2027-03-01"); date = date.PlusDays(1))
            {
                var theme = ThemeRotation.For(id, date);
                if (theme == previous)
                {
                    repeats.Add($"{id} {Iso(date)}");
                }

                previous = theme;
            }
        }

        Assert.Empty(repeats);
    }

    [Theory]
    [InlineData("2026-12-31", "2027-01-01")]
    [InlineData("2024-02-28", "2024-02-29")]
    [InlineData("2024-02-29", "2024-03-01")]
    [InlineData("1969-12-31", "1970-01-01")]
    public void For_AcrossCalendarBoundaries_DiffersFromTheDayBefore(string before, string after)
    {
        var differences = Subscribers.Count(id => ThemeRotation.For(id, Date(before)) != ThemeRotation.For(id, Date(after)));

        Assert.Equal(Subscribers.Length, differences);
    }

    [Fact]
    public void For_SameSubscriberAndDate_IsTheSameEveryTime()
    {
        var date = Date("2026-11-25");

        var themes = Enumerable.Range(0, 5).Select(_ => ThemeRotation.For(AlexId, date)).ToList();

        Assert.Single(themes.Distinct());
    }

    [Fact]
    public void For_AnySevenConsecutiveDays_NoThemeTwice()
    {
        var ids = Subscribers.Concat(Enumerable.Range(0, 20).Select(_ => SubscriberId.New()));

        var windows = ids.SelectMany(id => Enumerable.Range(0, 400)
            .Select(offset => Enumerable.Range(0, 7).Select(day => ThemeRotation.For(id, Date("2026-12-01").PlusDays(offset + day))).Distinct().Count()));

        Assert.All(windows, count => Assert.Equal(7, count));
    }

    [Fact]
    public void For_AnyFifteenConsecutiveDays_UsesEveryTheme()
    {
        var start = Date("2026-11-01");

        var windows = Enumerable.Range(0, 60)
            .Select(offset => Enumerable.Range(0, 15).Select(day => ThemeRotation.For(AlexId, start.PlusDays(offset + day))).Distinct().Count())
            .ToList();

        Assert.All(windows, count => Assert.Equal(ThemeRotation.All.Count, count));
    }

    [Fact]
    public void For_DifferentSubscribers_AreNotInLockstep()
    {
        var dates = Enumerable.Range(0, 30).Select(day => Date("2026-11-01").PlusDays(day)).ToList();

        var sequences = Subscribers.Select(id => string.Join(',', dates.Select(date => ThemeRotation.For(id, date).Name))).ToList();

        Assert.True(sequences.Distinct().Count() > 1);
    }
}
