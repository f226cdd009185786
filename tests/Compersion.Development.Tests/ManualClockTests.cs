namespace Compersion.Development.Tests;

public sealed class ManualClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 8, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Advance_ByAnHour_NowIsAnHourLater()
    {
        var clock = new ManualClock(Start);

        clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(Start.AddHours(1), clock.GetUtcNow());
    }

    [Fact]
    public void SetTo_EarlierInstant_KeepsTheLaterOne()
    {
        var clock = new ManualClock(Start);

        clock.SetTo(Start.AddMinutes(-5));

        Assert.Equal(Start, clock.GetUtcNow());
    }

    [Fact]
    public void SetTo_LaterInstantGivenInAnotherOffset_MovesToThatInstantInUtc()
    {
        var clock = new ManualClock(Start);

        clock.SetTo(new DateTimeOffset(2026, 3, 8, 9, 0, 0, TimeSpan.FromHours(2)));

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 7, 0, 0, TimeSpan.Zero), clock.GetUtcNow());
        Assert.Equal(TimeSpan.Zero, clock.GetUtcNow().Offset);
    }

    [Fact]
    public void Set_EarlierInstant_MovesBack()
    {
        var clock = new ManualClock(Start);

        clock.Set(Start.AddDays(-1));

        Assert.Equal(Start.AddDays(-1), clock.GetUtcNow());
    }
}
