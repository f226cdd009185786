using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using NodaTime;

namespace Compersion.Core.Tests.Subscriptions;

public sealed class SignUpRequestTests
{
    [Fact]
    public void TryCreate_EveryFieldGiven_NormalisesThem()
    {
        var created = SignUpRequest.TryCreate(" Alex@Example.ORG ", " Europe/Berlin ", "7:30", "wed", "18:15", out var request, out var error);

        Assert.True(created, error);
        Assert.Equal(new SignUpRequest("Alex@example.org", "Europe/Berlin", new LocalTime(7, 30), IsoDayOfWeek.Wednesday, new LocalTime(18, 15)), request);
        Assert.Empty(error);
    }

    [Fact]
    public void TryCreate_OptionalFieldsBlank_UsesTheDefaults()
    {
        var created = SignUpRequest.TryCreate("alex@example.org", "America/New_York", null, "", "  ", out var request, out _);

        Assert.True(created);
        Assert.Equal(Subscriber.DefaultPromptTime, request!.PromptTime);
        Assert.Equal(IsoDayOfWeek.Sunday, request.DigestDay);
        Assert.Equal(Subscriber.DefaultDigestTime, request.DigestTime);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("alex")]
    [InlineData("alex@localhost")]
    [InlineData("Alex <alex@example.org>")]
    [InlineData("alex@example.org, sam@example.org")]
    public void TryCreate_InvalidAddress_FailsAskingForAnAddress(string? email)
    {
        var created = SignUpRequest.TryCreate(email, "Europe/Berlin", "07:30", null, null, out var request, out var error);

        Assert.False(created);
        Assert.Null(request);
        Assert.Contains("email address", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("europe/berlin ")]
    [InlineData("+01:00")]
    public void TryCreate_UnknownZone_FailsAskingForAZone(string? zone)
    {
        var created = SignUpRequest.TryCreate("alex@example.org", zone, "07:30", null, null, out var request, out var error);

        Assert.False(created);
        Assert.Null(request);
        Assert.Contains("time zone", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCreate_BadPromptTime_FailsAskingForTheTime()
    {
        var created = SignUpRequest.TryCreate("alex@example.org", "Europe/Berlin", "7pm", null, null, out var request, out var error);

        Assert.False(created);
        Assert.Null(request);
        Assert.StartsWith("Please give the time", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCreate_BadDigestDay_FailsAskingForTheDay()
    {
        var created = SignUpRequest.TryCreate("alex@example.org", "Europe/Berlin", "07:30", "Someday", null, out var request, out var error);

        Assert.False(created);
        Assert.Null(request);
        Assert.Contains("digest day", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCreate_BadDigestTime_FailsAskingForTheDigestTime()
    {
        var created = SignUpRequest.TryCreate("alex@example.org", "Europe/Berlin", "07:30", "Friday", "25:00", out var request, out var error);

        Assert.False(created);
        Assert.Null(request);
        Assert.Contains("digest time", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("07:30", 7, 30)]
    [InlineData("7:30", 7, 30)]
    [InlineData(" 20:00 ", 20, 0)]
    [InlineData("00:00", 0, 0)]
    [InlineData("23:59", 23, 59)]
    public void TryParseTime_TwentyFourHourTime_ParsesIt(string text, int hour, int minute)
    {
        var parsed = SignUpRequest.TryParseTime(text, new LocalTime(12, 0), out var time);

        Assert.True(parsed);
        Assert.Equal(new LocalTime(hour, minute), time);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TryParseTime_Blank_GivesTheFallback(string? text)
    {
        var parsed = SignUpRequest.TryParseTime(text, new LocalTime(6, 45), out var time);

        Assert.True(parsed);
        Assert.Equal(new LocalTime(6, 45), time);
    }

    [Theory]
    [InlineData("24:00")]
    [InlineData("12:60")]
    [InlineData("7:5")]
    [InlineData("0730")]
    [InlineData("07:30:00")]
    [InlineData("7pm")]
    [InlineData("noon")]
    [InlineData("-1:30")]
    public void TryParseTime_AnythingElse_FailsAndGivesTheFallback(string text)
    {
        var parsed = SignUpRequest.TryParseTime(text, new LocalTime(6, 45), out var time);

        Assert.False(parsed);
        Assert.Equal(new LocalTime(6, 45), time);
    }

    [Theory]
    [InlineData("Monday", IsoDayOfWeek.Monday)]
    [InlineData("monday", IsoDayOfWeek.Monday)]
    [InlineData(" Friday ", IsoDayOfWeek.Friday)]
    [InlineData("THU", IsoDayOfWeek.Thursday)]
    [InlineData("sat", IsoDayOfWeek.Saturday)]
    [InlineData("Sun", IsoDayOfWeek.Sunday)]
    public void TryParseDay_NameOrThreeLetterAbbreviation_ParsesIt(string text, IsoDayOfWeek expected)
    {
        var parsed = SignUpRequest.TryParseDay(text, out var day);

        Assert.True(parsed);
        Assert.Equal(expected, day);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void TryParseDay_Blank_GivesSunday(string? text)
    {
        var parsed = SignUpRequest.TryParseDay(text, out var day);

        Assert.True(parsed);
        Assert.Equal(IsoDayOfWeek.Sunday, day);
    }

    [Theory]
    [InlineData("Mo")]
    [InlineData("Mond")]
    [InlineData("Funday")]
    [InlineData("None")]
    [InlineData("non")]
    [InlineData("1")]
    [InlineData("Montag")]
    public void TryParseDay_AnythingElse_Fails(string text)
    {
        var parsed = SignUpRequest.TryParseDay(text, out _);

        Assert.False(parsed);
    }

    [Theory]
    [InlineData("12", true)]
    [InlineData("24", false)]
    [InlineData(null, false)]
    [InlineData("", false)]
    public void TryCreate_Clock_KeepsTheClockTheBrowserReads(string? clock, bool twelveHour)
    {
        var created = SignUpRequest.TryCreate("a@example.org", "America/New_York", "20:00", null, null, null, clock, out var request, out _);

        Assert.True(created);
        Assert.Equal(twelveHour, request!.TwelveHourClock);
    }

    [Fact]
    public void TryCreate_ClockNeitherTwelveNorTwentyFour_SaysWhatToFix()
    {
        var created = SignUpRequest.TryCreate("a@example.org", "America/New_York", "20:00", null, null, null, "13", out _, out var error);

        Assert.False(created);
        Assert.Equal("Please give the clock as 12 or 24.", error);
    }
}
