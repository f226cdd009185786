using System.CommandLine;
using System.Globalization;

namespace Compersion.Benchmarks;

/// <summary><c>webhook-open</c>: the webhook under an open-loop rate (<see cref="OpenLoopScenario"/>).</summary>
internal static class OpenLoopCommand
{
    /// <summary>Builds the <c>webhook-open</c> verb.</summary>
    public static Command Create()
    {
        var rate = new Option<int>("--rate") { Description = "Posts a second, sent on schedule (open loop)", DefaultValueFactory = _ => 200 };
        var seconds = new Option<int>("--seconds") { Description = "How long the measured run sends", DefaultValueFactory = _ => 60 };
        var subscribers = new Option<int>("--subscribers") { Description = "Confirmed subscribers the ~20 KB replies come from", DefaultValueFactory = _ => 1_000 };
        var batch = new Option<int>("--batch") { Description = "Messages per queue receive of the ingestor (1-32; default host.json's batchSize)", DefaultValueFactory = _ => HostQueueSettings.Load().BatchSize };
        var steps = new Option<string>("--steps") { Description = "Rates to step through afterwards, webhook only (comma-separated; empty for none)", DefaultValueFactory = _ => "50,100,150,200,300,400" };
        var stepSeconds = new Option<int>("--step-seconds") { Description = "How long each step sends", DefaultValueFactory = _ => 15 };
        var command = new Command("webhook-open", "The Inbound Parse webhook at a fixed rate of ~20 KB posts (open loop) over Azurite, ingestion running alongside: ack p50/p99, none lost, queue drained; then the rate at which p99 crosses 50 ms.")
        {
            rate, seconds, subscribers, batch, steps, stepSeconds,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stepRates = new List<int>();
            foreach (var part in (parse.GetValue(steps) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step < 1)
                {
                    await Console.Error.WriteLineAsync("--steps takes rates >= 1, comma-separated.");
                    return 2;
                }

                stepRates.Add(step);
            }

            var options = new OpenLoopOptions(parse.GetValue(rate), parse.GetValue(seconds), parse.GetValue(subscribers), parse.GetValue(batch), stepRates, parse.GetValue(stepSeconds));
            if (options.Rate < 1 || options.Seconds < 1 || options.Subscribers < 1 || options.BatchSize is < 1 or > 32 || options.StepSeconds < 1)
            {
                await Console.Error.WriteLineAsync("Need --rate, --seconds, --subscribers and --step-seconds >= 1, --batch 1-32.");
                return 2;
            }

            return await OpenLoopScenario.RunAsync(options, Console.Out, cancellationToken);
        });
        return command;
    }
}
