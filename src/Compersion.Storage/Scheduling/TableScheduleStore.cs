using Compersion.Core.Scheduling;
using Microsoft.Extensions.Logging;

namespace Compersion.Storage.Scheduling;

/// <summary>The timing wheel over the <c>schedule00</c> … <c>schedule59</c> tables (one partition per UTC minute bucket, in the table of its minute), plus the cursor row in <c>schedule</c>.</summary>
/// <remarks>
/// Writes go out as entity-group transactions, one per bucket and at most <see cref="MaxTransactionSize"/>
/// rows each (the service's limit), several buckets at a time. The dispatcher's writes are conditional
/// (<see cref="AddAsync"/> never replaces a row, <see cref="RemoveIfUnchangedAsync"/> removes a row only as it was read),
/// so a tick that read a row just before a settings change moved it never writes over the change.
/// </remarks>
internal sealed partial class TableScheduleStore(StorageTables tables, ILogger<TableScheduleStore> logger) : IScheduleStore
{
    /// <summary>The most actions one table transaction may hold.</summary>
    public const int MaxTransactionSize = 100;

    private const int MaxConcurrentTransactions = 4;

    public async Task<IReadOnlyList<ScheduleEntry>> GetDueAsync(ScheduleBucket bucket, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {bucket.Key}");
        var due = new List<ScheduleEntry>();
        await foreach (var entity in tables.ScheduleFor(bucket.Key).QueryAsync<ScheduleEntity>(filter, cancellationToken: cancellationToken))
        {
            due.Add(entity.ToEntry());
        }

        return due;
    }

    public Task UpsertAsync(IReadOnlyCollection<ScheduleEntry> entries, CancellationToken cancellationToken = default) =>
        ForEachTransactionAsync(entries, SubmitUpsertsAsync, cancellationToken);

    public Task RemoveAsync(IReadOnlyCollection<ScheduleEntry> entries, CancellationToken cancellationToken = default) =>
        ForEachTransactionAsync(entries, SubmitDeletesAsync, cancellationToken);

    public async Task<IReadOnlyList<ScheduleEntry>> AddAsync(IReadOnlyCollection<ScheduleEntry> entries, CancellationToken cancellationToken = default)
    {
        var added = new System.Collections.Concurrent.ConcurrentBag<ScheduleEntry>();
        await ForEachTransactionAsync(entries, (batch, token) => SubmitAddsAsync(batch, added, token), cancellationToken);
        return [.. added];
    }

    public async Task<ScheduleRemoval> RemoveIfUnchangedAsync(IReadOnlyCollection<ScheduleEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Any(entry => entry.Version is null))
        {
            throw new ArgumentException("Only rows read from the store (with a version) can be removed conditionally.", nameof(entries));
        }

        var gone = new System.Collections.Concurrent.ConcurrentBag<ScheduleEntry>();
        var changed = new System.Collections.Concurrent.ConcurrentBag<ScheduleEntry>();
        await ForEachTransactionAsync(entries, (batch, token) => SubmitConditionalDeletesAsync(batch, gone, changed, token), cancellationToken);
        return gone.IsEmpty && changed.IsEmpty ? ScheduleRemoval.None : new ScheduleRemoval([.. gone], [.. changed]);
    }

    public async Task<DispatchCursor> ReadCursorAsync(ScheduleBucket initial, CancellationToken cancellationToken = default)
    {
        var response = await tables.Schedule.GetEntityIfExistsAsync<CursorEntity>(
            CursorEntity.CursorPartitionKey, CursorEntity.CursorRowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.ToCursor() : new DispatchCursor(initial, null, null, null);
    }

    public async Task<DispatchCursor?> TryWriteCursorAsync(DispatchCursor cursor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var entity = CursorEntity.From(cursor);
        try
        {
            var response = cursor.Version is null
                ? await tables.Schedule.AddEntityAsync(entity, cancellationToken)
                : await tables.Schedule.UpdateEntityAsync(entity, new ETag(cursor.Version), TableUpdateMode.Replace, cancellationToken);
            var version = response.Headers.ETag ?? throw new InvalidOperationException("The table service returned no ETag for the cursor.");
            return cursor with { Version = version.ToString() };
        }
        catch (RequestFailedException exception) when (exception.IsConflict() || exception.IsPreconditionFailed() || exception.IsNotFound())
        {
            // 409: someone stored the first cursor; 412: someone moved it; 404: someone deleted it. Either way it is not ours to write.
            LogCursorConflict(logger, exception.Status);
            return null;
        }
    }

    private static async Task ForEachTransactionAsync(
        IReadOnlyCollection<ScheduleEntry> entries,
        Func<ScheduleEntity[], CancellationToken, Task> submit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        var batches = entries
            .Select(ScheduleEntity.From)
            // A transaction may touch a row once; of duplicates the last one given wins.
            .GroupBy(entity => (entity.PartitionKey, entity.RowKey))
            .Select(duplicates => duplicates.Last())
            .GroupBy(entity => entity.PartitionKey, StringComparer.Ordinal)
            .SelectMany(bucket => bucket.Chunk(MaxTransactionSize))
            .ToList();

        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentTransactions, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(batches, options, async (batch, token) => await submit(batch, token));
    }

    private async Task SubmitUpsertsAsync(ScheduleEntity[] batch, CancellationToken cancellationToken) =>
        await tables.ScheduleFor(batch[0].PartitionKey).SubmitTransactionAsync(
            batch.Select(entity => new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity)),
            cancellationToken);

    private async Task SubmitAddsAsync(ScheduleEntity[] batch, System.Collections.Concurrent.ConcurrentBag<ScheduleEntry> added, CancellationToken cancellationToken)
    {
        var table = tables.ScheduleFor(batch[0].PartitionKey);
        try
        {
            var responses = await table.SubmitTransactionAsync(
                batch.Select(entity => new TableTransactionAction(TableTransactionActionType.Add, entity)),
                cancellationToken);
            for (var index = 0; index < batch.Length; index++)
            {
                added.Add(Written(batch[index], responses.Value[index]));
            }
        }
        catch (TableTransactionFailedException exception) when (exception.Status == 409)
        {
            // One row already there fails the whole transaction; go row by row and keep the rows already there.
            LogAddFallback(logger, batch[0].PartitionKey, batch.Length);
            foreach (var entity in batch)
            {
                try
                {
                    added.Add(Written(entity, await table.AddEntityAsync(entity, cancellationToken)));
                }
                catch (RequestFailedException rowException) when (rowException.IsConflict())
                {
                    // A newer write (a settings change, or this tick's own earlier attempt) is there: it stays.
                }
            }
        }
    }

    private async Task SubmitConditionalDeletesAsync(
        ScheduleEntity[] batch,
        System.Collections.Concurrent.ConcurrentBag<ScheduleEntry> gone,
        System.Collections.Concurrent.ConcurrentBag<ScheduleEntry> changed,
        CancellationToken cancellationToken)
    {
        var table = tables.ScheduleFor(batch[0].PartitionKey);
        try
        {
            await table.SubmitTransactionAsync(
                batch.Select(entity => new TableTransactionAction(TableTransactionActionType.Delete, entity, entity.ETag)),
                cancellationToken);
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 404 or 412)
        {
            // One row removed or rewritten by someone else fails the whole transaction; go row by row to find which.
            LogDeleteFallback(logger, batch[0].PartitionKey, batch.Length);
            foreach (var entity in batch)
            {
                // Look first: Azurite does not answer a conditional delete of a missing row the way Azure does (404).
                var stored = await table.GetEntityIfExistsAsync<ScheduleEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken);
                if (!stored.HasValue)
                {
                    gone.Add(entity.ToEntry());
                    continue;
                }

                try
                {
                    await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, entity.ETag, cancellationToken);
                }
                catch (RequestFailedException rowException) when (rowException.IsNotFound())
                {
                    gone.Add(entity.ToEntry());
                }
                catch (RequestFailedException rowException) when (rowException.IsPreconditionFailed())
                {
                    changed.Add(entity.ToEntry());
                }
            }
        }
    }

    private static ScheduleEntry Written(ScheduleEntity entity, Response response) =>
        entity.ToEntry() with { Version = response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("The table service returned no ETag for a schedule row.") };

    private async Task SubmitDeletesAsync(ScheduleEntity[] batch, CancellationToken cancellationToken)
    {
        try
        {
            await tables.ScheduleFor(batch[0].PartitionKey).SubmitTransactionAsync(
                batch.Select(entity => new TableTransactionAction(TableTransactionActionType.Delete, entity, ETag.All)),
                cancellationToken);
        }
        catch (TableTransactionFailedException exception) when (exception.Status == 404)
        {
            // One missing row fails the whole transaction; removing a missing row is a no-op, so go row by row.
            LogDeleteFallback(logger, batch[0].PartitionKey, batch.Length);
            foreach (var entity in batch)
            {
                await DeleteIgnoringMissingAsync(entity, cancellationToken);
            }
        }
    }

    private async Task DeleteIgnoringMissingAsync(ScheduleEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await tables.ScheduleFor(entity.PartitionKey).DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.IsNotFound())
        {
            // Already gone: that is what was asked for.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatch cursor was changed by another run (status {Status}); this run yields")]
    private static partial void LogCursorConflict(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Batch insert in bucket {Bucket} hit a row already there; inserting its {Count} rows one by one")]
    private static partial void LogAddFallback(ILogger logger, string bucket, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Batch delete in bucket {Bucket} hit a missing or changed row; deleting its {Count} rows one by one")]
    private static partial void LogDeleteFallback(ILogger logger, string bucket, int count);
}
