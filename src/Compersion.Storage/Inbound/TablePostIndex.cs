using Compersion.Core.Inbound;

namespace Compersion.Storage.Inbound;

/// <summary>The <c>subscriberposts</c> table: one row per archived post and ledger key attributed to a subscriber, in that subscriber's partition.</summary>
/// <remarks>
/// <para>Why a table of its own, partitioned by subscriber id, rather than rows in the subscriber's partition of
/// <c>subscribers</c>: every prompt send reads that whole partition (profile and journal) in one query, and a row per
/// reply would grow that hot read for bookkeeping nobody reads there. Here, deleting a subscriber is one partition
/// query and batched deletes, and nothing else ever reads it.</para>
/// <para>A row per (post, ledger key), not per post: a post held as unverified and then kept by its link has two ledger
/// rows (<c>u:</c> and <c>s:</c>), and one replayed from before keys named the subscriber has its old key's row too. One
/// row per post would keep only the last key written, and deletion would leave the other ledger rows behind.</para>
/// <para>Idempotent: the row key is the archive name (<c>/</c> is not allowed in keys, so it becomes <c>_</c>; the
/// columns keep the real name) and the ledger key, and the write is an upsert of the same values, so recording a post
/// twice — a queue redelivery, an archive replay — leaves one row. Rows written before the key was part of the row key
/// (the archive name alone) are still read by deletion and expired by the retention run, as they sort the same way.</para>
/// </remarks>
internal sealed class TablePostIndex(StorageTables tables) : IPostIndex
{
    /// <summary>The column holding the archive name.</summary>
    public const string ArchiveColumn = "Archive";

    /// <summary>The column holding the inbound ledger key.</summary>
    public const string MessageKeyColumn = "MessageKey";

    // Between the archive name and the ledger key in a row key: in neither of them (archive names are dates, digits, '-'
    // and hex; ledger keys a letter, ':' and hex).
    private const char Separator = '|';

    public async Task RecordAsync(string subscriberId, string archiveName, string messageKey, CancellationToken cancellationToken = default)
    {
        TableKeys.Require(subscriberId, nameof(subscriberId));
        ArgumentException.ThrowIfNullOrEmpty(archiveName);
        ArgumentException.ThrowIfNullOrEmpty(messageKey);
        var row = new TableEntity(subscriberId, TableKeys.Require(RowKeyFor(archiveName, messageKey), nameof(archiveName)))
        {
            [ArchiveColumn] = archiveName,
            [MessageKeyColumn] = messageKey,
        };
        await tables.SubscriberPosts.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The row key of an archived post's ledger key.</summary>
    public static string RowKeyFor(string archiveName, string messageKey) => ArchiveRowKey(archiveName) + Separator + messageKey;

    /// <summary>The start of the row keys of an archived post: its name, with <c>/</c> as <c>_</c>; archive names begin with their UTC date, so these sort by arrival.</summary>
    public static string ArchiveRowKey(string archiveName) => archiveName.Replace('/', '_');
}
