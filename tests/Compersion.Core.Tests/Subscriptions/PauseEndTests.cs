using Compersion.Core.Subscriptions;
using NodaTime;

namespace Compersion.Core.Tests.Subscriptions;

/// <summary>The end of a pause as people write it, and the date mail comes again.</summary>
public sealed class PauseEndTests
{
    // A Wednesday.
    private static readonly LocalDate Today = new(2026, 11, 25);

    [Theory]
    [InlineData("2026-12-28", "2026-12-28")]
    [InlineData("until 2026-12-28", "2026-12-28")]
    [InlineData("2 WEEKS", "2026-12-09")]
    [InlineData("for 10 days", "2026-12-05")]
    [InlineData("A WEEK", "2026-12-02")]
    [InlineData("1 month", "2026-12-25")]
    [InlineData("UNTIL MONDAY", "2026-11-30")]
    [InlineData("till wednesday", "2026-12-02")]
    public void TryParse_WrittenEnd_ResolvesToTheDayMailComesAgain(string words, string expected)
    {
        Assert.True(PauseEnd.TryParse(words.Split(' '), out var end));

        Assert.True(end!.TryResolve(Today, out var until, out var error), error);
        Assert.Equal(expected, TestFixtures.Iso(until));
    }

    [Theory]
    [InlineData("PLEASE")]
    [InlineData("FOR A BIT")]
    [InlineData("2 FORTNIGHTS")]
    [InlineData("0 DAYS")]
    [InlineData("28/12/2026")]
    [InlineData("2026-02-30")]
    public void TryParse_NotAnEnd_False(string words)
    {
        Assert.False(PauseEnd.TryParse(words.Split(' '), out _));
    }

    [Theory]
    [InlineData("2026-11-20", "already passed")]
    [InlineData("2026-11-25", "today")]
    [InlineData("2027-11-26", "up to a year")]
    public void TryResolve_PastTodayOrBeyondAYear_SaysHowToWriteIt(string date, string expected)
    {
        Assert.True(PauseEnd.TryParse([date], out var end));

        var resolved = end!.TryResolve(Today, out _, out var error);

        Assert.False(resolved);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains("PAUSE 2026-12-09", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryResolve_ExactlyAYear_Accepted()
    {
        Assert.True(PauseEnd.TryParse(["2027-11-25"], out var end));

        Assert.True(end!.TryResolve(Today, out var until, out _));
        Assert.Equal(new LocalDate(2027, 11, 25), until);
    }
}
