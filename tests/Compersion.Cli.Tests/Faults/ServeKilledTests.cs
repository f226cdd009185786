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
        var posting = world.PostRepliesAsync(() => serve.BaseUrl, repliers, TimeSpan.FromSeconds(150));
        var killedAfter = new List<string>();

        // First while replies are being ingested and the first tick's prompts are going out (after the tick: a kill inside it
        // holds the wheel's lease for a minute), then after a dozen more sends.
        var baseline = 0;
        Func<Task<bool>>[] killWhen =
        [
            async () => world.PromptRequests >= 8 && (await world.InboundStagesAsync()).GetValueOrDefault(3) >= Replies / 4,
            () => Task.FromResult(world.PromptRequests >= baseline + 12),
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
        await FaultWorld.WaitUntilAsync(
            async () =>
            {
                var outbox = await world.OutboxAsync();
                return !outbox.ContainsKey("Claimed") &&
                       outbox.GetValueOrDefault("Sent", []).Count + outbox.GetValueOrDefault("Uncertain", []).Count == Prompts &&
                       (await world.InboundStagesAsync()).GetValueOrDefault(3) == Replies &&
                       await world.QueuedAsync() == 0;
            },
            TimeSpan.FromSeconds(90),
            () => string.Join(Environment.NewLine, world.Log.TakeLast(30)));

        var sent = world.PromptsPerRecipient();
        var resent = world.Events(3101);
        int Reported(FaultWorld.Person p) => resent.Count(line => line.Contains($"{p.Id}-prompt-", StringComparison.Ordinal));
        var doubled = people.Where(p => sent.GetValueOrDefault(p.Email) > 1).ToList();
        var unreported = people.Where(p => sent.GetValueOrDefault(p.Email) > 1 + Reported(p)).ToList();
        var lost = people.Where(p => sent.GetValueOrDefault(p.Email) == 0).ToList();
        var outboxRows = await world.OutboxAsync();
        var notStored = new List<string>();
        foreach (var person in people)
        {
            var items = await world.ItemsAsync(person);
            var expected = repliers.Contains(person) ? 5 : 0;
            if (items.Count != expected || items.Any(i => !i.Contains(person.Marker, StringComparison.Ordinal)))
            {
                notStored.Add($"{person.Marker}: {items.Count} items");
            }
        }

        var (foreign, ownSeen) = await world.CrossWritesAsync(people);
        output.WriteLine(
            $"FAULT SUITE kill: {Replies} replies, {Prompts} prompts, {killedAfter.Count} kills (after {string.Join("; after ", killedAfter)}), " +
            $"{reposted} replies not answered 200 at first and posted again; lost {lost.Count}, replies not stored once {notStored.Count}, " +
            $"prompts sent more than once {doubled.Count} ({doubled.Sum(p => sent[p.Email] - 1)} extra sends, {resent.Count} reported as event 3101, unreported {unreported.Count}), " +
            $"uncertain {outboxRows.GetValueOrDefault("Uncertain", []).Count}, cross-subscriber writes {foreign.Count}");
        foreach (var person in unreported.Take(2))
        {
            output.WriteLine($"{person.Email} ({person.Id}) was sent {sent[person.Email]} prompts:");
            foreach (var line in world.Log.Where(l => l.Contains(person.Id, StringComparison.Ordinal)))
            {
                output.WriteLine(line);
            }
        }

        Assert.Equal(0, await world.PoisonedAsync());
        Assert.Empty(lost);
        Assert.Empty(notStored);
        Assert.Empty(unreported);
        Assert.False(outboxRows.ContainsKey("Claimed"));
        Assert.Empty(foreign);
        Assert.Equal(Replies, ownSeen);
    }
}
