namespace Compersion.Core.Inbound;

/// <summary>What the inbound ledger holds for one message key: how far it got, and whose it was found to be.</summary>
/// <param name="Stage">The stage the message reached.</param>
/// <param name="SubscriberId">The subscriber it was attributed to; null while received or when quarantined.</param>
/// <param name="ArchiveName">The archived post that began the row (its arrival time is the post's), when known.</param>
/// <param name="Detail">The address-free reason or note the row was last advanced with, when any.</param>
public sealed record InboundLedgerRow(InboundStage Stage, string? SubscriberId, string? ArchiveName = null, string? Detail = null);
