using System.Text.Json.Serialization;

namespace Compersion.Core.Scheduling;

/// <summary>Source-generated JSON for queue messages.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(OutboundJob.Wire))]
[JsonSerializable(typeof(OutboundBatch.Wire), TypeInfoPropertyName = "OutboundBatchWire")]
internal sealed partial class OutboundJobJsonContext : JsonSerializerContext;
