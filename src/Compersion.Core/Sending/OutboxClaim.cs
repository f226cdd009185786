namespace Compersion.Core.Sending;

/// <summary>The answer to "may I send this job now?".</summary>
/// <param name="Status">Whether the claim was won, or why not.</param>
/// <param name="Version">Opaque version of the claimed row, for the follow-up write.</param>
public sealed record OutboxClaim(OutboxClaimStatus Status, string? Version);
