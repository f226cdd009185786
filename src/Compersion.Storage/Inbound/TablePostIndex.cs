using Azure.Data.Tables;
using Compersion.Core.Inbound;

namespace Compersion.Storage.Inbound;

/// <summary>The <c>subscriberposts</c> table: one row per archived post attributed to a subscriber, in that subscriber's partition.</summary>
/// <remarks>
/// <para>Why a table of its own, partitioned by subscriber id, rather than rows in the subscriber's partition of
/// <c>subscribers</c>: every prompt send reads that whole partition (profile and journal) in one query, and a row per
/// reply would grow that hot read for bookkeeping nobody reads there. Here, deleting a subscriber is one partition
/// query and batched deletes, and nothing else ever reads it.</para>
/// <para>Idempotent: the row key is the archive name (<c>/</c> is not allowed in keys, so it becomes <c>_</c>; the
/// columns keep the real name), and the write is an upsert of the same values, so recording a post twice — a queue
/// redelivery, an archive replay — leaves one row.</para>
/// </remarks>
internal sealed class TablePostIndex(StorageTables tables) : IPostIndex
{
    /// <summary>The column holding the archive name.</summary>
    public const string ArchiveColumn = "Archive";

    /// <summary>The column holding the inbound ledger key.</summary>
    public const string MessageKeyColumn = "MessageKey";

    public async Task RecordAsync(string subscriberId, string archiveName, string messageKey, CancellationToken cancellationToken = default)
    {
        TableKeys.Require(subscriberId, nameof(subscriberId));
        ArgumentException.ThrowIfNullOrEmpty(archiveName);
        ArgumentException.ThrowIfNullOrEmpty(messageKey);
        var row = new TableEntity(subscriberId, TableKeys.Require(RowKeyFor(archiveName), nameof(archiveName)))
        {
            [ArchiveColumn] = archiveName,
            [MessageKeyColumn] = messageKey,
        };
        await tables.SubscriberPosts.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The row key of an archived post.</summary>
    public static string RowKeyFor(string archiveName) => archiveName.Replace('/', '_');
}
