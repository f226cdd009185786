namespace Compersion.Core.Subscribers;

/// <summary>Where a subscriber stands with us.</summary>
public enum SubscriberStatus
{
    /// <summary>Signed up, not yet confirmed: only the confirmation email may be sent.</summary>
    Pending = 0,

    /// <summary>Confirmed and receiving prompts.</summary>
    Active = 1,

    /// <summary>Confirmed but paused (by themselves, or by a bounce or spam report).</summary>
    Paused = 2,

    /// <summary>Unsubscribed: nothing is sent any more.</summary>
    Unsubscribed = 3,
}
