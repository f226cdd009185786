using Xunit.Abstractions;

namespace Compersion.Cli.Tests.Faults;

/// <summary>The fault suite's crash: <c>serve</c> killed (SIGKILL) while replies are being ingested and due prompts sent, then restarted.</summary>
[Trait("Category", "Faults")]
public sealed class ServeKilledTests(ITestOutputHelper output)
{
    private const int Prompts = 60;
    private const int Replies = 40;

    [Fact]
    public async Task Serve_KilledTwiceMidBatch_EveryReplyStoredOnceEveryPromptSentOnceOrReported()
    {
        await using var world = await FaultWorld.StartAsync();
        // SendGrid takes a moment to answer, so a kill finds sends in flight (received by SendGrid, not yet confirmed).
        world.AnswerWith(async _ =>
        {
            await Task.Delay(300);
            return FaultWorld.Accepted();
        });
        var people = await world.SeedAsync(Prompts);
        var repliers = people.Take(Replies).ToList();
        var serve = await world.ServeAsync();
        var posting = world.PostRepliesAsync(() => serve.BaseUrl, repliers, TimeSpan.FromSeconds(150), TimeSpan.FromMilliseconds(200));
        var killedAfter = new List<string>();

        // First while replies are being ingested and the first tick's prompts are going out (after the tick: a kill inside it
        // holds the wheel's lease for a minute), then after a dozen more sends.
        var baseline = 0;
        Func<Task<bool>>[] killWhen =
        [
            async () => world.PromptRequests >= 8 && (await world.InboundStagesAsync()).GetValueOrDefault(3) >= Replies / 4,
            // Under load every prompt may be out before the first kill: then the second comes at once.
            () => Task.FromResult(world.PromptRequests >= Math.Min(baseline + 12, Prompts)),
        ];
        foreach (var due in killWhen)
        {
            await FaultWorld.WaitUntilAsync(due, TimeSpan.FromSeconds(90), () => string.Join(Environment.NewLine, world.Log.TakeLast(30)), TimeSpan.FromMilliseconds(20));
            await serve.KillAsync();
            var ingested = (await world.InboundStagesAsync()).GetValueOrDefault(3);
            killedAfter.Add($"{world.PromptRequests} prompt sends and {ingested} replies ingested");
            baseline = world.PromptRequests;
            serve = await world.ServeAsync();
        }

        var reposted = await posting;
        var counts = await world.SettleAndCountAsync(people, repliers, output);

        output.WriteLine(
            $"FAULT SUITE kill: {Replies} replies, {Prompts} prompts, {killedAfter.Count} kills (after {string.Join("; after ", killedAfter)}), " +
            $"{reposted} replies not answered 200 at first and posted again; {counts}");
        counts.AssertNothingLostOrSilentlyDoubled(Replies);
    }
}
