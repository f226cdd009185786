namespace Compersion.Core.Sending;

/// <summary>The three outcomes of a send attempt.</summary>
public enum SendOutcome
{
    /// <summary>Accepted by the provider.</summary>
    Sent = 0,

    /// <summary>Certainly not accepted.</summary>
    NotSent = 1,

    /// <summary>Unknown: recorded, never re-sent automatically.</summary>
    Uncertain = 2,
}
