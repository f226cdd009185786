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
        var parallelism = new Option<int>("--parallelism") { Description = "Ingest handlers running at once", DefaultValueFactory = _ => 32 };
        var command = new Command("inbound", "Inbound Parse: webhook ack latency, memory for a 30 MB post, and ingestion replies/s, against Azurite over real HTTP.")
        {
            posts, concurrency, replies, parallelism,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new InboundOptions(parse.GetValue(posts), parse.GetValue(concurrency), parse.GetValue(replies), parse.GetValue(parallelism));
            if (options.Posts < 1 || options.Concurrency < 1 || options.Replies < 1 || options.Parallelism < 1)
            {
                await Console.Error.WriteLineAsync("Need --posts, --concurrency, --replies and --parallelism >= 1.");
                return 2;
            }

            return await InboundScenario.RunAsync(options, Console.Out, cancellationToken);
        });
        return command;
    }
}
