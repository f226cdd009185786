using System.Text.Json.Serialization;

namespace Compersion.Core.Export;

/// <summary>Source-generated JSON for exports (camelCase, indented).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(SubscriberExport))]
public sealed partial class ExportJsonContext : JsonSerializerContext;
