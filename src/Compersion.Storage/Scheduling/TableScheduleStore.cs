using Azure;
using Azure.Data.Tables;
using Compersion.Core.Scheduling;
using Microsoft.Extensions.Logging;

namespace Compersion.Storage.Scheduling;

/// <summary>The timing wheel over the <c>schedule00</c> … <c>schedule59</c> tables (one partition per UTC minute bucket, in the table of its minute), plus the cursor row in <c>schedule</c>.</summary>
/// <remarks>
/// Writes go out as entity-group transactions, one per bucket and at most <see cref="MaxTransactionSize"/>
/// rows each (the service's limit), several buckets at a time.
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Batch delete in bucket {Bucket} hit a missing row; deleting its {Count} rows one by one")]
    private static partial void LogDeleteFallback(ILogger logger, string bucket, int count);
}
