namespace Compersion.Core.Inbound;

/// <summary>What the inbound ledger holds for one message key: how far it got, and whose it was found to be.</summary>
/// <param name="Stage">The stage the message reached.</param>
/// <param name="SubscriberId">The subscriber it was attributed to; null while received or when quarantined.</param>
public sealed record InboundLedgerRow(InboundStage Stage, string? SubscriberId);
