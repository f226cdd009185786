namespace Compersion.Storage.Journal;

/// <summary>
/// A subscriber's journal stamp: one row in their partition (<see cref="SubscriberPartition.StampRowKey"/>) whose value is
/// a fresh random one after every write to the partition (the profile, entries, acts, corrections, UNDO, imports, digest
/// records) and after every photo kept or deleted, so a reader that saw the same stamp before may answer from what it read then.
/// </summary>
/// <remarks>
/// <para>
/// Every write to a subscribers shard goes through <see cref="SubmitAsync"/> (a test holds every Storage source to this):
/// the stamp rides in the same entity-group transaction as the write, so no write lands without changing it, and a write
/// that fails changes nothing. Photos live in blobs, outside any transaction: <see cref="TouchAsync"/> changes the stamp
/// right after they change.
/// </para>
/// <para>
/// Deleting everything deletes the stamp with the rows (<see cref="Privacy.TablePersonalDataStore"/>). No stamp means
/// nothing may be answered from memory: that covers a partition written before stamps existed, too.
/// </para>
/// </remarks>
internal static class JournalStamp
{
    /// <summary>The stamp row's one column: 32 hex digits, new at every write.</summary>
    public const string Column = "Stamp";

    private static readonly string[] Columns = [Column];

    /// <summary>Submits <paramref name="actions"/> (all in the subscriber's partition) in one transaction with a new stamp.</summary>
    /// <param name="table">The subscriber's shard (<see cref="StorageTables.Subscribers"/>).</param>
    /// <param name="subscriberId">The partition every action writes.</param>
    /// <param name="actions">The writes, at most 99 (a transaction holds 100).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="TableTransactionFailedException">An action failed (its <see cref="RequestFailedException.Status"/>: 404, 409, 412 …); nothing was written.</exception>
    public static async Task SubmitAsync(
        TableClient table, string subscriberId, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(actions);
        try
        {
            await table.SubmitTransactionAsync([.. actions, new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(subscriberId))], cancellationToken);
        }
        finally
        {
            JournalStampMemo.Forget(subscriberId);
        }
    }

    /// <summary>Gives the subscriber a new stamp on its own: after a write outside the table (a photo).</summary>
    public static async Task TouchAsync(TableClient table, string subscriberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        try
        {
            await table.UpsertEntityAsync(Row(subscriberId), TableUpdateMode.Replace, cancellationToken);
        }
        finally
        {
            JournalStampMemo.Forget(subscriberId);
        }
    }

    /// <summary>The subscriber's stamp (one point read); null when they have none (nothing written since stamps began, or everything deleted).</summary>
    public static async Task<string?> ReadAsync(TableClient table, string subscriberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(subscriberId, SubscriberPartition.StampRowKey, Columns, cancellationToken);
        return row.HasValue ? row.Value!.GetString(Column) : null;
    }

    private static TableEntity Row(string subscriberId) =>
        new(TableKeys.Require(subscriberId, nameof(subscriberId)), SubscriberPartition.StampRowKey) { [Column] = Guid.NewGuid().ToString("N") };
}
