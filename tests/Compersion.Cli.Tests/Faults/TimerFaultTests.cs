using Compersion.Cli.Hosting;
using Compersion.Development;
using Xunit.Abstractions;

namespace Compersion.Cli.Tests.Faults;

/// <summary>The fault suite's timer: two instances' ticks at once, ticks before the due minute, and ticks again after it.</summary>
[Trait("Category", "Faults")]
public sealed class TimerFaultTests(ITestOutputHelper output)
{
    private const int Prompts = 40;

    [Fact]
    public async Task Dispatch_TwoInstancesTickAtOnceEarlyAndAgain_OnePromptEach()
    {
        await using var world = await FaultWorld.StartAsync();
        var people = await world.SeedAsync(Prompts);
        var due = world.Due.ToDateTimeOffset();
        var clocks = new[] { new ManualClock(due.AddSeconds(-20)), new ManualClock(due.AddSeconds(-20)) };
        var hosts = new[] { await world.InProcessHostAsync(clocks[0]), await world.InProcessHostAsync(clocks[1]) };

        // Early: both instances fire 20 s and then 1 ms before the due minute.
        await TickTogetherAsync(hosts);
        SetAll(clocks, due.AddMilliseconds(-1));
        await TickTogetherAsync(hosts);
        var early = world.PromptRequests;

        // On time, both at once; then both again a second later (a retried or overlapping run).
        SetAll(clocks, due.AddMilliseconds(1));
        await TickTogetherAsync(hosts);
        SetAll(clocks, due.AddSeconds(1));
        await TickTogetherAsync(hosts);

        var sent = world.PromptsPerRecipient();
        output.WriteLine(
            $"FAULT SUITE timer: 0 replies, {Prompts} prompts, 8 ticks from two instances (4 before the due minute, 4 after, in pairs at once); " +
            $"sent before due {early}, lost {people.Count(p => !sent.ContainsKey(p.Email))}, doubled {sent.Values.Count(c => c > 1)}");
        Assert.Equal(0, early);
        Assert.All(people, p => Assert.Equal(1, sent.GetValueOrDefault(p.Email)));
        Assert.Equal(Prompts, (await world.OutboxAsync()).GetValueOrDefault("Sent", []).Count);
    }

    private static void SetAll(ManualClock[] clocks, DateTimeOffset now)
    {
        foreach (var clock in clocks)
        {
            clock.SetTo(now);
        }
    }

    // Both instances run the timer at once, then both serve the queue at once.
    private static async Task TickTogetherAsync(LocalFunctionsHost[] hosts)
    {
        await Task.WhenAll(hosts.Select(h => h.RunTimerAsync("DispatchDueFunction", CancellationToken.None)));
        await Task.WhenAll(hosts.Select(h => h.DrainQueuesAsync(CancellationToken.None)));
    }
}
