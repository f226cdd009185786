using System.Text.Json;

namespace Compersion.Core.Scheduling;

/// <summary>One outbound queue message: up to <see cref="MaxJobs"/> jobs, handled by one invocation of the send trigger.</summary>
/// <remarks>
/// <para>Each job keeps its deterministic id and its own outbox claim, so a job is still sent at most once however its
/// message is delivered: a redelivered message finds the jobs it already sent claimed and sends only the rest.</para>
/// <para>Why several per message: every queue message costs a send, a receive and a delete. Thirty-two jobs to a
/// message take those three requests from two per prompt to a sixteenth of one, and keep the queue short, which matters
/// to Azurite, whose receives and deletes cost time in proportion to the messages waiting (measured: 16 ms each with
/// 10,000 waiting, under 1 ms with 300).</para>
/// </remarks>
/// <param name="Jobs">The jobs, at least one.</param>
public sealed record OutboundBatch(IReadOnlyList<OutboundJob> Jobs)
{
    /// <summary>The most jobs one message carries (a few kilobytes of the queue's 64 KiB).</summary>
    public const int MaxJobs = 32;

    /// <summary>A message of one job.</summary>
    public static OutboundBatch Of(OutboundJob job) => new([job]);

    /// <summary>The jobs cut into messages of at most <see cref="MaxJobs"/>.</summary>
    public static IEnumerable<OutboundBatch> Chunk(IEnumerable<OutboundJob> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        return jobs.Chunk(MaxJobs).Select(chunk => new OutboundBatch(chunk));
    }

    /// <summary>The message body: <c>{"jobs":[{"sid","kind","date","zone","at"}, …]}</c> (the queue Base64-encodes it).</summary>
    public string ToJson() => JsonSerializer.Serialize(new Wire([.. Jobs.Select(job => job.ToWire())]), OutboundJobJsonContext.Default.OutboundBatchWire);

    /// <summary>Reads a message body; false for anything malformed, including any one malformed job (never throws on bad input).</summary>
    /// <remarks>A message holding one job as a bare object (<c>{"sid",…}</c>, as queued before batches) is a batch of one.</remarks>
    public static bool TryParse(string? json, out OutboundBatch? batch)
    {
        batch = null;
        if (!OutboundJobJsonContext.TryRead(json, OutboundJobJsonContext.Default.OutboundBatchWire, out var wire))
        {
            // Blank, malformed, or the JSON null (which no single job is either).
            return false;
        }

        if (wire.Jobs is null)
        {
            if (OutboundJob.TryParse(json, out var single))
            {
                batch = Of(single!);
                return true;
            }

            return false;
        }

        var jobs = new List<OutboundJob>(wire.Jobs.Count);
        foreach (var item in wire.Jobs)
        {
            if (item is null || !OutboundJob.TryRead(item, out var job))
            {
                return false;
            }

            jobs.Add(job!);
        }

        if (jobs.Count is 0 or > MaxJobs)
        {
            return false;
        }

        batch = new OutboundBatch(jobs);
        return true;
    }

    internal sealed record Wire(List<OutboundJob.Wire?>? Jobs);
}
