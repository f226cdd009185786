using Compersion.Core.Outbound;
using Compersion.Core.Scheduling;
using Compersion.Core.Security;
using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Compersion.Storage.Tests.EndToEnd;

/// <summary>
/// Two writers meeting over the real wheel and profiles in Azurite: a settings change, a re-sign-up or a STOP lands
/// exactly between a dispatcher tick's read and its writes, or between a tick and the send of its job.
/// </summary>
public sealed class ScheduleRaceEndToEndTests(AzuriteFixture fixture) : PipelineTestBase(fixture)
{
    // The harness clock starts on Thursday 2026-01-15 at 06:00 UTC; Berlin is UTC+1 in January.
    private static readonly LocalDate Today = new(2026, 1, 15);
    private static readonly Instant MorningDue = Instant.FromUtc(2026, 1, 15, 6, 1);
    private static readonly Instant EveningDue = Instant.FromUtc(2026, 1, 15, 19, 0);

    private InterleavingScheduleStore Wheel => (InterleavingScheduleStore)Pipeline.Schedule;

    private InterleavingSubscriberStore Profiles => (InterleavingSubscriberStore)Pipeline.Get<ISubscriberStore>();

    protected override void ConfigureServices(IServiceCollection services) =>
        services
            .Wrap<IScheduleStore>(inner => new InterleavingScheduleStore(inner))
            .Wrap<ISubscriberStore>(inner => new InterleavingSubscriberStore(inner));

    [Fact]
    public async Task DispatchDueAsync_TimeChangedBetweenReadAndRoll_OnePromptArrivesAtTheNewTimeAndTheOldTimeStopsRolling()
    {
        await Pipeline.Dispatcher.DispatchDueAsync();
        var subscriber = await Pipeline.AddConfirmedAsync("Europe/Berlin", "07:01");
        Wheel.AfterNextDueRead(() => Pipeline.Get<SettingsService>().ChangeTimeAsync(subscriber, new LocalTime(20, 0)));
        Pipeline.SetNow(MorningDue + Duration.FromSeconds(30));

        await Pipeline.Dispatcher.DispatchDueAsync();
        var oldTimeRolled = await Pipeline.Schedule.GetDueAsync(ScheduleBucket.Of(MorningDue + Duration.FromDays(1)));
        var morning = await SendQueuedAsync();
        Pipeline.SetNow(EveningDue + Duration.FromSeconds(30));
        await Pipeline.Dispatcher.DispatchDueAsync();
        var evening = await SendQueuedAsync();

        Assert.Empty(oldTimeRolled);
        Assert.Equal([SendReport.Skipped], morning);
        Assert.Equal([SendReport.Sent], evening);
        Assert.Single(Pipeline.Mail.Delivered);
        Assert.Empty(await Pipeline.Schedule.GetDueAsync(ScheduleBucket.Of(MorningDue + Duration.FromDays(1))));
        var tomorrow = Assert.Single(await Pipeline.Schedule.GetDueAsync(ScheduleBucket.Of(EveningDue + Duration.FromDays(1))));
        Assert.Equal((Today.PlusDays(1), new LocalTime(20, 0)), (tomorrow.LocalDate, tomorrow.LocalTime));
    }

    [Fact]
    public async Task SendAsync_TimeChangedAfterTheTickQueuedTheJob_SkipsTheOldTimeAndSendsAtTheNewOne()
    {
        await Pipeline.Dispatcher.DispatchDueAsync();
        var subscriber = await Pipeline.AddConfirmedAsync("Europe/Berlin", "07:01");
        Pipeline.SetNow(MorningDue + Duration.FromSeconds(30));
        await Pipeline.Dispatcher.DispatchDueAsync();
        var queued = await Pipeline.DrainQueueAsync();
        await Pipeline.Get<SettingsService>().ChangeTimeAsync(subscriber, new LocalTime(20, 0));

        var morning = await Pipeline.Sender.SendAsync(Assert.Single(queued));
        Pipeline.SetNow(EveningDue + Duration.FromSeconds(30));
        await Pipeline.Dispatcher.DispatchDueAsync();
        var evening = await SendQueuedAsync();

        Assert.Equal(SendReport.Skipped, morning);
        Assert.Equal([SendReport.Sent], evening);
        Assert.Single(Pipeline.Mail.Delivered);
        Assert.Empty(await Pipeline.Schedule.GetDueAsync(ScheduleBucket.Of(MorningDue + Duration.FromDays(1))));
    }

    [Fact]
    public async Task SendAsync_TimeMovedEarlierThanNowAfterTheTick_SendsTodaysPromptOnceAndRollsAtTheNewTime()
    {
        await Pipeline.Dispatcher.DispatchDueAsync();
        var subscriber = await Pipeline.AddConfirmedAsync("Europe/Berlin", "07:01");
        Pipeline.SetNow(MorningDue + Duration.FromSeconds(30));
        await Pipeline.Dispatcher.DispatchDueAsync();
        var queued = await Pipeline.DrainQueueAsync();
        await Pipeline.Get<SettingsService>().ChangeTimeAsync(subscriber, new LocalTime(6, 30));

        var report = await Pipeline.Sender.SendAsync(Assert.Single(queued));

        Assert.Equal(SendReport.Sent, report);
        Assert.Empty(await Pipeline.Schedule.GetDueAsync(ScheduleBucket.Of(MorningDue + Duration.FromDays(1))));
        var tomorrow = Assert.Single(await Pipeline.Schedule.GetDueAsync(ScheduleBucket.Of(Instant.FromUtc(2026, 1, 16, 5, 30))));
        Assert.Equal(new LocalTime(6, 30), tomorrow.LocalTime);
    }

    [Fact]
    public async Task DispatchDueAsync_StopBetweenReadAndRoll_SendsNothingAndNothingKeepsRolling()
    {
        await Pipeline.Dispatcher.DispatchDueAsync();
        var subscriber = await Pipeline.AddConfirmedAsync("Europe/Berlin", "07:01");
        Wheel.AfterNextDueRead(() => Pipeline.Get<SettingsService>().StopAsync(subscriber));
        Pipeline.SetNow(MorningDue + Duration.FromSeconds(30));

        await Pipeline.Dispatcher.DispatchDueAsync();
        var reports = await SendQueuedAsync();

        Assert.Equal([SendReport.Skipped], reports);
        Assert.Empty(Pipeline.Mail.Attempts);
        Assert.Empty(await Pipeline.Schedule.GetDueAsync(ScheduleBucket.Of(MorningDue + Duration.FromDays(1))));
    }

    [Fact]
    public async Task SignUpAsync_ConfirmationClickedWhileTheSameAddressSignsUpAgain_StaysConfirmedAndScheduled()
    {
        Assert.True(SignUpRequest.TryCreate($"race.{Guid.NewGuid():N}@example.org", "Europe/Berlin", "20:00", null, null, out var request, out var error), error);
        await Pipeline.Subscriptions.SignUpAsync(request!);
        var pending = await Profiles.FindByEmailAsync(request!.Email);
        var link = Pipeline.Get<TokenSigner>().ForLink(TokenPurpose.Confirm, pending!.Id, Pipeline.Now + Duration.FromDays(3));
        LinkOutcome? confirmed = null;
        Profiles.AfterNextAddOrGet(async () => confirmed = await Pipeline.Subscriptions.ConfirmAsync(link));

        var again = await Pipeline.Subscriptions.SignUpAsync(request with { PromptTime = new LocalTime(7, 0) });

        Assert.Equal(LinkOutcome.Done, confirmed);
        Assert.Equal(SignUpOutcome.AlreadyActive, again);
        var stored = await Profiles.FindByIdAsync(pending.Id);
        Assert.Equal((SubscriberStatus.Active, new LocalTime(20, 0)), (stored!.Status, stored.PromptTime));
        Assert.Equal(pending.Id, Assert.Single(await Pipeline.Schedule.GetDueAsync(ScheduleBucket.Of(EveningDue))).SubscriberId);
    }

    [Fact]
    public async Task ConfirmAsync_DiedAfterSavingTheProfile_FollowingTheLinkAgainSchedulesThePromptAndSendsOneWelcome()
    {
        Assert.True(SignUpRequest.TryCreate($"crash.{Guid.NewGuid():N}@example.org", "Europe/Berlin", "20:00", null, null, out var request, out var error), error);
        await Pipeline.Subscriptions.SignUpAsync(request!);
        await Pipeline.DrainQueueAsync();
        var pending = await Profiles.FindByEmailAsync(request!.Email);
        var link = Pipeline.Get<TokenSigner>().ForLink(TokenPurpose.Confirm, pending!.Id, Pipeline.Now + Duration.FromDays(3));

        Wheel.FailNextAdd();
        await Assert.ThrowsAsync<IOException>(() => Pipeline.Subscriptions.ConfirmAsync(link));
        var afterCrash = (Profiles: await Profiles.FindByIdAsync(pending.Id), Due: await Pipeline.Schedule.GetDueAsync(ScheduleBucket.Of(EveningDue)), Queued: await Pipeline.DrainQueueAsync());

        // Following the link again is the page's GET (OpenConfirmationAsync): it finishes a confirmed sign-up.
        var second = await Pipeline.Subscriptions.OpenConfirmationAsync(link);
        var welcomes = await SendQueuedAsync();
        var third = await Pipeline.Subscriptions.ConfirmAsync(link);
        var again = await SendQueuedAsync();

        Assert.Equal(SubscriberStatus.Active, afterCrash.Profiles!.Status);
        Assert.DoesNotContain(afterCrash.Due, row => row.SubscriberId == pending.Id);
        Assert.Empty(afterCrash.Queued);
        Assert.Equal((LinkOutcome.AlreadyDone, LinkOutcome.AlreadyDone), (second, third));
        Assert.Equal([SendReport.Sent], welcomes);
        Assert.Equal([SendReport.Duplicate], again);
        Assert.Single(Pipeline.Mail.Delivered, mail => mail.Kind == "welcome");
        Assert.Single(await Pipeline.Schedule.GetDueAsync(ScheduleBucket.Of(EveningDue)), row => row.SubscriberId == pending.Id);
    }

    [Fact]
    public async Task OpenConfirmationAsync_PendingSignUp_PendingAndNothingScheduledOrQueued()
    {
        Assert.True(SignUpRequest.TryCreate($"scan.{Guid.NewGuid():N}@example.org", "Europe/Berlin", "20:00", null, null, out var request, out var error), error);
        await Pipeline.Subscriptions.SignUpAsync(request!);
        await Pipeline.DrainQueueAsync();
        var pending = await Profiles.FindByEmailAsync(request!.Email);
        var link = Pipeline.Get<TokenSigner>().ForLink(TokenPurpose.Confirm, pending!.Id, Pipeline.Now + Duration.FromDays(3));

        var opened = await Pipeline.Subscriptions.OpenConfirmationAsync(link);

        Assert.Equal(LinkOutcome.Pending, opened);
        Assert.Equal(SubscriberStatus.Pending, (await Profiles.FindByIdAsync(pending.Id))!.Status);
        Assert.DoesNotContain(await Pipeline.Schedule.GetDueAsync(ScheduleBucket.Of(EveningDue)), row => row.SubscriberId == pending.Id);
        Assert.Empty(await Pipeline.DrainQueueAsync());
    }

    private async Task<IReadOnlyList<SendReport>> SendQueuedAsync()
    {
        var reports = new List<SendReport>();
        foreach (var job in await Pipeline.DrainQueueAsync())
        {
            reports.Add(await Pipeline.Sender.SendAsync(job));
        }

        return reports;
    }
}
