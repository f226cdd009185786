using Compersion.Core.Digests;
using Compersion.Core.Journal;
using Compersion.Storage.Journal;

namespace Compersion.Storage.Digests;

/// <summary>Digest records in the <c>subscribers</c> table: a row per digest date (<c>digest-yyyy-MM-dd</c>), in the subscriber's own partition.</summary>
/// <remarks>
/// A record is inserted, never replaced: the first digest composed for a date fixes its suggestions, so a redelivered
/// or concurrent job reads the same ones back. Deleting the partition forgets these rows with everything else.
/// </remarks>
internal sealed class TableDigestLog(StorageTables tables) : IDigestLog
{
    private const string IdeasColumn = "Ideas";

    public async Task<DigestRecord> RecordAsync(string subscriberId, DigestRecord record, CancellationToken cancellationToken = default)
    {
        TableKeys.Require(subscriberId, nameof(subscriberId));
        ArgumentNullException.ThrowIfNull(record);
        var rowKey = SubscriberPartition.DigestRowKey(record.Date);
        var row = new TableEntity(subscriberId, rowKey) { [IdeasColumn] = string.Join(' ', record.IdeaIds) };
        try
        {
            await JournalStamp.SubmitAsync(tables.Subscribers(subscriberId), subscriberId, [new TableTransactionAction(TableTransactionActionType.Add, row)], cancellationToken);
            return record;
        }
        catch (RequestFailedException exception) when (exception.IsConflict())
        {
            var stored = await tables.Subscribers(subscriberId).GetEntityAsync<TableEntity>(subscriberId, rowKey, cancellationToken: cancellationToken);
            return Read(record.Date, stored.Value);
        }
    }

    /// <summary>Reads a digest record row.</summary>
    public static DigestRecord Read(LocalDate date, TableEntity row) =>
        new(date, row.GetString(IdeasColumn)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? []);
}
