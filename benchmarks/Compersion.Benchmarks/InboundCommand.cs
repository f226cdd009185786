using System.CommandLine;

namespace Compersion.Benchmarks;

/// <summary><c>inbound</c>: the inbound load scenario (<see cref="InboundScenario"/>).</summary>
internal static class InboundCommand
{
    /// <summary>Builds the <c>inbound</c> verb.</summary>
    public static Command Create()
    {
        var posts = new Option<int>("--posts") { Description = "Measured ~20 KB webhook posts, after a warm-up", DefaultValueFactory = _ => 2_000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Clients posting at once", DefaultValueFactory = _ => 50 };
        var replies = new Option<int>("--replies") { Description = "Archived replies ingested, one per confirmed subscriber", DefaultValueFactory = _ => 1_000 };
        var batch = new Option<int>("--batch") { Description = "Messages per queue receive (1-32; default host.json's batchSize)", DefaultValueFactory = _ => HostQueueSettings.Load().BatchSize };
        var command = new Command("inbound", "Inbound Parse: webhook ack latency, memory for a 30 MB post, and ingestion replies/s, against Azurite over real HTTP.")
        {
            posts, concurrency, replies, batch,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new InboundOptions(parse.GetValue(posts), parse.GetValue(concurrency), parse.GetValue(replies), parse.GetValue(batch));
            if (options.Posts < 1 || options.Concurrency < 1 || options.Replies < 1 || options.BatchSize is < 1 or > 32)
            {
                await Console.Error.WriteLineAsync("Need --posts, --concurrency and --replies >= 1, --batch 1-32.");
                return 2;
            }

            return await InboundScenario.RunAsync(options, Console.Out, cancellationToken);
        });
        return command;
    }
}
