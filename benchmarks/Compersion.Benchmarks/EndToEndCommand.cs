using System.CommandLine;

namespace Compersion.Benchmarks;

/// <summary><c>e2e</c>: the end-to-end load scenario (<see cref="EndToEndScenario"/>).</summary>
internal static class EndToEndCommand
{
    /// <summary>Builds the <c>e2e</c> verb.</summary>
    public static Command Create()
    {
        var subscribers = new Option<int>("--subscribers") { Description = "Subscribers scheduled (due ones included)", DefaultValueFactory = _ => 100_000 };
        var due = new Option<int>("--due") { Description = "Subscribers whose prompt is due in the dispatched minute", DefaultValueFactory = _ => 2_000 };
        var batch = new Option<int>("--batch") { Description = "Messages per queue receive (1-32; default host.json's batchSize)", DefaultValueFactory = _ => HostQueueSettings.Load().BatchSize };
        var journalDays = new Option<int>("--journal-days") { Description = "Earlier journal entries per due subscriber", DefaultValueFactory = _ => 7 };
        var command = new Command("e2e", "Claim 2: prompts/s, storage round trips per prompt and peak memory, against Azurite and a loopback SendGrid.")
        {
            subscribers, due, batch, journalDays,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new EndToEndOptions(parse.GetValue(subscribers), parse.GetValue(due), parse.GetValue(batch), parse.GetValue(journalDays));
            if (options.Due < 1 || options.Subscribers < options.Due || options.BatchSize is < 1 or > 32 || options.JournalDays is < 0 or > 365)
            {
                await Console.Error.WriteLineAsync("Need --due >= 1, --subscribers >= --due, --batch 1-32, --journal-days 0-365.");
                return 2;
            }

            return await EndToEndScenario.RunAsync(options, Console.Out, cancellationToken);
        });
        return command;
    }
}
