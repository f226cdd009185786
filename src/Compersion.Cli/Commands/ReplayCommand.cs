using System.CommandLine;
using System.Globalization;
using Compersion.Core.Inbound;
using Compersion.Core.Scheduling;
using Compersion.Storage;

namespace Compersion.Cli.Commands;

/// <summary><c>compersion replay</c>: retry poison messages, or re-ingest archived mail after a parser fix.</summary>
/// <remarks>
/// All are safe to run any number of times: sends are guarded by the outbox, ingestion by the inbound ledger, and a
/// reparse (<see cref="ArchiveReparser"/>) replaces exactly what each post wrote. A reparse is a dry run unless <c>--apply</c>.
/// </remarks>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var archive = new Option<bool>("--archive") { Description = "Re-ingest archived raw mail (with --since) instead of poison messages" };
        var since = new Option<string?>("--since") { Description = "With --archive: first UTC day to re-ingest, yyyy-MM-dd" };
        var reparse = new Option<bool>("--reparse") { Description = "With --archive: read posts already ingested or quarantined again with today's code (a dry run unless --apply)" };
        var apply = new Option<bool>("--apply") { Description = "With --reparse: write what today's reading changes (without it, only count)" };
        var command = new Command("replay", "Move poison messages back to their queues and process them, or re-ingest archived mail since a date.") { archive, since, reparse, apply };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            if ((parse.GetValue(reparse) && !parse.GetValue(archive)) || (parse.GetValue(apply) && !parse.GetValue(reparse)))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("--reparse goes with --archive, and --apply with --reparse.");
                return 2;
            }

            await using var host = await OperatorHost.StartAsync(cancellationToken);
            if (parse.GetValue(archive))
            {
                if (!DateOnly.TryParseExact(parse.GetValue(since) ?? string.Empty, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync("--archive needs --since yyyy-MM-dd.");
                    return 2;
                }

                if (parse.GetValue(reparse))
                {
                    var summary = await host.Services.GetRequiredService<ArchiveReparser>().ReparseSinceAsync(day, parse.GetValue(apply), cancellationToken);
                    await output.WriteAsync(Describe(summary, parse.GetValue(apply)));
                    if (!parse.GetValue(apply))
                    {
                        return 0;
                    }
                }
                else
                {
                    var queued = await QueueArchiveAsync(host.Services, day, cancellationToken);
                    await output.WriteLineAsync($"Queued {queued} archived posts for ingestion.");
                }
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

    /// <summary>What a reparse run did, or in a dry run would do, one line per outcome that happened.</summary>
    internal static string Describe(ReparseSummary summary, bool applied)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var text = new System.Text.StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{(applied ? "Read" : "Dry run (nothing written; add --apply to write): read")} {summary.Total} archived posts again.");
        foreach (var (outcome, line) in Lines)
        {
            if (summary[outcome] is > 0 and var count)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {count} {(applied ? line.Done : line.DryRun)}");
            }
        }

        if (summary.PhotosAdded > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {summary.PhotosAdded} {(applied ? "photos kept that were not kept before" : "photos would be kept that are not kept yet")}");
        }

        return text.ToString();
    }

    private static readonly (ReparseOutcome Outcome, (string Done, string DryRun) Line)[] Lines =
    [
        (ReparseOutcome.Replaced, ("re-read: what they saved now reads as today's code reads it", "would be re-read: today's code reads them differently")),
        (ReparseOutcome.Reattributed, ("quarantined, now saved to their subscriber's journal", "quarantined, would now be saved to their subscriber's journal")),
        (ReparseOutcome.Unchanged, ("unchanged: today's reading is what is stored", "unchanged: today's reading is what is stored")),
        (ReparseOutcome.KeptCorrected, ("kept: the subscriber corrected what they saved", "kept: the subscriber corrected what they saved")),
        (ReparseOutcome.Untraceable, ("kept: saved before items remembered their message", "kept: saved before items remembered their message")),
        (ReparseOutcome.NotReplayed, ("commands or unsubscribe mails, never carried out twice", "commands or unsubscribe mails, never carried out twice")),
        (ReparseOutcome.StillQuarantined, ("still quarantined: no one's under today's rules", "still quarantined: no one's under today's rules")),
        (ReparseOutcome.Pending, ("never finished ingesting: queued for ingestion", "never finished ingesting: would be queued for ingestion")),
        (ReparseOutcome.Gone, ("gone: deleted, or their subscriber is gone or unsubscribed", "gone: deleted, or their subscriber is gone or unsubscribed")),
    ];

    private static async Task<int> QueueArchiveAsync(IServiceProvider services, DateOnly day, CancellationToken cancellationToken)
    {
        var posts = services.GetRequiredService<IInboundArchive>();
        var queue = services.GetRequiredService<IInboundQueue>();
        var queued = 0;
        await foreach (var name in posts.ListSinceAsync(day, cancellationToken))
        {
            await queue.EnqueueAsync(name, cancellationToken);
            queued++;
        }

        return queued;
    }
}
