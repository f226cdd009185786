using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Compersion.Core.Scheduling;

/// <summary>Walks the timing wheel from its cursor up to now and queues every due job once.</summary>
/// <remarks>
/// <para>Cost follows the number of due rows: one partition query per minute bucket walked, one queue
/// message per <see cref="OutboundBatch.MaxJobs"/> due rows, and batched table writes (the following occurrences and the removals are grouped
/// per bucket partition, up to 100 per request).</para>
/// <para>Two overlapping runs never both dispatch: a run first takes a lease on the cursor with optimistic
/// concurrency; the loser reports <see cref="DispatchReport.Busy"/>. A run that dies mid-walk leaves its
/// lease to lapse and the next run resumes from the last checkpoint; jobs it queued again carry the same
/// deterministic id and the outbox claim stops a second send.</para>
/// <para>Missed or late runs catch up: every bucket between the cursor and now is walked.</para>
/// <para>A settings change may move a row between this run's read and its write. Rows are therefore rolled
/// conditionally: the next occurrence is inserted only where no row is (never replacing a newer one), a due row
/// is removed only as it was read, and when it was already gone the next occurrence written for it is taken back.
/// The job queued for it meanwhile is dropped by <see cref="Outbound.OutboundSender"/>, which checks a job's time
/// against the profile.</para>
/// </remarks>
public sealed partial class Dispatcher(
    IScheduleStore store,
    IJobQueue queue,
    TimeProvider time,
    IOptions<DispatchOptions> options,
    ILogger<Dispatcher> logger)
{
    /// <summary>Runs one dispatcher tick.</summary>
    public async Task<DispatchReport> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = Now();
        var target = ScheduleBucket.Of(now);
        var initial = ScheduleBucket.Of(now - Duration.FromMinutes(settings.InitialLookbackMinutes));
        var cursor = await store.ReadCursorAsync(initial, cancellationToken);
        if (cursor.LeaseOwner is not null && cursor.LeaseUntil > now)
        {
            LogBusy(logger);
            return new DispatchReport(0, 0, Busy: true);
        }

        var runId = Guid.NewGuid().ToString("N");
        var lease = Duration.FromMinutes(settings.LeaseMinutes);
        var held = await store.TryWriteCursorAsync(cursor with { LeaseOwner = runId, LeaseUntil = now + lease }, cancellationToken);
        if (held is null)
        {
            LogBusy(logger);
            return new DispatchReport(0, 0, Busy: true);
        }

        var buckets = 0;
        var jobs = 0;
        for (var bucket = held.ProcessedThrough.Next; bucket <= target; bucket = bucket.Next)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var due = await store.GetDueAsync(bucket, cancellationToken);
            buckets++;
            if (due.Count == 0)
            {
                continue;
            }

            await Parallel.ForEachAsync(
                OutboundBatch.Chunk(due.Select(OutboundJob.From)),
                new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = cancellationToken },
                async (batch, token) => await queue.EnqueueAsync(batch, token));
            jobs += due.Count;

            await RollAsync(due, cancellationToken);

            held = await store.TryWriteCursorAsync(held with { ProcessedThrough = bucket, LeaseUntil = Now() + lease }, cancellationToken);
            if (held is null)
            {
                LogLeaseLost(logger, jobs);
                return new DispatchReport(buckets, jobs, Busy: false);
            }
        }

        var last = target < held.ProcessedThrough ? held.ProcessedThrough : target;
        await store.TryWriteCursorAsync(held with { ProcessedThrough = last, LeaseOwner = null, LeaseUntil = null }, cancellationToken);
        LogDispatched(logger, buckets, jobs);
        return new DispatchReport(buckets, jobs, Busy: false);
    }

    // Writes each row's next occurrence and removes the row, both conditionally: a settings change that moved a row after
    // this tick read it keeps its own rows, and the next occurrence this tick wrote for the moved row is taken back.
    // The job already queued for a moved row is dropped by the sender, which checks it against the profile.
    private async Task RollAsync(IReadOnlyList<ScheduleEntry> due, CancellationToken cancellationToken)
    {
        var added = await store.AddAsync([.. due.Select(LocalSchedule.Following)], cancellationToken);
        var removal = await store.RemoveIfUnchangedAsync(due, cancellationToken);
        if (removal.Gone.Count > 0)
        {
            var moved = removal.Gone.Select(row => (row.SubscriberId, row.Kind)).ToHashSet();
            var stale = added.Where(row => moved.Contains((row.SubscriberId, row.Kind))).ToList();
            await store.RemoveIfUnchangedAsync(stale, cancellationToken);
            LogMovedDuringTick(logger, removal.Gone.Count);
        }

        if (removal.Changed.Count > 0)
        {
            LogRewrittenDuringTick(logger, removal.Changed.Count);
        }
    }

    private Instant Now() => Instant.FromDateTimeOffset(time.GetUtcNow());

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatch walked {Buckets} buckets and queued {Jobs} jobs")]
    private static partial void LogDispatched(ILogger logger, int buckets, int jobs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatch found {Rows} rows moved by a settings change while it ran; their next occurrence was taken back")]
    private static partial void LogMovedDuringTick(ILogger logger, int rows);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatch found {Rows} rows rewritten in place by a settings change while it ran; they are kept")]
    private static partial void LogRewrittenDuringTick(ILogger logger, int rows);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatch skipped: another run holds the wheel")]
    private static partial void LogBusy(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispatch lost its lease after queuing {Jobs} jobs; the holder continues")]
    private static partial void LogLeaseLost(ILogger logger, int jobs);
}
