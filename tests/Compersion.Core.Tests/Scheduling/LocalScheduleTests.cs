using Compersion.Core.Scheduling;
using NodaTime;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Scheduling;

// Every expected instant below was worked out by hand from the zone's offsets and transition
// times (tzdata 2025), never by calling the code under test.
public sealed class LocalScheduleTests
{
    private static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb[id];

    [Theory]
    [InlineData("Europe/Berlin", "2026-06-15", 20, 0, "2026-06-15T18:00:00Z")] // CEST, +02:00
    [InlineData("Europe/Berlin", "2026-01-15", 20, 0, "2026-01-15T19:00:00Z")] // CET, +01:00
    [InlineData("Europe/London", "2026-01-15", 20, 0, "2026-01-15T20:00:00Z")] // GMT
    [InlineData("Europe/London", "2026-07-15", 20, 0, "2026-07-15T19:00:00Z")] // BST, +01:00
    [InlineData("America/New_York", "2026-07-04", 20, 0, "2026-07-05T00:00:00Z")] // EDT, -04:00
    [InlineData("Asia/Kolkata", "2026-01-15", 20, 0, "2026-01-15T14:30:00Z")] // +05:30
    [InlineData("Asia/Kathmandu", "2026-01-15", 20, 0, "2026-01-15T14:15:00Z")] // +05:45
    [InlineData("Australia/Lord_Howe", "2026-07-01", 20, 0, "2026-07-01T09:30:00Z")] // +10:30
    [InlineData("Australia/Lord_Howe", "2026-12-01", 20, 0, "2026-12-01T09:00:00Z")] // +11:00
    [InlineData("Pacific/Chatham", "2026-07-01", 20, 0, "2026-07-01T07:15:00Z")] // +12:45
    [InlineData("Pacific/Chatham", "2026-01-15", 20, 0, "2026-01-15T06:15:00Z")] // +13:45
    [InlineData("Pacific/Chatham", "2026-01-15", 7, 30, "2026-01-14T17:45:00Z")] // +13:45, previous UTC day
    public void InstantFor_OrdinaryDay_IsLocalTimeMinusOffset(string zone, string date, int hour, int minute, string expected)
    {
        var due = LocalSchedule.InstantFor(Zone(zone), Date(date), new LocalTime(hour, minute));

        Assert.Equal(Utc(expected), due);
    }

    [Theory]
    [InlineData("America/New_York", "2026-03-08", 2, 30, "2026-03-08T07:00:00Z")] // 02:00→03:00 EDT
    [InlineData("America/New_York", "2026-03-08", 2, 0, "2026-03-08T07:00:00Z")]
    [InlineData("Europe/London", "2026-03-29", 1, 30, "2026-03-29T01:00:00Z")] // 01:00→02:00 BST
    [InlineData("Europe/Berlin", "2026-03-29", 2, 30, "2026-03-29T01:00:00Z")] // 02:00→03:00 CEST
    [InlineData("Australia/Lord_Howe", "2026-10-04", 2, 15, "2026-10-03T15:30:00Z")] // 02:00→02:30 (+10:30→+11)
    [InlineData("Pacific/Chatham", "2026-09-27", 3, 0, "2026-09-26T14:00:00Z")] // 02:45→03:45 (+12:45→+13:45)
    public void InstantFor_TimeInSpringForwardGap_IsSentWhenTheGapEnds(string zone, string date, int hour, int minute, string expected)
    {
        var due = LocalSchedule.InstantFor(Zone(zone), Date(date), new LocalTime(hour, minute));

        Assert.Equal(Utc(expected), due);
    }

    [Theory]
    [InlineData("America/New_York", "2026-11-01", 1, 30, "2026-11-01T05:30:00Z")] // EDT occurrence, not 06:30Z
    [InlineData("Europe/London", "2026-10-25", 1, 30, "2026-10-25T00:30:00Z")] // BST occurrence, not 01:30Z
    [InlineData("Europe/Berlin", "2026-10-25", 2, 30, "2026-10-25T00:30:00Z")] // CEST occurrence, not 01:30Z
    [InlineData("Australia/Lord_Howe", "2026-04-05", 1, 45, "2026-04-04T14:45:00Z")] // +11 occurrence, not 15:15Z
    [InlineData("Pacific/Chatham", "2026-04-05", 3, 0, "2026-04-04T13:15:00Z")] // +13:45 occurrence, not 14:15Z
    public void InstantFor_AmbiguousFallBackTime_IsTheFirstOccurrence(string zone, string date, int hour, int minute, string expected)
    {
        var due = LocalSchedule.InstantFor(Zone(zone), Date(date), new LocalTime(hour, minute));

        Assert.Equal(Utc(expected), due);
    }

    [Theory]
    [InlineData("America/New_York", 1, 30, "2026-11-01T05:30:00Z", "2026-11-02", "2026-11-02T06:30:00Z")]
    [InlineData("Europe/Berlin", 2, 30, "2026-10-25T00:30:00Z", "2026-10-26", "2026-10-26T01:30:00Z")]
    [InlineData("Australia/Lord_Howe", 1, 45, "2026-04-04T14:45:00Z", "2026-04-06", "2026-04-05T15:15:00Z")]
    public void NextDaily_AfterFirstOccurrenceOfAmbiguousTime_GoesToNextDayNotTheRepeat(
        string zone, int hour, int minute, string firstOccurrence, string expectedDate, string expectedDue)
    {
        var next = LocalSchedule.NextDaily(Zone(zone), new LocalTime(hour, minute), Utc(firstOccurrence));

        Assert.Equal((Date(expectedDate), Utc(expectedDue)), next);
    }

    [Fact]
    public void NextDaily_JustBeforeAmbiguousTime_IsThatDaysFirstOccurrence()
    {
        var next = LocalSchedule.NextDaily(Zone("America/New_York"), new LocalTime(1, 30), Utc("2026-11-01T05:29:00Z"));

        Assert.Equal((Date("2026-11-01"), Utc("2026-11-01T05:30:00Z")), next);
    }

    [Fact]
    public void NextDaily_BeforeTodaysTime_IsToday()
    {
        var next = LocalSchedule.NextDaily(Zone("Europe/Berlin"), new LocalTime(20, 0), Utc("2026-11-25T12:00:00Z"));

        Assert.Equal((Date("2026-11-25"), Utc("2026-11-25T19:00:00Z")), next);
    }

    [Fact]
    public void NextDaily_ExactlyAtDueInstant_IsTomorrow()
    {
        var next = LocalSchedule.NextDaily(Zone("Europe/Berlin"), new LocalTime(20, 0), Utc("2026-11-25T19:00:00Z"));

        Assert.Equal((Date("2026-11-26"), Utc("2026-11-26T19:00:00Z")), next);
    }

    [Fact]
    public void NextDaily_LocalDateAheadOfUtc_UsesTheLocalDate()
    {
        // 11:00Z on 25 November is already 00:45 on 26 November in Chatham (+13:45).
        var next = LocalSchedule.NextDaily(Zone("Pacific/Chatham"), new LocalTime(7, 30), Utc("2026-11-25T11:00:00Z"));

        Assert.Equal((Date("2026-11-26"), Utc("2026-11-25T17:45:00Z")), next);
    }

    [Fact]
    public void NextDaily_WithFromDateInTheFuture_StartsAtThatDate()
    {
        var next = LocalSchedule.NextDaily(Zone("Europe/Berlin"), new LocalTime(20, 0), Date("2026-11-28"), Utc("2026-11-25T12:00:00Z"));

        Assert.Equal((Date("2026-11-28"), Utc("2026-11-28T19:00:00Z")), next);
    }

    [Fact]
    public void NextDaily_WithFromDateInThePast_IsTheNextOccurrence()
    {
        var next = LocalSchedule.NextDaily(Zone("Europe/Berlin"), new LocalTime(20, 0), Date("2026-11-01"), Utc("2026-11-25T20:00:00Z"));

        Assert.Equal((Date("2026-11-26"), Utc("2026-11-26T19:00:00Z")), next);
    }

    [Theory]
    [InlineData("2026-11-25T12:00:00Z", "2026-11-29", "2026-11-29T17:00:00Z")] // Wednesday → coming Sunday
    [InlineData("2026-11-29T16:59:00Z", "2026-11-29", "2026-11-29T17:00:00Z")] // Sunday, a minute before
    [InlineData("2026-11-29T17:00:00Z", "2026-12-06", "2026-12-06T17:00:00Z")] // exactly at it → next week
    [InlineData("2026-10-19T00:00:00Z", "2026-10-25", "2026-10-25T17:00:00Z")] // the Sunday DST ends (CET)
    [InlineData("2026-10-12T00:00:00Z", "2026-10-18", "2026-10-18T16:00:00Z")] // still CEST
    public void NextWeekly_SundayEvening_IsNextSundayAtLocalTime(string after, string expectedDate, string expectedDue)
    {
        var next = LocalSchedule.NextWeekly(Zone("Europe/Berlin"), IsoDayOfWeek.Sunday, new LocalTime(18, 0), Utc(after));

        Assert.Equal((Date(expectedDate), Utc(expectedDue)), next);
    }

    [Fact]
    public void NextWeekly_TimeInGapOnThatDay_IsSentWhenTheGapEnds()
    {
        var next = LocalSchedule.NextWeekly(Zone("Europe/Berlin"), IsoDayOfWeek.Sunday, new LocalTime(2, 30), Utc("2026-03-23T00:00:00Z"));

        Assert.Equal((Date("2026-03-29"), Utc("2026-03-29T01:00:00Z")), next);
    }

    [Fact]
    public void NextWeekly_WeekdayAlreadyStartedLocallyButNotInUtc_IsToday()
    {
        // 17:00Z on Sunday 29 November is 07:00 on Monday 30 November in Kiritimati (+14).
        var next = LocalSchedule.NextWeekly(Zone("Pacific/Kiritimati"), IsoDayOfWeek.Monday, new LocalTime(8, 0), Utc("2026-11-29T17:00:00Z"));

        Assert.Equal((Date("2026-11-30"), Utc("2026-11-29T18:00:00Z")), next);
    }

    [Fact]
    public void Following_DailyEntryAcrossSpringForward_KeepsLocalTime()
    {
        var entry = new ScheduleEntry(AlexId, JobKind.Prompt, Date("2026-03-07"), Utc("2026-03-08T01:00:00Z"), "America/New_York", new LocalTime(20, 0));

        var next = LocalSchedule.Following(entry);

        Assert.Equal(entry with { LocalDate = Date("2026-03-08"), DueAt = Utc("2026-03-09T00:00:00Z") }, next);
    }

    [Fact]
    public void Following_DailyEntryAcrossFallBack_KeepsLocalTime()
    {
        var entry = new ScheduleEntry(AlexId, JobKind.Prompt, Date("2026-10-31"), Utc("2026-11-01T00:00:00Z"), "America/New_York", new LocalTime(20, 0));

        var next = LocalSchedule.Following(entry);

        Assert.Equal(entry with { LocalDate = Date("2026-11-01"), DueAt = Utc("2026-11-02T01:00:00Z") }, next);
    }

    [Fact]
    public void Following_WeeklyEntryAcrossFallBack_IsOneWeekLaterAtLocalTime()
    {
        var entry = new ScheduleEntry(AlexId, JobKind.Digest, Date("2026-10-18"), Utc("2026-10-18T16:00:00Z"), "Europe/Berlin", new LocalTime(18, 0), IsoDayOfWeek.Sunday);

        var next = LocalSchedule.Following(entry);

        Assert.Equal(entry with { LocalDate = Date("2026-10-25"), DueAt = Utc("2026-10-25T17:00:00Z") }, next);
    }

    [Fact]
    public void Following_DailyEntryIntoGap_IsSentWhenTheGapEnds()
    {
        var entry = new ScheduleEntry(AlexId, JobKind.Prompt, Date("2026-10-03"), Utc("2026-10-02T15:45:00Z"), "Australia/Lord_Howe", new LocalTime(2, 15));

        var next = LocalSchedule.Following(entry);

        Assert.Equal(entry with { LocalDate = Date("2026-10-04"), DueAt = Utc("2026-10-03T15:30:00Z") }, next);
    }

    [Fact]
    public void Daily_AcrossSpringForward_ListsOneInstantPerLocalDate()
    {
        var days = LocalSchedule.Daily(Zone("America/New_York"), new LocalTime(2, 30), Date("2026-03-06"), 5).ToList();

        Assert.Equal(
            [
                (Date("2026-03-06"), Utc("2026-03-06T07:30:00Z")),
                (Date("2026-03-07"), Utc("2026-03-07T07:30:00Z")),
                (Date("2026-03-08"), Utc("2026-03-08T07:00:00Z")),
                (Date("2026-03-09"), Utc("2026-03-09T06:30:00Z")),
                (Date("2026-03-10"), Utc("2026-03-10T06:30:00Z")),
            ],
            days);
    }

    [Theory]
    [InlineData("Australia/Lord_Howe", "2026-03-20", 1, 45)]
    [InlineData("Pacific/Chatham", "2026-09-20", 3, 0)]
    [InlineData("Europe/London", "2026-10-20", 1, 30)]
    public void Daily_OverTransitions_MatchesInstantForEachDate(string zone, string from, int hour, int minute)
    {
        var time = new LocalTime(hour, minute);

        var days = LocalSchedule.Daily(Zone(zone), time, Date(from), 30).ToList();

        Assert.Equal(30, days.Count);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => Date(from).PlusDays(i)), days.Select(day => day.Date));
        Assert.All(days, day => Assert.Equal(LocalSchedule.InstantFor(Zone(zone), day.Date, time), day.DueAt));
        Assert.Equal(days.Count, days.Select(day => day.DueAt).Distinct().Count());
    }

    [Theory]
    [InlineData("Europe/Berlin", true)]
    [InlineData("Asia/Kathmandu", true)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData(null, false)]
    public void IsKnownZone_VariousIds_RecognisesIanaZones(string? zone, bool expected)
    {
        var known = LocalSchedule.IsKnownZone(zone);

        Assert.Equal(expected, known);
    }
}
