using Compersion.Core.Outbound;
using Compersion.Core.Scheduling;
using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using NodaTime;

namespace Compersion.Storage.Tests.EndToEnd;

/// <summary>A subscriber's rows in the real wheel over Azurite: the weekly digest beside the daily prompt, moved and stopped.</summary>
public sealed class SubscriberScheduleEndToEndTests(AzuriteFixture fixture) : PipelineTestBase(fixture)
{
    // The harness clock starts on Thursday 2026-01-15 at 06:00 UTC.
    private static readonly LocalDate Thursday = new(2026, 1, 15);

    [Fact]
    public async Task DispatchDueAsync_DigestDayAndTimeArrive_QueuesOneDigestJobAndRollsItAWeek()
    {
        await Pipeline.Dispatcher.DispatchDueAsync();
        var subscriber = await Pipeline.AddConfirmedAsync("Etc/UTC", "20:00", "thursday", "06:30");
        Pipeline.SetNow(Instant.FromUtc(2026, 1, 15, 6, 30, 30));

        await Pipeline.Dispatcher.DispatchDueAsync();

        var jobs = await Pipeline.DrainQueueAsync();
        var job = Assert.Single(jobs);
        Assert.Equal(OutboundJob.IdFor(subscriber.Id, JobKind.Digest, Thursday), job.Id);
        var nextWeek = await Pipeline.Schedule.GetDueAsync(ScheduleBucket.Of(Instant.FromUtc(2026, 1, 22, 6, 30)));
        Assert.Equal(Thursday.PlusWeeks(1), Assert.Single(nextWeek).LocalDate);
        Assert.Equal(JobKind.Digest, nextWeek[0].Kind);
    }

    [Fact]
    public async Task SendAsync_DigestJobOfAnUnsubscribedSubscriber_SendsNothingAndStopsTheRowRolling()
    {
        await Pipeline.Dispatcher.DispatchDueAsync();
        var subscriber = await Pipeline.AddConfirmedAsync("Etc/UTC", "20:00", "thursday", "06:30");
        await Pipeline.Get<SettingsService>().StopAsync(subscriber);
        Pipeline.SetNow(Instant.FromUtc(2026, 1, 15, 6, 30, 30));
        await Pipeline.Dispatcher.DispatchDueAsync();
        var job = Assert.Single(await Pipeline.DrainQueueAsync());
        var nextWeek = ScheduleBucket.Of(Instant.FromUtc(2026, 1, 22, 6, 30));
        var rollingBefore = await Pipeline.Schedule.GetDueAsync(nextWeek);

        var report = await Pipeline.Sender.SendAsync(job);

        Assert.Equal(SendReport.Skipped, report);
        Assert.Empty(Pipeline.Mail.Attempts);
        Assert.Single(rollingBefore);
        Assert.Empty(await Pipeline.Schedule.GetDueAsync(nextWeek));
    }

    [Fact]
    public async Task SendAsync_JobOfASubscriberWhoNoLongerExists_RemovesTheRowTheDispatcherWroteNext()
    {
        await Pipeline.Dispatcher.DispatchDueAsync();
        var gone = SubscriberId.New();
        var due = Instant.FromUtc(2026, 1, 15, 6, 30);
        await Pipeline.Schedule.UpsertAsync([new ScheduleEntry(gone, JobKind.Prompt, Thursday, due, "Etc/UTC", new LocalTime(6, 30))]);
        Pipeline.SetNow(due + Duration.FromSeconds(30));
        await Pipeline.Dispatcher.DispatchDueAsync();
        var job = Assert.Single(await Pipeline.DrainQueueAsync());
        var tomorrow = ScheduleBucket.Of(due + Duration.FromDays(1));
        var rollingBefore = await Pipeline.Schedule.GetDueAsync(tomorrow);

        var report = await Pipeline.Sender.SendAsync(job);

        Assert.Equal(SendReport.Skipped, report);
        Assert.Empty(Pipeline.Mail.Attempts);
        Assert.Equal(gone, Assert.Single(rollingBefore).SubscriberId);
        Assert.Empty(await Pipeline.Schedule.GetDueAsync(tomorrow));
    }

    [Fact]
    public async Task ChangeDigestAsync_NewDayAndTime_MovesTheDigestRowAndLeavesThePromptAlone()
    {
        var subscriber = await Pipeline.AddConfirmedAsync("Europe/Berlin", "20:00");
        var sunday = ScheduleBucket.Of(Instant.FromUtc(2026, 1, 18, 17, 0));
        var friday = ScheduleBucket.Of(Instant.FromUtc(2026, 1, 16, 8, 15));
        var tonight = ScheduleBucket.Of(Instant.FromUtc(2026, 1, 15, 19, 0));
        var digestBefore = await Pipeline.Schedule.GetDueAsync(sunday);

        await Pipeline.Get<SettingsService>().ChangeDigestAsync(subscriber, IsoDayOfWeek.Friday, new LocalTime(9, 15));

        Assert.Equal(JobKind.Digest, Assert.Single(digestBefore).Kind);
        Assert.Empty(await Pipeline.Schedule.GetDueAsync(sunday));
        var moved = Assert.Single(await Pipeline.Schedule.GetDueAsync(friday));
        Assert.Equal((JobKind.Digest, new LocalDate(2026, 1, 16), IsoDayOfWeek.Friday), (moved.Kind, moved.LocalDate, moved.Weekday));
        Assert.Equal(JobKind.Prompt, Assert.Single(await Pipeline.Schedule.GetDueAsync(tonight)).Kind);
    }

    [Fact]
    public async Task ChangeZoneAsync_NewZone_MovesBothRows()
    {
        var subscriber = await Pipeline.AddConfirmedAsync("Europe/Berlin", "20:00");

        await Pipeline.Get<SettingsService>().ChangeZoneAsync(subscriber, "America/New_York");

        Assert.Empty(await Pipeline.Schedule.GetDueAsync(ScheduleBucket.Of(Instant.FromUtc(2026, 1, 15, 19, 0))));
        Assert.Empty(await Pipeline.Schedule.GetDueAsync(ScheduleBucket.Of(Instant.FromUtc(2026, 1, 18, 17, 0))));
        Assert.Equal(JobKind.Prompt, Assert.Single(await Pipeline.Schedule.GetDueAsync(ScheduleBucket.Of(Instant.FromUtc(2026, 1, 16, 1, 0)))).Kind);
        Assert.Equal(JobKind.Digest, Assert.Single(await Pipeline.Schedule.GetDueAsync(ScheduleBucket.Of(Instant.FromUtc(2026, 1, 18, 23, 0)))).Kind);
    }
}
