namespace Compersion.Core.Subscriptions;

/// <summary>The result of following a confirm or unsubscribe link.</summary>
public enum LinkOutcome
{
    /// <summary>Done now.</summary>
    Done = 0,

    /// <summary>It had already been done; nothing changed (links are idempotent).</summary>
    AlreadyDone = 1,

    /// <summary>The link is not one of ours, was altered, or belongs to nobody.</summary>
    Invalid = 2,

    /// <summary>The link is genuine but too old.</summary>
    Expired = 3,

    /// <summary>A genuine confirmation link for a sign-up still pending, only looked at: the page asks to confirm by a button.</summary>
    Pending = 4,
}
