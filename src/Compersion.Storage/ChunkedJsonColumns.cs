using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Compersion.Storage;

/// <summary>Writes a list as JSON across <c>{Prefix}0</c>, <c>{Prefix}1</c>, … columns of a row and reads it back.</summary>
/// <remarks>
/// A string property holds at most 64 KiB (32 K UTF-16 characters) and an entity at most 1 MiB, so the
/// JSON is cut into pieces of <see cref="ChunkLength"/> characters, at most <see cref="MaxChunks"/> of
/// them: about 450 000 characters for one row, far beyond any real day. A count column says how many
/// pieces there are, so a row without the columns reads as an empty list.
/// </remarks>
internal static class ChunkedJsonColumns
{
    /// <summary>Characters per column, safely under the 32 K-character property limit.</summary>
    public const int ChunkLength = 30_000;

    /// <summary>Columns per entity; 15 × 60 KB stays under the 1 MiB entity limit.</summary>
    public const int MaxChunks = 15;

    /// <summary>Writes <paramref name="values"/> into the row's <paramref name="prefix"/> columns.</summary>
    /// <exception cref="InvalidOperationException">The JSON needs more than <see cref="MaxChunks"/> columns.</exception>
    public static void Write<T>(TableEntity entity, string prefix, string countColumn, List<T> values, JsonTypeInfo<List<T>> typeInfo)
    {
        var chunks = Split(JsonSerializer.Serialize(values, typeInfo));
        if (chunks.Count > MaxChunks)
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"A row cannot hold more than {MaxChunks * ChunkLength} characters of {prefix}."));
        }

        entity[countColumn] = chunks.Count;
        for (var i = 0; i < chunks.Count; i++)
        {
            entity[ColumnName(prefix, i)] = chunks[i];
        }
    }

    /// <summary>Reads the list written by <see cref="Write{T}"/>; empty when the row has none.</summary>
    public static List<T> Read<T>(TableEntity entity, string prefix, string countColumn, JsonTypeInfo<List<T>> typeInfo)
    {
        var count = entity.GetInt32(countColumn) ?? 0;
        var json = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            json.Append(entity.GetString(ColumnName(prefix, i)));
        }

        return json.Length == 0 ? [] : JsonSerializer.Deserialize(json.ToString(), typeInfo) ?? [];
    }

    /// <summary>The names of every column <see cref="Write{T}"/> may fill for <paramref name="prefix"/>, the count column first.</summary>
    public static IReadOnlyList<string> ColumnNames(string prefix, string countColumn) =>
        [countColumn, .. Enumerable.Range(0, MaxChunks).Select(index => ColumnName(prefix, index))];

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

    private static string ColumnName(string prefix, int index) => prefix + index.ToString(CultureInfo.InvariantCulture);
}
