using Compersion.Core.Scheduling;
using Compersion.Core.Subscribers;
using NodaTime;

namespace Compersion.Storage.Tests.EndToEnd;

/// <summary>The real <see cref="Dispatcher"/> over Azurite: overlapping runs, late runs, crashed runs, and DST.</summary>
public sealed class DispatcherTests(AzuriteFixture fixture) : PipelineTestBase(fixture)
{
    // Zones and local times that are all 09:00 UTC on 2026-01-15.
    private static readonly (string Zone, string Time)[] NineUtc =
    [
        ("Etc/UTC", "09:00"),
        ("Europe/Berlin", "10:00"),
        ("America/New_York", "04:00"),
        ("Asia/Kolkata", "14:30"),
    ];

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task DispatchDueAsync_OverlappingRunsWith200DueInOneMinute_QueuesEachJobOnce(int callers)
    {
        Pipeline.SetNow(Instant.FromUtc(2026, 1, 15, 8, 59, 30));
        await Pipeline.Dispatcher.DispatchDueAsync();
        var subscribers = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Pipeline.AddConfirmedAsync(NineUtc[i % NineUtc.Length].Zone, NineUtc[i % NineUtc.Length].Time)));
        Pipeline.SetNow(Instant.FromUtc(2026, 1, 15, 9, 0, 30));

        var reports = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(() => Pipeline.Dispatcher.DispatchDueAsync())));

        var jobs = await Pipeline.DrainQueueAsync();
        Assert.All(jobs.GroupBy(job => job.Id), group => Assert.Single(group));
        Assert.Equal(subscribers.Select(s => OutboundJob.IdFor(s.Id, JobKind.Prompt, new LocalDate(2026, 1, 15))).Order(), jobs.Select(job => job.Id).Order());
        var worker = Assert.Single(reports, report => report.Jobs > 0);
        Assert.Equal(new DispatchReport(Buckets: 1, Jobs: 200, Busy: false), worker);
        Assert.Equal(7, Pipeline.Messages);

        // The others did nothing: they found the wheel held, or (having started after the worker finished) nothing left to walk.
        Assert.All(reports.Where(report => report != worker), report => Assert.True(report.Busy || report.Buckets == 0, report.ToString()));
    }

    [Fact]
    public async Task DispatchDueAsync_ThreeHoursOfMissedTicks_CatchesUpInOneTick()
    {
        await Pipeline.Dispatcher.DispatchDueAsync();
        (string Zone, string Time)[] settings =
        [
            ("Etc/UTC", "06:01"),
            ("Etc/UTC", "07:00"),
            ("Europe/Berlin", "08:45"),
            ("America/New_York", "03:30"),
            ("Asia/Kolkata", "14:29"),
            ("Etc/UTC", "09:00"),
        ];
        var due = new List<Subscriber>();
        foreach (var (zone, time) in settings.Concat(settings))
        {
            due.Add(await Pipeline.AddConfirmedAsync(zone, time));
        }

        var notYetDue = await Pipeline.AddConfirmedAsync("Etc/UTC", "09:01");
        var today = new LocalDate(2026, 1, 15);
        Pipeline.SetNow(Pipeline.Now + Duration.FromHours(3));

        var report = await Pipeline.Dispatcher.DispatchDueAsync();

        var jobs = await Pipeline.DrainQueueAsync();
        Assert.Equal(new DispatchReport(Buckets: 180, Jobs: due.Count, Busy: false), report);
        Assert.Equal(due.Select(s => OutboundJob.IdFor(s.Id, JobKind.Prompt, today)).Order(), jobs.Select(job => job.Id).Order());
        foreach (var subscriber in due)
        {
            var dispatchedAt = LocalSchedule.InstantFor(subscriber.TimeZone, today, subscriber.PromptTime);
            var nextAt = LocalSchedule.InstantFor(subscriber.TimeZone, today.PlusDays(1), subscriber.PromptTime);
            Assert.DoesNotContain(await Pipeline.Schedule.GetDueAsync(ScheduleBucket.Of(dispatchedAt)), row => row.SubscriberId == subscriber.Id);
            var next = Assert.Single(await Pipeline.Schedule.GetDueAsync(ScheduleBucket.Of(nextAt)), row => row.SubscriberId == subscriber.Id);
            Assert.Equal((JobKind.Prompt, today.PlusDays(1), nextAt), (next.Kind, next.LocalDate, next.DueAt));
        }

        var waiting = Assert.Single(await Pipeline.Schedule.GetDueAsync(ScheduleBucket.Of(Instant.FromUtc(2026, 1, 15, 9, 1))));
        Assert.Equal((notYetDue.Id, today), (waiting.SubscriberId, waiting.LocalDate));
    }

    [Fact]
    public async Task DispatchDueAsync_RunThatTookTheLeaseAndDied_WaitsForTheLeaseThenDispatchesOnce()
    {
        await Pipeline.Dispatcher.DispatchDueAsync();
        var subscribers = new List<Subscriber>();
        for (var i = 0; i < 5; i++)
        {
            subscribers.Add(await Pipeline.AddConfirmedAsync("Etc/UTC", "06:02"));
        }

        var cursor = await Pipeline.Schedule.ReadCursorAsync(ScheduleBucket.Of(Pipeline.Now));
        var crashed = await Pipeline.Schedule.TryWriteCursorAsync(cursor with { LeaseOwner = "crashed-run", LeaseUntil = Pipeline.Now + Duration.FromMinutes(5) });
        Assert.NotNull(crashed);

        Pipeline.SetNow(Instant.FromUtc(2026, 1, 15, 6, 3));
        var whileHeld = await Pipeline.Dispatcher.DispatchDueAsync();
        var queuedWhileHeld = await Pipeline.DrainQueueAsync();
        Pipeline.SetNow(Instant.FromUtc(2026, 1, 15, 6, 5, 1));
        var afterLapse = await Pipeline.Dispatcher.DispatchDueAsync();
        var nextTick = await Pipeline.Dispatcher.DispatchDueAsync();

        Assert.True(whileHeld.Busy);
        Assert.Empty(queuedWhileHeld);
        Assert.Equal(new DispatchReport(Buckets: 5, Jobs: 5, Busy: false), afterLapse);
        Assert.Equal(new DispatchReport(Buckets: 0, Jobs: 0, Busy: false), nextTick);
        var jobs = await Pipeline.DrainQueueAsync();
        Assert.Equal(subscribers.Select(s => OutboundJob.IdFor(s.Id, JobKind.Prompt, new LocalDate(2026, 1, 15))).Order(), jobs.Select(job => job.Id).Order());
        var released = await Pipeline.Schedule.ReadCursorAsync(default);
        Assert.Equal((ScheduleBucket.Of(Pipeline.Now), (string?)null), (released.ProcessedThrough, released.LeaseOwner));
    }

    [Fact]
    public async Task DispatchDueAsync_NewYorkAt0230AcrossSpringForward_SendsOnePromptPerLocalDateAndThe8thAt0700Utc()
    {
        var start = Instant.FromUtc(2026, 3, 6, 5, 0);
        var end = Instant.FromUtc(2026, 3, 11, 4, 0);
        Pipeline.SetNow(start);
        var subscriber = await Pipeline.AddConfirmedAsync("America/New_York", "02:30", joinedDaysAgo: 7);
        var queuedAt = new List<(OutboundJob Job, Instant At)>();

        for (var now = start; now <= end; now += Duration.FromMinutes(15))
        {
            Pipeline.SetNow(now);
            await Pipeline.Dispatcher.DispatchDueAsync();
            foreach (var job in await Pipeline.DrainQueueAsync())
            {
                queuedAt.Add((job, now));
                await Pipeline.Sender.SendAsync(job);
            }
        }

        var expected = new Dictionary<LocalDate, Instant>
        {
            [new LocalDate(2026, 3, 6)] = Instant.FromUtc(2026, 3, 6, 7, 30),
            [new LocalDate(2026, 3, 7)] = Instant.FromUtc(2026, 3, 7, 7, 30),

            // 02:30 does not exist on the 8th (02:00 EST jumps to 03:00 EDT): the prompt goes when the gap ends.
            [new LocalDate(2026, 3, 8)] = Instant.FromUtc(2026, 3, 8, 7, 0),
            [new LocalDate(2026, 3, 9)] = Instant.FromUtc(2026, 3, 9, 6, 30),
            [new LocalDate(2026, 3, 10)] = Instant.FromUtc(2026, 3, 10, 6, 30),
        };
        Assert.All(queuedAt, queued => Assert.Equal(subscriber.Id, queued.Job.SubscriberId));
        var prompts = queuedAt.Where(queued => queued.Job.Kind == JobKind.Prompt);
        Assert.Equal(expected.Select(pair => (pair.Key, pair.Value)), prompts.Select(queued => (queued.Job.LocalDate, queued.At)));

        // The weekly digest (Sunday 18:00 by default) went once too, at 18:00 EDT, the new offset.
        var digest = Assert.Single(queuedAt, queued => queued.Job.Kind == JobKind.Digest);
        Assert.Equal((new LocalDate(2026, 3, 8), Instant.FromUtc(2026, 3, 8, 22, 0)), (digest.Job.LocalDate, digest.At));
        var sentPrompts = Pipeline.Mail.Delivered.Where(mail => mail.Kind == "prompt").Select(mail => mail.Tags["job"]);
        Assert.Equal(expected.Keys.Select(date => OutboundJob.IdFor(subscriber.Id, JobKind.Prompt, date)), sentPrompts);
        Assert.Equal(OutboundJob.IdFor(subscriber.Id, JobKind.Digest, new LocalDate(2026, 3, 8)), Assert.Single(Pipeline.Mail.Delivered, mail => mail.Kind == "digest").Tags["job"]);
    }
}
