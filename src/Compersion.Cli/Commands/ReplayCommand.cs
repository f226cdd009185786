using System.CommandLine;
using System.Globalization;
using Compersion.Core.Inbound;
using Compersion.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Compersion.Cli.Commands;

/// <summary><c>compersion replay</c>: retry poison messages, or re-ingest archived mail after a parser fix.</summary>
/// <remarks>Both are safe to run any number of times: sends are guarded by the outbox, ingestion by the inbound ledger.</remarks>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var archive = new Option<bool>("--archive") { Description = "Re-ingest archived raw mail (with --since) instead of poison messages" };
        var since = new Option<string?>("--since") { Description = "With --archive: first UTC day to re-ingest, yyyy-MM-dd" };
        var command = new Command("replay", "Move poison messages back to their queues and process them, or re-ingest archived mail since a date.") { archive, since };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            await using var host = await OperatorHost.StartAsync(cancellationToken);
            if (parse.GetValue(archive))
            {
                if (!DateOnly.TryParseExact(parse.GetValue(since) ?? string.Empty, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync("--archive needs --since yyyy-MM-dd.");
                    return 2;
                }

                var posts = host.Services.GetRequiredService<IInboundArchive>();
                var queue = host.Services.GetRequiredService<IInboundQueue>();
                var queued = 0;
                await foreach (var name in posts.ListSinceAsync(day, cancellationToken))
                {
                    await queue.EnqueueAsync(name, cancellationToken);
                    queued++;
                }

                await output.WriteLineAsync($"Queued {queued} archived posts for ingestion.");
            }
            else
            {
                var replay = host.Services.GetRequiredService<QueueReplay>();
                var inbound = await replay.RequeuePoisonAsync(QueueNames.Inbound, cancellationToken);
                var outbound = await replay.RequeuePoisonAsync(QueueNames.Outbound, cancellationToken);
                await output.WriteLineAsync($"Moved {inbound} inbound and {outbound} outbound poison messages back.");
            }

            var handled = await host.DrainQueuesAsync(cancellationToken);
            await output.WriteLineAsync($"Processed {handled} messages.");
            return 0;
        });
        return command;
    }
}
