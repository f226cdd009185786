using Compersion.Core.Journal;

namespace Compersion.Storage.Journal;

/// <summary>Writes an entry's items as JSON across <c>Items0</c>, <c>Items1</c>, … columns and reads them back.</summary>
/// <remarks>
/// The chunking and its limits are <see cref="ChunkedJsonColumns"/>'s. Beside the JSON, <see cref="CountColumn"/> and
/// <see cref="PersonColumn"/> hold how many items there are and how many mention a person, so the calendar can mark every
/// day of a journal from a projection of those columns alone (<see cref="TableJournalReader"/>).
/// </remarks>
internal static class JournalItemColumns
{
    /// <summary>How many items the row holds.</summary>
    public const string CountColumn = "ItemCount";

    /// <summary>How many of them mention a person.</summary>
    public const string PersonColumn = "ItemsWithPerson";

    /// <summary>How many JSON columns the row holds.</summary>
    public const string ChunkCountColumn = "ItemChunks";

    private const string ChunkColumnPrefix = "Items";

    /// <summary>Every column that holds the items' JSON or the count of those columns (what a read of the text selects).</summary>
    public static IReadOnlyList<string> TextColumns { get; } = ChunkedJsonColumns.ColumnNames(ChunkColumnPrefix, ChunkCountColumn);

    public static void Write(TableEntity entity, IReadOnlyList<JournalItem> items)
    {
        ChunkedJsonColumns.Write(entity, ChunkColumnPrefix, ChunkCountColumn, [.. items.Select(StoredJournalItem.From)], StorageJsonContext.Stored.ListStoredJournalItem);
        entity[CountColumn] = items.Count;
        entity[PersonColumn] = items.Count(item => item.Social);
    }

    public static IReadOnlyList<JournalItem> Read(TableEntity entity) =>
        [.. ChunkedJsonColumns.Read(entity, ChunkColumnPrefix, ChunkCountColumn, StorageJsonContext.Stored.ListStoredJournalItem).Select(item => item.ToItem())];
}
