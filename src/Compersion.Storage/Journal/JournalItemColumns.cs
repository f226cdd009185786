using Azure.Data.Tables;
using Compersion.Core.Journal;

namespace Compersion.Storage.Journal;

/// <summary>Writes an entry's items as JSON across <c>Items0</c>, <c>Items1</c>, … columns and reads them back.</summary>
/// <remarks>The chunking and its limits are <see cref="ChunkedJsonColumns"/>'s.</remarks>
internal static class JournalItemColumns
{
    private const string ChunkColumnPrefix = "Items";
    private const string ChunkCountColumn = "ItemChunks";

    public static void Write(TableEntity entity, IReadOnlyList<JournalItem> items) =>
        ChunkedJsonColumns.Write(entity, ChunkColumnPrefix, ChunkCountColumn, [.. items.Select(StoredJournalItem.From)], StorageJsonContext.Stored.ListStoredJournalItem);

    public static IReadOnlyList<JournalItem> Read(TableEntity entity) =>
        [.. ChunkedJsonColumns.Read(entity, ChunkColumnPrefix, ChunkCountColumn, StorageJsonContext.Stored.ListStoredJournalItem).Select(item => item.ToItem())];
}
