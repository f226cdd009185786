namespace Compersion.Core.Sending;

/// <summary>The answer to "may I send this job now?".</summary>
/// <param name="Status">Whether the claim was won, or why not.</param>
/// <param name="Version">Opaque version of the claimed row, for the follow-up write: a write with an older version finds the claim taken over.</param>
/// <param name="Token">Opaque identity of this claim, unchanged by its own writes; lets a write that was retried unseen recognise its own row.</param>
public sealed record OutboxClaim(OutboxClaimStatus Status, string? Version, string? Token = null);
