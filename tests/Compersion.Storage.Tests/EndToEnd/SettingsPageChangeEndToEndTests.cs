using Compersion.Core.Scheduling;
using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using NodaTime;

namespace Compersion.Storage.Tests.EndToEnd;

/// <summary>The settings page's whole-form change (<see cref="SettingsService.ApplyAsync"/>) against the real wheel.</summary>
public sealed class SettingsPageChangeEndToEndTests(AzuriteFixture fixture) : PipelineTestBase(fixture)
{
    // The harness clock starts on Thursday 2026-01-15 at 06:00 UTC; Berlin is UTC+1 then.
    private static readonly ScheduleBucket TonightAtEight = ScheduleBucket.Of(Instant.FromUtc(2026, 1, 15, 19, 0));
    private static readonly ScheduleBucket SundayDigest = ScheduleBucket.Of(Instant.FromUtc(2026, 1, 18, 17, 0));

    [Fact]
    public async Task ApplyAsync_NewPromptTimeOnly_MovesThePromptRowAndLeavesTheDigest()
    {
        var subscriber = await Pipeline.AddConfirmedAsync("Europe/Berlin", "20:00");

        var after = await Pipeline.Get<SettingsService>().ApplyAsync(subscriber, Change(subscriber) with { PromptTime = new LocalTime(7, 30) });

        Assert.Equal(new LocalTime(7, 30), after.PromptTime);
        Assert.Empty(await Pipeline.Schedule.GetDueAsync(TonightAtEight));
        Assert.Equal(JobKind.Prompt, Assert.Single(await Pipeline.Schedule.GetDueAsync(ScheduleBucket.Of(Instant.FromUtc(2026, 1, 15, 6, 30)))).Kind);
        Assert.Equal(JobKind.Digest, Assert.Single(await Pipeline.Schedule.GetDueAsync(SundayDigest)).Kind);
    }

    [Fact]
    public async Task ApplyAsync_TogglesAndGoal_StoredWithoutTouchingTheWheel()
    {
        var subscriber = await Pipeline.AddConfirmedAsync("Europe/Berlin", "20:00");

        await Pipeline.Get<SettingsService>().ApplyAsync(subscriber, Change(subscriber) with { MemoriesEnabled = false, ReceiptsEnabled = true, KindnessGoal = 3 });

        var stored = await Pipeline.Get<ISubscriberStore>().FindByIdAsync(subscriber.Id);
        Assert.Equal((false, true, 3), (stored!.MemoriesEnabled, stored.ReceiptsEnabled, stored.KindnessGoal));
        Assert.Single(await Pipeline.Schedule.GetDueAsync(TonightAtEight));
        Assert.Single(await Pipeline.Schedule.GetDueAsync(SundayDigest));
    }

    [Fact]
    public async Task ApplyAsync_PauseThenResume_StatusFollowsAndNothingIsSentWhilePaused()
    {
        var subscriber = await Pipeline.AddConfirmedAsync("Europe/Berlin", "20:00");
        var settings = Pipeline.Get<SettingsService>();

        var paused = await settings.ApplyAsync(subscriber, Change(subscriber) with { Paused = true });
        Pipeline.SetNow(Instant.FromUtc(2026, 1, 15, 19, 0, 30));
        await Pipeline.Dispatcher.DispatchDueAsync();
        foreach (var job in await Pipeline.DrainQueueAsync())
        {
            await Pipeline.Sender.SendAsync(job);
        }

        var resumed = await settings.ApplyAsync(paused, Change(paused) with { Paused = false });

        Assert.Equal(SubscriberStatus.Paused, paused.Status);
        Assert.Empty(Pipeline.Mail.Attempts);
        Assert.Equal(SubscriberStatus.Active, resumed.Status);
        Assert.Equal(JobKind.Prompt, Assert.Single(await Pipeline.Schedule.GetDueAsync(ScheduleBucket.Of(Instant.FromUtc(2026, 1, 16, 19, 0)))).Kind);
    }

    [Fact]
    public async Task ApplyAsync_UnsubscribedAndResumeRequested_StaysUnsubscribed()
    {
        var subscriber = await Pipeline.AddConfirmedAsync("Europe/Berlin", "20:00");
        var stopped = await Pipeline.Get<SettingsService>().StopAsync(subscriber);

        var after = await Pipeline.Get<SettingsService>().ApplyAsync(stopped, Change(stopped) with { Paused = false });

        Assert.Equal(SubscriberStatus.Unsubscribed, after.Status);
    }

    private static SettingsChange Change(Subscriber s) =>
        new(s.Zone, s.PromptTime, s.DigestDay, s.DigestTime, s.KindnessGoal, s.MemoriesEnabled, s.ReceiptsEnabled, s.TwelveHourClock, Paused: null);
}
