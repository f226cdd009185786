using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Compersion.Core.Scheduling;

/// <summary>Source-generated JSON for queue messages.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(OutboundJob.Wire))]
[JsonSerializable(typeof(OutboundBatch.Wire), TypeInfoPropertyName = "OutboundBatchWire")]
internal sealed partial class OutboundJobJsonContext : JsonSerializerContext
{
    /// <summary>Reads a queue message body as <typeparamref name="T"/>; false for blank or malformed text (never throws on bad input).</summary>
    internal static bool TryRead<T>(string? json, JsonTypeInfo<T> type, [NotNullWhen(true)] out T? value)
        where T : class
    {
        value = null;
        if (string.IsNullOrWhiteSpace(json))
        {
            return false;
        }

        try
        {
            value = JsonSerializer.Deserialize(json, type);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException)
        {
            // ArgumentException: text that is not valid UTF-16 (a lone surrogate) cannot even be read as JSON.
            return false;
        }

        return value is not null;
    }
}
