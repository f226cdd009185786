using Azure.Data.Tables;
using Compersion.Core.Kindness;

namespace Compersion.Storage.Kindness;

/// <summary>Writes a day's kind acts as JSON across <c>Acts0</c>, <c>Acts1</c>, … columns and reads them back.</summary>
/// <remarks>The chunking and its limits are <see cref="ChunkedJsonColumns"/>'s.</remarks>
internal static class KindActColumns
{
    private const string ChunkColumnPrefix = "Acts";
    private const string ChunkCountColumn = "ActChunks";

    public static void Write(TableEntity entity, IReadOnlyList<KindAct> acts) =>
        ChunkedJsonColumns.Write(entity, ChunkColumnPrefix, ChunkCountColumn, [.. acts.Select(StoredKindAct.From)], StorageJsonContext.Stored.ListStoredKindAct);

    public static IReadOnlyList<KindAct> Read(TableEntity entity) =>
        [.. ChunkedJsonColumns.Read(entity, ChunkColumnPrefix, ChunkCountColumn, StorageJsonContext.Stored.ListStoredKindAct).Select(act => act.ToAct())];
}
