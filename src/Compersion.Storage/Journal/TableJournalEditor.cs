using System.Security.Cryptography;
using Compersion.Core.Journal;
using Compersion.Storage.Kindness;

namespace Compersion.Storage.Journal;

/// <summary>Rewrites one date's entry row and act row together, in one table transaction guarded by both rows' ETags.</summary>
/// <remarks>
/// Both rows live in the subscriber's partition, so one transaction writes both or neither, and their
/// <see cref="JournalStamp"/> with them. A writer that raced
/// (a reply appending to the same date) makes the transaction fail its precondition; the edit is then read and decided
/// again from the new rows. Every other column of a row (the append tokens above all) is kept, so a message ingested
/// again cannot bring back what a correction removed.
/// </remarks>
internal sealed class TableJournalEditor(StorageTables tables, TimeProvider timeProvider) : IJournalEditor
{
    // As the appender's: each lost race means another writer's change landed, so even heavy contention settles well within this.
    private const int MaxAttempts = 100;
    private const int MaxBackoffMilliseconds = 50;

    // The sources of items the subscriber corrected on the date (DayRows.Corrected), space-separated, on the entry row.
    private const string CorrectedColumn = "Corrected";

    public async Task EditDayAsync(string subscriberId, LocalDate date, Func<DayRows, DayRows?> edit, CancellationToken cancellationToken = default)
    {
        TableKeys.Require(subscriberId, nameof(subscriberId));
        ArgumentNullException.ThrowIfNull(edit);
        var table = tables.Subscribers(subscriberId);
        var entryKey = SubscriberPartition.EntryRowKey(date);
        var actKey = SubscriberPartition.ActRowKey(date);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var entryRead = table.GetEntityIfExistsAsync<TableEntity>(subscriberId, entryKey, cancellationToken: cancellationToken);
            var actRead = table.GetEntityIfExistsAsync<TableEntity>(subscriberId, actKey, cancellationToken: cancellationToken);
            var (entry, acts) = (await entryRead, await actRead);
            var entryRow = entry.HasValue ? entry.Value : null;
            var actRow = acts.HasValue ? acts.Value : null;
            var current = new DayRows(
                entryRow is null ? [] : JournalItemColumns.Read(entryRow),
                actRow is null ? [] : KindActColumns.Read(actRow))
            {
                Corrected = Words(entryRow, CorrectedColumn),
                Appended = [.. Words(entryRow, IdempotentAppender.AppendTokensColumn), .. Words(actRow, IdempotentAppender.AppendTokensColumn)],
            };
            var next = edit(current);
            if (next is null)
            {
                return;
            }

            var actions = new List<TableTransactionAction>(2);
            if (entryRow is not null || next.Items.Count > 0 || next.Corrected.Count > 0)
            {
                var row = Copy(entryRow, subscriberId, entryKey);
                JournalItemColumns.Write(row, next.Items);
                if (next.Corrected.Count > 0)
                {
                    row[CorrectedColumn] = string.Join(' ', next.Corrected.TakeLast(IdempotentAppender.RememberedAppends));
                }

                actions.Add(Write(entryRow, row));
            }

            if (actRow is not null || next.Acts.Count > 0)
            {
                var row = Copy(actRow, subscriberId, actKey);
                KindActColumns.Write(row, next.Acts);
                actions.Add(Write(actRow, row));
            }

            if (actions.Count == 0)
            {
                return;
            }

            try
            {
                await JournalStamp.SubmitAsync(table, subscriberId, actions, cancellationToken);
                return;
            }
            catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412)
            {
                // Someone else wrote the date in between: decide again from what is there now.
            }
            catch (RequestFailedException exception) when (exception.IsConflict() || exception.IsPreconditionFailed())
            {
                // The same, reported without the transaction wrapper.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(1, MaxBackoffMilliseconds)), timeProvider, cancellationToken);
        }

        throw new InvalidOperationException("Could not correct a day: too many concurrent writers.");
    }

    private static string[] Words(TableEntity? row, string column) =>
        row?.GetString(column)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];

    private static TableEntity Copy(TableEntity? current, string partitionKey, string rowKey)
    {
        var row = new TableEntity(partitionKey, rowKey);
        if (current is not null)
        {
            foreach (var (name, value) in current)
            {
                if (name is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
                {
                    row[name] = value;
                }
            }
        }

        return row;
    }

    private static TableTransactionAction Write(TableEntity? current, TableEntity row) =>
        current is null
            ? new TableTransactionAction(TableTransactionActionType.Add, row)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, current.ETag);
}
