namespace Compersion.Core.Sending;

/// <summary>States of an outbox row, as seen by a claimer.</summary>
public enum OutboxClaimStatus
{
    /// <summary>This caller now owns the send.</summary>
    Claimed = 0,

    /// <summary>Already sent: do nothing.</summary>
    AlreadySent = 1,

    /// <summary>Another worker holds a fresh claim, or an earlier attempt ended uncertain: do not send.</summary>
    Held = 2,
}
