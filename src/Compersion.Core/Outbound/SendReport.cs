namespace Compersion.Core.Outbound;

/// <summary>What the send handler did with one job.</summary>
public enum SendReport
{
    /// <summary>The mail was accepted by the provider.</summary>
    Sent = 0,

    /// <summary>Already sent, or held by another attempt: nothing done.</summary>
    Duplicate = 1,

    /// <summary>Deliberately not sent (unknown, unconfirmed, paused or unsubscribed subscriber; backed off).</summary>
    Skipped = 2,

    /// <summary>The provider may or may not have accepted it; recorded and not re-sent.</summary>
    Uncertain = 3,
}
