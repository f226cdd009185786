namespace Compersion.Core.Sending;

/// <summary>States of an outbox row, as seen by a claimer.</summary>
public enum OutboxClaimStatus
{
    /// <summary>This caller now owns the send.</summary>
    Claimed = 0,

    /// <summary>Already sent: do nothing.</summary>
    AlreadySent = 1,

    /// <summary>An earlier attempt ended uncertain (a timeout or 5xx answer): do not send; it is reported, not re-sent.</summary>
    Held = 2,

    /// <summary>Another worker claimed or started this send moments ago and may still be sending: try again later (let the queue retry).</summary>
    InFlight = 3,
}
