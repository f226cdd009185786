using Xunit.Abstractions;

namespace Compersion.Cli.Tests.Faults;

/// <summary>The fault suite's crash inside the timing wheel: <c>serve</c> killed (SIGKILL) while its dispatcher tick is queuing jobs and rolling rows for 300 due subscribers, then restarted.</summary>
[Trait("Category", "Faults")]
public sealed class DispatchKilledTests(ITestOutputHelper output)
{
    private const int Prompts = 300;

    // Due over five minutes, so the tick walks five buckets (each queued, rolled and checkpointed in turn) and a kill
    // after its first queued message lands with buckets still to do.
    private const int Minutes = 5;

    [Fact]
    public async Task Serve_KilledInsideTheDispatcherTick_EveryPromptSentOnceOrReportedAndEveryRowRolledToTomorrow()
    {
        await using var world = await FaultWorld.StartAsync();
        var people = await world.SeedAsync(Prompts, Minutes);

        // The killed tick leaves its lease on the wheel: 15 s here instead of a minute, so the next tick takes over sooner.
        var lease = new Dictionary<string, string> { ["Dispatch__LeaseMinutes"] = "0.25" };

        // The first serve's timer never fires on its own: the test starts the tick, so it can watch for it from before.
        var first = await world.ServeAsync(new Dictionary<string, string>(lease) { ["DispatchSchedule"] = "0 0 0 1 1 *" });
        var tick = FaultWorld.RunTickAsync(first);
        await FaultWorld.WaitUntilAsync(
            async () => await world.OutboundQueuedAsync() > 0 || tick.IsCompleted,
            TimeSpan.FromSeconds(60),
            () => string.Join(Environment.NewLine, world.Log.TakeLast(30)),
            TimeSpan.FromMilliseconds(5));
        await first.KillAsync();
        var atKill = await world.WheelAsync(people);
        var queuedAtKill = await world.OutboundQueuedAsync();
        var sentAtKill = world.PromptRequests;
        var tickFinished = false;
        try
        {
            await tick;
            tickFinished = true;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            // The request died with the process: the tick did not finish.
        }

        await using var second = await world.ServeAsync(lease);
        var counts = await world.SettleAndCountAsync(people, [], output);
        var wheel = await world.WheelAsync(people);

        output.WriteLine(
            $"FAULT SUITE tick: 0 replies, {Prompts} prompts due over {Minutes} minutes, 1 kill inside the tick (after {queuedAtKill} outbound messages queued and " +
            $"{sentAtKill} prompts sent; {atKill.DueRowsLeft} due rows not yet rolled, {atKill.RolledToTomorrow} rolled), restarted; " +
            $"{counts}; afterwards {wheel.RolledToTomorrow} with exactly tomorrow's row, {wheel.NotRolled} without, {wheel.DueRowsLeft} due rows left");
        Assert.False(tickFinished, "the tick finished before the kill");
        Assert.True(atKill.DueRowsLeft > 0, "the kill came after the tick had rolled every row");
        counts.AssertNothingLostOrSilentlyDoubled(0);
        Assert.Equal(Prompts, wheel.RolledToTomorrow);
        Assert.Equal(0, wheel.DueRowsLeft);
    }
}
