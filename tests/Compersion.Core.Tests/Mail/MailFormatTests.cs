using Compersion.Core.Journal;
using Compersion.Core.Mail;
using Compersion.Core.Prompts;
using NodaTime;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Mail;

public sealed class MailFormatTests
{
    [Theory]
    [InlineData("2026-11-25", "Wednesday, 25 November")]
    [InlineData("2027-01-01", "Friday, 1 January")]
    [InlineData("2028-02-29", "Tuesday, 29 February")]
    public void Day_AnyDate_IsEnglishWeekdayDayMonth(string date, string expected)
    {
        var label = MailFormat.Day(Date(date));

        Assert.Equal(expected, label);
    }

    [Fact]
    public void Day_OtherYear_AddsTheYear()
    {
        var label = MailFormat.Day(Date("2025-11-25"), relativeTo: Date("2026-11-25"));

        Assert.Equal("Tuesday, 25 November 2025", label);
    }

    [Theory]
    [InlineData(20, 0, "8:00 pm")]
    [InlineData(7, 5, "7:05 am")]
    [InlineData(12, 0, "12:00 pm")]
    [InlineData(0, 30, "12:30 am")]
    public void Time_TwelveHourReader_ReadsAsOnAnAmericanClock(int hour, int minute, string expected)
    {
        Assert.Equal(expected, MailFormat.Time(new LocalTime(hour, minute), twelveHour: true));
    }

    [Fact]
    public void Schedule_MorningTime_IsZeroPadded24Hour()
    {
        var label = MailFormat.Schedule(new LocalTime(7, 5), "Asia/Kathmandu");

        Assert.Equal("07:05 Kathmandu time", label);
    }

    [Theory]
    [InlineData("America/New_York", "New York time")]
    [InlineData("America/Argentina/Buenos_Aires", "Buenos Aires time")]
    [InlineData("Europe/Berlin", "Berlin time")]
    [InlineData("Etc/UTC", "UTC")]
    [InlineData("UTC", "UTC")]
    public void Zone_IanaId_ReadsAsTheCitysTime(string zone, string expected)
    {
        var label = MailFormat.Zone(zone);

        Assert.Equal(expected, label);
    }

    [Fact]
    public void Quote_MultiLineText_IsOneLineInCurlyQuotes()
    {
        var quoted = MailFormat.Quote("  lunch\r\n\twith   Sam \u0007 ");

        Assert.Equal("“lunch with Sam”", quoted);
    }

    [Fact]
    public void Quote_VeryLongText_IsShortenedWithAnEllipsis()
    {
        var quoted = MailFormat.Quote(new string('x', 1000));

        Assert.Equal("“" + new string('x', MailFormat.MaxQuoteLength) + "…”", quoted);
    }

    [Fact]
    public void Quote_CutThroughAnEmoji_DoesNotSplitIt()
    {
        var text = new string('x', MailFormat.MaxQuoteLength - 1) + "😊😊😊";

        var quoted = MailFormat.Quote(text);

        Assert.Equal("“" + new string('x', MailFormat.MaxQuoteLength - 1) + "…”", quoted);
    }

    [Theory]
    [InlineData("YearAgo", "2025-11-25", "A year ago today, on Tuesday, 25 November 2025, you wrote:")]
    [InlineData("MonthAgo", "2026-10-25", "A month ago, on Sunday, 25 October, you wrote:")]
    [InlineData("WeekAgo", "2026-11-18", "A week ago, on Wednesday, 18 November, you wrote:")]
    [InlineData("Earlier", "2026-03-02", "On Monday, 2 March you wrote:")]
    public void MemoryLead_EachKind_NamesTheDate(string kind, string date, string expected)
    {
        var lead = MailFormat.MemoryLead(new Memory(Date(date), new JournalItem("x"), Enum.Parse<MemoryKind>(kind)), Date("2026-11-25"));

        Assert.Equal(expected, lead);
    }
}
