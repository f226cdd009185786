using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Compersion.Core.Journal;

namespace Compersion.Storage.Journal;

/// <summary>Writes an entry's items as JSON across <c>Items0</c>, <c>Items1</c>, … columns and reads them back.</summary>
/// <remarks>
/// A string property holds at most 64 KiB (32 K UTF-16 characters) and an entity at most 1 MiB, so the
/// JSON is cut into pieces of <see cref="ChunkLength"/> characters, at most <see cref="MaxChunks"/> of
/// them: about 450 000 characters of items for one subscriber and date, far beyond any real day.
/// </remarks>
internal static class JournalItemColumns
{
    /// <summary>Characters per column, safely under the 32 K-character property limit.</summary>
    public const int ChunkLength = 30_000;

    /// <summary>Columns per entity; 15 × 60 KB stays under the 1 MiB entity limit.</summary>
    public const int MaxChunks = 15;

    private const string ChunkColumnPrefix = "Items";
    private const string ChunkCountColumn = "ItemChunks";

    public static void Write(TableEntity entity, IReadOnlyList<JournalItem> items)
    {
        var stored = items.Select(StoredJournalItem.From).ToList();
        var json = JsonSerializer.Serialize(stored, StorageJsonContext.Stored.ListStoredJournalItem);
        var chunks = Split(json);
        if (chunks.Count > MaxChunks)
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"A journal entry cannot hold more than {MaxChunks * ChunkLength} characters of items."));
        }

        entity[ChunkCountColumn] = chunks.Count;
        for (var i = 0; i < chunks.Count; i++)
        {
            entity[ColumnName(i)] = chunks[i];
        }
    }

    public static IReadOnlyList<JournalItem> Read(TableEntity entity)
    {
        var count = entity.GetInt32(ChunkCountColumn) ?? 0;
        var json = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            json.Append(entity.GetString(ColumnName(i)));
        }

        if (json.Length == 0)
        {
            return [];
        }

        var stored = JsonSerializer.Deserialize(json.ToString(), StorageJsonContext.Stored.ListStoredJournalItem) ?? [];
        return stored.Select(item => item.ToItem()).ToList();
    }

    private static string ColumnName(int index) => ChunkColumnPrefix + index.ToString(CultureInfo.InvariantCulture);

    internal static List<string> Split(string json)
    {
        var chunks = new List<string>();
        var start = 0;
        while (start < json.Length)
        {
            var length = Math.Min(ChunkLength, json.Length - start);

            // Never cut a surrogate pair in two: each column must be valid text on its own.
            if (start + length < json.Length && char.IsHighSurrogate(json[start + length - 1]))
            {
                length--;
            }

            chunks.Add(json.Substring(start, length));
            start += length;
        }

        return chunks;
    }
}
