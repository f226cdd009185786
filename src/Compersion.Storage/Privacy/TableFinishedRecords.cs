using Compersion.Core.Privacy;
using Compersion.Core.Scheduling;

namespace Compersion.Storage.Privacy;

/// <summary>Deletes finished rows from <c>outbox</c> (by the local date in their row key), <c>inbound</c> and <c>subscriberposts</c> (by when they were last written).</summary>
/// <remarks>
/// Each page of the query is deleted before the next is read, so memory stays flat however many rows are due. Every
/// delete is conditional on the ETag the query returned: a row written since (a redelivery touching it) is kept. The
/// queries filter on the server but scan the table (no key leads with a date): fine for a daily run.
/// </remarks>
internal sealed class TableFinishedRecords(StorageTables tables) : IFinishedRecords
{
    // A table transaction holds at most 100 operations, all in one partition.
    private const int BatchSize = 100;

    private static readonly string[] Keys = ["PartitionKey", "RowKey"];

    public async Task<int> DeleteSentOutboxRowsAsync(LocalDate before, CancellationToken cancellationToken = default)
    {
        // Row keys are "kind|yyyy-MM-dd", and ISO dates sort as text: one key range per kind.
        var cutoff = StoredFormats.Format(before);
        var ranges = Enum.GetValues<JobKind>()
            .Select(kind => StoredFormats.Format(kind) + "|")
            .Select(prefix => TableClient.CreateQueryFilter($"(RowKey ge {prefix} and RowKey lt {prefix + cutoff})"));
        var filter = $"({string.Join(" or ", ranges)}) and (Status eq 'Sent' or Status eq 'Skipped')";
        var deleted = 0;
        await foreach (var page in tables.Outbox.QueryAsync<TableEntity>(filter, BatchSize, Keys, cancellationToken).AsPages())
        {
            foreach (var partition in page.Values.GroupBy(row => row.PartitionKey, StringComparer.Ordinal))
            {
                deleted += await DeleteAsync(tables.Outbox, [.. partition], cancellationToken);
            }
        }

        return deleted;
    }

    public async Task<int> DeleteFinishedInboundRowsAsync(Instant before, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter(
            $"(Stage eq {(int)Core.Inbound.InboundStage.Done} or Stage eq {(int)Core.Inbound.InboundStage.Quarantined}) and Timestamp lt {before.ToDateTimeOffset()}");
        var deleted = 0;
        await foreach (var page in tables.Inbound.QueryAsync<TableEntity>(filter, BatchSize, Keys, cancellationToken).AsPages())
        {
            // Every ledger row is a partition of its own, so no transaction: one conditional delete each.
            foreach (var row in page.Values)
            {
                deleted += await DeleteAsync(tables.Inbound, [row], cancellationToken);
            }
        }

        return deleted;
    }

    public async Task<int> DeletePostIndexRowsAsync(Instant before, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"Timestamp lt {before.ToDateTimeOffset()}");
        var deleted = 0;
        await foreach (var page in tables.SubscriberPosts.QueryAsync<TableEntity>(filter, BatchSize, Keys, cancellationToken).AsPages())
        {
            foreach (var partition in page.Values.GroupBy(row => row.PartitionKey, StringComparer.Ordinal))
            {
                deleted += await DeleteAsync(tables.SubscriberPosts, [.. partition], cancellationToken);
            }
        }

        return deleted;
    }

    private static async Task<int> DeleteAsync(TableClient table, IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken)
    {
        if (rows.Count > 1)
        {
            try
            {
                await table.SubmitTransactionAsync(rows.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row, row.ETag)), cancellationToken);
                return rows.Count;
            }
            catch (TableTransactionFailedException)
            {
                // One of them changed or went since the query: fall back to deleting them one by one.
            }
        }

        var deleted = 0;
        foreach (var row in rows)
        {
            try
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
                deleted++;
            }
            catch (RequestFailedException exception) when (exception.Status is 404 or 412)
            {
                // Gone already, or written since the query: either way not ours to delete now.
            }
        }

        return deleted;
    }
}
