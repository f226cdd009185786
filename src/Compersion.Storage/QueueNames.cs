namespace Compersion.Storage;

/// <summary>Names of the storage queues, shared by the adapters, the queue triggers and the operator verbs.</summary>
public static class QueueNames
{
    /// <summary>Jobs for the send handler; a message is <see cref="Core.Scheduling.OutboundJob.ToJson"/>, Base64-encoded by the queue client.</summary>
    public const string Outbound = "outbound";

    /// <summary>Where the Functions host moves an <see cref="Outbound"/> message after its last failed attempt.</summary>
    public const string OutboundPoison = Outbound + "-poison";

    /// <summary>Archived inbound posts waiting for ingestion; a message is the archive name.</summary>
    public const string Inbound = "inbound";

    /// <summary>Where an <see cref="Inbound"/> message goes after its last failed attempt (replay with <c>compersion replay</c>).</summary>
    public const string InboundPoison = Inbound + "-poison";
}
