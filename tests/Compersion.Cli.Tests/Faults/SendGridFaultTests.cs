using System.Globalization;
using Xunit.Abstractions;

namespace Compersion.Cli.Tests.Faults;

/// <summary>The fault suite's SendGrid: 429 with Retry-After or X-RateLimit-Reset, 500 and timeouts for a share of the sends of one tick.</summary>
[Trait("Category", "Faults")]
public sealed class SendGridFaultTests(ITestOutputHelper output)
{
    private const int Prompts = 48;

    [Fact]
    public async Task Dispatch_SendGridAnswers429And500AndTimesOut_EachPromptAcceptedOnceOrRecordedUncertain()
    {
        await using var world = await FaultWorld.StartAsync();
        world.AnswerWith(async request =>
        {
            var fault = FaultFor(request.Recipient);
            switch (fault)
            {
                case Fault.RateLimitedOnce when request.Attempt == 1:
                    return FaultWorld.Status(429, ("Retry-After", "1"));
                case Fault.RateLimitedTwice when request.Attempt <= 2:
                    var reset = TimeProvider.System.GetUtcNow().AddSeconds(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                    return FaultWorld.Status(429, ("X-RateLimit-Reset", reset));
                case Fault.ServerError:
                    return FaultWorld.Status(500);
                case Fault.TimesOut:
                    // Longer than SendGrid__RequestTimeout (5 s, so an ordinary send on a loaded machine is not cut off): the client gives
            // up; SendGrid accepted it all the same.
                    await Task.Delay(TimeSpan.FromSeconds(7));
                    return FaultWorld.Accepted();
                default:
                    return FaultWorld.Accepted();
            }
        });
        var people = await world.SeedAsync(Prompts);

        await using var serve = await world.ServeAsync(new Dictionary<string, string> { ["SendGrid__RequestTimeout"] = "00:00:05" });
        await FaultWorld.WaitUntilAsync(
            async () =>
            {
                var outbox = await world.OutboxAsync();
                return !outbox.ContainsKey("Claimed") && !outbox.ContainsKey("Released") &&
                       outbox.GetValueOrDefault("Sent", []).Count + outbox.GetValueOrDefault("Uncertain", []).Count == Prompts &&
                       await world.QueuedAsync() == 0;
            },
            TimeSpan.FromSeconds(90),
            () => string.Join(Environment.NewLine, world.Log.TakeLast(30)));

        var outbox = await world.OutboxAsync();
        var uncertain = outbox.GetValueOrDefault("Uncertain", []);
        var requests = world.Requests.Where(r => r.Category == "prompt").GroupBy(r => r.Recipient).ToDictionary(g => g.Key, g => g.Count());
        var accepted = world.Requests.Where(r => r.Category == "prompt" && Accepts(r)).GroupBy(r => r.Recipient).ToDictionary(g => g.Key, g => g.Count());
        var injected = people.Count(p => FaultFor(p.Email) != Fault.None);
        var reportedUncertain = uncertain.Count(job => world.Log.Any(line => line.Contains(job, StringComparison.Ordinal) && line.Contains("may or may not", StringComparison.Ordinal)));
        output.WriteLine(
            $"FAULT SUITE sendgrid: 0 replies, {Prompts} prompts, {injected} faults injected " +
            $"({people.Count(p => FaultFor(p.Email) is Fault.RateLimitedOnce or Fault.RateLimitedTwice)} rate-limited, {people.Count(p => FaultFor(p.Email) == Fault.ServerError)} answered 500, {people.Count(p => FaultFor(p.Email) == Fault.TimesOut)} timed out); " +
            $"{requests.Values.Sum()} requests, most for one prompt {requests.Values.Max()}; accepted once {accepted.Count(a => a.Value == 1)}, accepted twice {accepted.Count(a => a.Value > 1)}, " +
            $"lost {people.Count(p => !requests.ContainsKey(p.Email))}, uncertain {uncertain.Count} (reported {reportedUncertain})");
        foreach (var person in people)
        {
            var fault = FaultFor(person.Email);
            var tries = requests.GetValueOrDefault(person.Email);
            switch (fault)
            {
                case Fault.ServerError or Fault.TimesOut:
                    Assert.Equal(1, tries);
                    Assert.Contains(uncertain, job => job.StartsWith(person.Id + "-prompt-", StringComparison.Ordinal));
                    break;
                case Fault.RateLimitedOnce:
                    Assert.Equal(2, tries);
                    Assert.Equal(1, accepted.GetValueOrDefault(person.Email));
                    break;
                case Fault.RateLimitedTwice:
                    Assert.Equal(3, tries);
                    Assert.Equal(1, accepted.GetValueOrDefault(person.Email));
                    break;
                default:
                    Assert.Equal(1, tries);
                    Assert.Equal(1, accepted.GetValueOrDefault(person.Email));
                    break;
            }
        }

        Assert.Equal(people.Count(p => FaultFor(p.Email) is Fault.ServerError or Fault.TimesOut), uncertain.Count);
        Assert.Equal(uncertain.Count, reportedUncertain);
        Assert.Equal(0, await world.PoisonedAsync());
    }

    private static Fault FaultFor(string recipient) =>
        (int.Parse(recipient.AsSpan(5, 3), CultureInfo.InvariantCulture) % 8) switch
        {
            0 => Fault.RateLimitedOnce,
            1 => Fault.RateLimitedTwice,
            2 => Fault.ServerError,
            3 => Fault.TimesOut,
            _ => Fault.None,
        };

    // The answer a request got: every fault's later attempts, and the timed-out ones (SendGrid took them), were accepted.
    private static bool Accepts(FaultWorld.SendGridRequest request) => FaultFor(request.Recipient) switch
    {
        Fault.RateLimitedOnce => request.Attempt > 1,
        Fault.RateLimitedTwice => request.Attempt > 2,
        Fault.ServerError => false,
        _ => true,
    };

    private enum Fault
    {
        None,
        RateLimitedOnce,
        RateLimitedTwice,
        ServerError,
        TimesOut,
    }
}
