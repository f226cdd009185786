using Xunit.Abstractions;

namespace Compersion.Cli.Tests.Faults;

/// <summary>The fault suite's storage outage: Azurite stopped and started again while replies are ingested and prompts sent.</summary>
/// <remarks>
/// Down for longer than every claim age and the queue lease together: when storage is back, every send started before
/// the outage is old enough to be taken over and every message received before it is visible again, so the workers that
/// were mid-send and their successors meet.
/// </remarks>
[Trait("Category", "Faults")]
public sealed class StorageRestartTests(ITestOutputHelper output)
{
    private const int Prompts = 40;
    private const int Replies = 30;

    [Fact]
    public async Task Serve_AzuriteDownLongerThanTheClaimAgesUnderLoad_EveryReplyStoredOnceEveryPromptSentOnceOrReported()
    {
        await using var world = await FaultWorld.StartAsync(durableStorage: true);
        world.AnswerWith(async _ =>
        {
            await Task.Delay(300);
            return FaultWorld.Accepted();
        });
        var people = await world.SeedAsync(Prompts);
        var repliers = people.Take(Replies).ToList();
        await using var serve = await world.ServeAsync();
        var posting = world.PostRepliesAsync(() => serve.BaseUrl, repliers, TimeSpan.FromSeconds(150), TimeSpan.FromMilliseconds(200));

        await FaultWorld.WaitUntilAsync(
            // Prompts in flight (SendGrid takes 300 ms each) and ingestion begun: under load, waiting for more replies let every
            // prompt go out before the outage, and storage then failed under nothing but the replies.
            async () => world.PromptRequests >= 8 && (await world.InboundStagesAsync()).GetValueOrDefault(3) >= 1,
            TimeSpan.FromSeconds(90),
            () => string.Join(Environment.NewLine, world.Log.TakeLast(30)),
            TimeSpan.FromMilliseconds(20));
        var atStop = $"{world.PromptRequests} prompt sends and {(await world.InboundStagesAsync()).GetValueOrDefault(3)} replies ingested";
        var outage = await world.RestartStorageAsync(FaultWorld.StartedSendAge + FaultWorld.QueueLease + TimeSpan.FromSeconds(1));
        var reposted = await posting;
        var counts = await world.SettleAndCountAsync(people, repliers, output);

        output.WriteLine(
            $"FAULT SUITE storage: {Replies} replies, {Prompts} prompts, 1 outage (Azurite stopped after {atStop}, down {outage.TotalSeconds:0.0} s, longer than the started-send age and the queue lease together, {(FaultWorld.StartedSendAge + FaultWorld.QueueLease).TotalSeconds:0} s; restarted), " +
            $"{reposted} replies not answered 200 at first and posted again; {counts}");
        counts.AssertNothingLostOrSilentlyDoubled(Replies);
    }
}
