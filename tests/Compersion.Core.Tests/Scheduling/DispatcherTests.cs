using Compersion.Core.Scheduling;
using Compersion.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Scheduling;

/// <summary>One dispatcher tick over an in-memory wheel: each due prompt queued once, rows rolled, overlapping ticks and mid-tick settings changes safe.</summary>
public sealed class DispatcherTests
{
    private static readonly LocalDate Today = new(2026, 11, 25);

    // 20:00:30 in Berlin, half a minute after Alex's prompt was due.
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 19, 0, 30, TimeSpan.Zero));
    private readonly InMemoryScheduleStore store = new();
    private readonly RecordingJobQueue queue = new();

    [Fact]
    public async Task DispatchDueAsync_PromptDueThisMinute_QueuedOnceAndRolledToTomorrow()
    {
        await store.UpsertAsync([ScheduleEntry.PromptFor(Subscriber(), Today)]);

        var report = await CreateSut().DispatchDueAsync();

        Assert.False(report.Busy);
        var job = Assert.Single(queue.Jobs);
        Assert.Equal((AlexId, JobKind.Prompt, Today), (job.SubscriberId, job.Kind, job.LocalDate));
        var row = Assert.Single(store.Rows);
        Assert.Equal(Today.PlusDays(1), row.LocalDate);
        Assert.Null(store.Cursor!.LeaseOwner);
    }

    [Fact]
    public async Task DispatchDueAsync_TickRunsAgainTheSameMinute_QueuesNothingMore()
    {
        await store.UpsertAsync([ScheduleEntry.PromptFor(Subscriber(), Today)]);
        var sut = CreateSut();
        await sut.DispatchDueAsync();

        var again = await sut.DispatchDueAsync();

        Assert.Equal(0, again.Jobs);
        Assert.Single(queue.Jobs);
    }

    [Fact]
    public async Task DispatchDueAsync_AnotherRunHoldsTheWheel_IsBusyAndQueuesNothing()
    {
        await store.UpsertAsync([ScheduleEntry.PromptFor(Subscriber(), Today)]);
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        store.WriteCursor(new DispatchCursor(ScheduleBucket.Of(now - Duration.FromMinutes(5)), "other-run", now + Duration.FromMinutes(3), null));

        var report = await CreateSut().DispatchDueAsync();

        Assert.True(report.Busy);
        Assert.Empty(queue.Jobs);
        Assert.Equal(Today, Assert.Single(store.Rows).LocalDate);
    }

    [Fact]
    public async Task DispatchDueAsync_AnExpiredLeaseOfADeadRun_IsTakenOverAndTheMissedMinutesCaughtUp()
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        store.WriteCursor(new DispatchCursor(ScheduleBucket.Of(now - Duration.FromMinutes(10)), "dead-run", now - Duration.FromMinutes(1), null));
        await store.UpsertAsync(
        [
            ScheduleEntry.PromptFor(Subscriber() with { PromptTime = new LocalTime(19, 52) }, Today),
            ScheduleEntry.PromptFor(Subscriber(SamId) with { PromptTime = new LocalTime(19, 57) }, Today),
        ]);

        var report = await CreateSut().DispatchDueAsync();

        Assert.Equal(10, report.Buckets);
        Assert.Equal([AlexId, SamId], queue.Jobs.Select(job => job.SubscriberId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DispatchDueAsync_SettingsMoveTheRowMidTick_TheNewTimeIsKeptAndTheOldTimeDoesNotComeBack()
    {
        var moved = Subscriber() with { PromptTime = new LocalTime(7, 30) };
        await store.UpsertAsync([ScheduleEntry.PromptFor(Subscriber(), Today)]);
        store.BeforeNextRemoval = () =>
        {
            store.RemoveAsync([ScheduleEntry.PromptFor(Subscriber(), Today)]).GetAwaiter().GetResult();
            store.UpsertAsync([ScheduleEntry.PromptFor(moved, Today.PlusDays(1))]).GetAwaiter().GetResult();
        };

        await CreateSut().DispatchDueAsync();

        var row = Assert.Single(store.Rows);
        Assert.Equal(new LocalTime(7, 30), row.LocalTime);
        Assert.Equal(Today.PlusDays(1), row.LocalDate);
    }

    [Fact]
    public async Task DispatchDueAsync_RowRewrittenInPlaceMidTick_IsKept()
    {
        var due = ScheduleEntry.PromptFor(Subscriber(), Today);
        await store.UpsertAsync([due]);
        store.BeforeNextRemoval = () => store.UpsertAsync([due]).GetAwaiter().GetResult();

        await CreateSut().DispatchDueAsync();

        Assert.Contains(store.Rows, row => row.LocalDate == Today);
        Assert.Contains(store.Rows, row => row.LocalDate == Today.PlusDays(1));
    }

    [Fact]
    public async Task DispatchDueAsync_ManyDueInOneMinute_EachQueuedExactlyOnceAcrossBatches()
    {
        var subscribers = Enumerable.Range(0, OutboundBatch.MaxJobs * 3 + 7).Select(i => Subscriber($"sub{i:D13}")).ToList();
        await store.UpsertAsync([.. subscribers.Select(s => ScheduleEntry.PromptFor(s, Today))]);

        var report = await CreateSut().DispatchDueAsync();

        Assert.Equal(subscribers.Count, report.Jobs);
        Assert.Equal(subscribers.Count, queue.Jobs.Select(job => job.Id).Distinct(StringComparer.Ordinal).Count());
    }

    private Dispatcher CreateSut() =>
        new(store, queue, time, Options.Create(new DispatchOptions()), NullLogger<Dispatcher>.Instance);
}
