using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Compersion.Storage.Journal;
using Compersion.Storage.Kindness;
using Compersion.Storage.Subscribers;

namespace Compersion.Storage;

/// <summary>Source-generated JSON for what this project stores in table columns.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)]
[JsonSerializable(typeof(List<StoredJournalItem>))]
[JsonSerializable(typeof(List<StoredKindAct>))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(StoredSignUp))]
internal sealed partial class StorageJsonContext : JsonSerializerContext
{
    /// <summary>The context to use: like <see cref="Default"/>, but non-ASCII text is kept as is.</summary>
    /// <remarks>Nothing serialized here is embedded in HTML, and escaping every accented letter would triple the size of stored entries.</remarks>
    public static StorageJsonContext Stored { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
