using Compersion.Core.Scheduling;
using NodaTime;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Scheduling;

public sealed class OutboundBatchTests
{
    private static readonly LocalDate Day = Date("2026-03-08");

    [Fact]
    public void TryParse_WhatToJsonWrote_GivesTheSameJobsInOrder()
    {
        var row = new ScheduleEntry(AlexId, JobKind.Digest, Day, Utc("2026-03-08T17:00:00Z"), "Europe/Berlin", new LocalTime(18, 0), IsoDayOfWeek.Sunday);
        var batch = new OutboundBatch([OutboundJob.From(row), OutboundJob.For(SamId, JobKind.Prompt, Day), OutboundJob.For(AlexId, JobKind.Confirm, Day)]);

        var parsed = OutboundBatch.TryParse(batch.ToJson(), out var read);

        Assert.True(parsed);
        Assert.Equal(batch.Jobs, read!.Jobs);
        Assert.Equal("Europe/Berlin", read.Jobs[0].Zone);
    }

    [Fact]
    public void ToJson_Batch_IsAJobsArray()
    {
        var json = OutboundBatch.Of(OutboundJob.For(AlexId, JobKind.Prompt, Day)).ToJson();

        Assert.Equal("""{"jobs":[{"sid":"abcdefghijklmnop","kind":"prompt","date":"2026-03-08"}]}""", json);
    }

    [Fact]
    public void TryParse_SingleJobQueuedBeforeBatches_IsABatchOfOne()
    {
        var parsed = OutboundBatch.TryParse("""{"sid":"abcdefghijklmnop","kind":"prompt","date":"2026-03-08"}""", out var batch);

        Assert.True(parsed);
        Assert.Equal(OutboundJob.For(AlexId, JobKind.Prompt, Day), Assert.Single(batch!.Jobs));
    }

    [Theory]
    [InlineData("""{"jobs":[]}""")]
    [InlineData("""{"jobs":[{"sid":"abcdefghijklmnop","kind":"prompt","date":"2026-03-08"},{"sid":"short","kind":"prompt","date":"2026-03-08"}]}""")]
    [InlineData("""{"jobs":[null]}""")]
    [InlineData("""{"jobs":"many"}""")]
    [InlineData("""[1,2]""")]
    [InlineData("not json")]
    [InlineData("")]
    public void TryParse_MalformedMessageOrAnyMalformedJob_IsRefusedWhole(string json)
    {
        var parsed = OutboundBatch.TryParse(json, out var batch);

        Assert.False(parsed);
        Assert.Null(batch);
    }

    [Fact]
    public void TryParse_MoreJobsThanAMessageCarries_IsRefused()
    {
        var jobs = Enumerable.Range(0, OutboundBatch.MaxJobs + 1).Select(i => OutboundJob.For(AlexId, JobKind.Prompt, Day.PlusDays(i))).ToList();

        var parsed = OutboundBatch.TryParse(new OutboundBatch(jobs).ToJson(), out _);

        Assert.False(parsed);
    }

    [Fact]
    public void Chunk_SeventyJobs_IsThreeMessagesOfAtMostThirtyTwoInOrder()
    {
        var jobs = Enumerable.Range(0, 70).Select(i => OutboundJob.For(AlexId, JobKind.Prompt, Day.PlusDays(i))).ToList();

        var batches = OutboundBatch.Chunk(jobs).ToList();

        Assert.Equal([32, 32, 6], batches.Select(batch => batch.Jobs.Count));
        Assert.Equal(jobs, batches.SelectMany(batch => batch.Jobs));
    }
}
