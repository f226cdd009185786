using Compersion.Core.Kindness;

namespace Compersion.Storage.Kindness;

/// <summary>Writes a day's kind acts as JSON across <c>Acts0</c>, <c>Acts1</c>, … columns and reads them back.</summary>
/// <remarks>
/// The chunking and its limits are <see cref="ChunkedJsonColumns"/>'s. <see cref="CountColumn"/> holds how many acts there
/// are, so the calendar can mark a day's acts without reading them.
/// </remarks>
internal static class KindActColumns
{
    /// <summary>How many acts the row holds.</summary>
    public const string CountColumn = "ActCount";

    /// <summary>How many JSON columns the row holds.</summary>
    public const string ChunkCountColumn = "ActChunks";

    private const string ChunkColumnPrefix = "Acts";

    /// <summary>Every column that holds the acts' JSON or the count of those columns (what a read of the text selects).</summary>
    public static IReadOnlyList<string> TextColumns { get; } = ChunkedJsonColumns.ColumnNames(ChunkColumnPrefix, ChunkCountColumn);

    public static void Write(TableEntity entity, IReadOnlyList<KindAct> acts)
    {
        ChunkedJsonColumns.Write(entity, ChunkColumnPrefix, ChunkCountColumn, [.. acts.Select(StoredKindAct.From)], StorageJsonContext.Stored.ListStoredKindAct);
        entity[CountColumn] = acts.Count;
    }

    public static IReadOnlyList<KindAct> Read(TableEntity entity) =>
        [.. ChunkedJsonColumns.Read(entity, ChunkColumnPrefix, ChunkCountColumn, StorageJsonContext.Stored.ListStoredKindAct).Select(act => act.ToAct())];
}
