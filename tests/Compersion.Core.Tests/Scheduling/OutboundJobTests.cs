using Compersion.Core.Scheduling;
using NodaTime;

namespace Compersion.Core.Tests.Scheduling;

public sealed class OutboundJobTests
{
    private static readonly LocalDate SpringForward = new(2026, 3, 8);

    [Theory]
    [InlineData(JobKind.Prompt)]
    [InlineData(JobKind.Digest)]
    [InlineData(JobKind.Confirm)]
    public void TryParse_WhatToJsonWrote_GivesTheSameJob(JobKind kind)
    {
        var job = OutboundJob.For(TestFixtures.AlexId, kind, SpringForward);

        var parsed = OutboundJob.TryParse(job.ToJson(), out var read);

        Assert.True(parsed);
        Assert.Equal(job, read);
    }

    [Fact]
    public void ToJson_Job_IsCompactJsonWithALowercaseKindAndAnIsoDate()
    {
        var job = OutboundJob.For(TestFixtures.AlexId, JobKind.Prompt, SpringForward);

        var json = job.ToJson();

        Assert.Equal("""{"sid":"abcdefghijklmnop","kind":"prompt","date":"2026-03-08"}""", json);
    }

    [Fact]
    public void TryParse_JobFromAScheduleRow_KeepsTheRowsZoneAndTime()
    {
        var row = new ScheduleEntry(TestFixtures.AlexId, JobKind.Digest, SpringForward, TestFixtures.Utc("2026-03-08T22:00:00Z"), "America/New_York", new LocalTime(18, 0), IsoDayOfWeek.Sunday);
        var job = OutboundJob.From(row);

        var parsed = OutboundJob.TryParse(job.ToJson(), out var read);

        Assert.True(parsed);
        Assert.Equal(job, read);
        Assert.Equal("America/New_York", read!.Zone);
        Assert.Equal(new LocalTime(18, 0), read.LocalTime);
        Assert.Equal(row.JobId, read.Id);
    }

    [Fact]
    public void Following_DigestJobFromARow_IsTheRowTheDispatcherWroteAWeekLater()
    {
        var row = new ScheduleEntry(TestFixtures.AlexId, JobKind.Digest, TestFixtures.Date("2026-03-01"), TestFixtures.Utc("2026-03-01T23:00:00Z"), "America/New_York", new LocalTime(18, 0), IsoDayOfWeek.Sunday);

        var following = OutboundJob.From(row).Following();

        Assert.Equal(LocalSchedule.Following(row), following);
        Assert.Equal(TestFixtures.Utc("2026-03-08T22:00:00Z"), following!.DueAt);
    }

    [Fact]
    public void Following_PromptJobFromARow_IsTheNextDaysRow()
    {
        var row = new ScheduleEntry(TestFixtures.AlexId, JobKind.Prompt, SpringForward, TestFixtures.Utc("2026-03-08T19:00:00Z"), "Europe/Berlin", new LocalTime(20, 0));

        var following = OutboundJob.From(row).Following();

        Assert.Equal(row with { LocalDate = SpringForward.PlusDays(1), DueAt = TestFixtures.Utc("2026-03-09T19:00:00Z") }, following);
    }

    [Theory]
    [InlineData("""{"sid":"abcdefghijklmnop","kind":"prompt","date":"2026-03-08"}""")]
    [InlineData("""{"sid":"abcdefghijklmnop","kind":"prompt","date":"2026-03-08","zone":"Europe/Berlin"}""")]
    [InlineData("""{"sid":"abcdefghijklmnop","kind":"prompt","date":"2026-03-08","zone":"Mars/Base","at":"20:00:00"}""")]
    [InlineData("""{"sid":"abcdefghijklmnop","kind":"prompt","date":"2026-03-08","zone":"Europe/Berlin","at":"25:00"}""")]
    public void TryParse_MessageWithoutAUsableRow_IsStillAJobButFindsNoFollowingRow(string json)
    {
        var parsed = OutboundJob.TryParse(json, out var job);

        Assert.True(parsed);
        Assert.Equal(OutboundJob.For(TestFixtures.AlexId, JobKind.Prompt, SpringForward), job);
        Assert.Null(job!.Following());
    }

    [Fact]
    public void For_SameSubscriberKindAndDate_GivesTheSameDeterministicId()
    {
        var first = OutboundJob.For(TestFixtures.AlexId, JobKind.Digest, SpringForward);

        var second = OutboundJob.For(TestFixtures.AlexId, JobKind.Digest, SpringForward);

        Assert.Equal("abcdefghijklmnop-digest-2026-03-08", first.Id);
        Assert.Equal(first.Id, second.Id);
        Assert.NotEqual(first.Id, OutboundJob.For(TestFixtures.SamId, JobKind.Digest, SpringForward).Id);
        Assert.NotEqual(first.Id, OutboundJob.For(TestFixtures.AlexId, JobKind.Prompt, SpringForward).Id);
        Assert.NotEqual(first.Id, OutboundJob.For(TestFixtures.AlexId, JobKind.Digest, SpringForward.PlusDays(1)).Id);
    }

    [Fact]
    public void TryParse_KindInCapitalsAndExtraFields_IsRead()
    {
        var parsed = OutboundJob.TryParse("""{ "sid": "abcdefghijklmnop", "kind": "PROMPT", "date": "2026-03-08", "attempt": 2 }""", out var job);

        Assert.True(parsed);
        Assert.Equal(OutboundJob.For(TestFixtures.AlexId, JobKind.Prompt, SpringForward), job);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not json")]
    [InlineData("{")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("{}")]
    [InlineData("""{"sid":"abcdefghijklmnop","kind":"prompt","date":"2026-03-08"} trailing""")]
    [InlineData("""{"sid":["abcdefghijklmnop"],"kind":"prompt","date":"2026-03-08"}""")]
    [InlineData("""{"sid":"abcdefghijklmnop","kind":"prompt","date":20260308}""")]
    public void TryParse_MalformedJson_IsFalse(string? json)
    {
        var parsed = OutboundJob.TryParse(json, out var job);

        Assert.False(parsed);
        Assert.Null(job);
    }

    [Theory]
    [InlineData("newsletter")]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("7")]
    [InlineData("prompt,digest")]
    [InlineData(" prompt")]
    public void TryParse_UnknownKind_IsFalse(string kind)
    {
        var parsed = OutboundJob.TryParse($$"""{"sid":"abcdefghijklmnop","kind":"{{kind}}","date":"2026-03-08"}""", out var job);

        Assert.False(parsed);
        Assert.Null(job);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABCDEFGHIJKLMNOP")]
    [InlineData("abcdefghijklmno")]
    [InlineData("../subscribers/x")]
    [InlineData("alex@example.org")]
    public void TryParse_BadSubscriberId_IsFalse(string sid)
    {
        var parsed = OutboundJob.TryParse($$"""{"sid":"{{sid}}","kind":"prompt","date":"2026-03-08"}""", out var job);

        Assert.False(parsed);
        Assert.Null(job);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-02-30")]
    [InlineData("2026-3-8")]
    [InlineData("08/03/2026")]
    [InlineData("2026-03-08T07:00:00Z")]
    public void TryParse_BadDate_IsFalse(string date)
    {
        var parsed = OutboundJob.TryParse($$"""{"sid":"abcdefghijklmnop","kind":"prompt","date":"{{date}}"}""", out var job);

        Assert.False(parsed);
        Assert.Null(job);
    }

    [Fact]
    public void TryParse_MissingDate_IsFalse()
    {
        var parsed = OutboundJob.TryParse("""{"sid":"abcdefghijklmnop","kind":"prompt"}""", out var job);

        Assert.False(parsed);
        Assert.Null(job);
    }

    [Fact]
    public void TryParse_LoneSurrogateInTheText_IsFalseRatherThanThrowing()
    {
        var json = "{\"sid\":\"abcdefghijklmnop\",\"kind\":\"prompt\",\"date\":\"2026-03-08\uD800\"}";

        var parsed = OutboundJob.TryParse(json, out var job);

        Assert.False(parsed);
        Assert.Null(job);
    }
}
