using Compersion.Core.Scheduling;
using NodaTime;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Scheduling;

public sealed class SubscriberScheduleTests
{
    [Fact]
    public void Next_DigestOnAWednesday_IsTheComingSundayAtTheDigestTime()
    {
        var subscriber = Subscriber(zone: "Europe/Berlin");

        var next = SubscriberSchedule.Next(subscriber, JobKind.Digest, Utc("2026-11-25T12:00:00Z"));

        Assert.Equal(new ScheduleEntry(AlexId, JobKind.Digest, Date("2026-11-29"), Utc("2026-11-29T17:00:00Z"), "Europe/Berlin", new LocalTime(18, 0), IsoDayOfWeek.Sunday), next);
    }

    [Fact]
    public void Next_DigestOnSundayAfterItsTime_IsTheSundayAfter()
    {
        var subscriber = Subscriber(zone: "Europe/Berlin");

        var next = SubscriberSchedule.Next(subscriber, JobKind.Digest, Utc("2026-11-29T17:00:00Z"));

        Assert.Equal(Date("2026-12-06"), next.LocalDate);
    }

    [Fact]
    public void NextAll_NewSubscriber_IsOnePromptAndOneDigest()
    {
        var subscriber = Subscriber(zone: "Asia/Kathmandu");

        var rows = SubscriberSchedule.NextAll(subscriber, Utc("2026-11-25T12:00:00Z"));

        Assert.Equal([JobKind.Prompt, JobKind.Digest], rows.Select(row => row.Kind));
        Assert.Equal(Utc("2026-11-25T14:15:00Z"), rows[0].DueAt);
        Assert.Equal(Utc("2026-11-29T12:15:00Z"), rows[1].DueAt);
    }

    [Fact]
    public void Possible_AnyMoment_IncludesTheRowNextWouldWrite()
    {
        var subscriber = Subscriber(zone: "Pacific/Chatham");
        var moments = Enumerable.Range(0, 14 * 24).Select(hour => Utc("2026-09-20T00:00:00Z") + Duration.FromHours(hour));

        foreach (var now in moments)
        {
            foreach (var kind in SubscriberSchedule.RecurringKinds)
            {
                Assert.Contains(SubscriberSchedule.Next(subscriber, kind, now), SubscriberSchedule.Possible(subscriber, kind, now));
            }
        }
    }

    [Fact]
    public void Possible_Digest_IsTheLastAndTheNextTwoDigestDays()
    {
        var subscriber = Subscriber(zone: "Europe/Berlin");

        var rows = SubscriberSchedule.Possible(subscriber, JobKind.Digest, Utc("2026-11-25T12:00:00Z"));

        Assert.Equal([Date("2026-11-15"), Date("2026-11-22"), Date("2026-11-29")], rows.Select(row => row.LocalDate));
        Assert.All(rows, row => Assert.Equal(IsoDayOfWeek.Sunday, row.Weekday));
    }
}
