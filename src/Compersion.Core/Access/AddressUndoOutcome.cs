namespace Compersion.Core.Access;

/// <summary>What the undo link in the notice to an old address leads to.</summary>
public enum AddressUndoOutcome
{
    /// <summary>A genuine link for the last move, within its window: the page asks to confirm (a GET changes nothing).</summary>
    Open = 0,

    /// <summary>The mail moved back to the old address, by this post.</summary>
    Done = 1,

    /// <summary>Not one of our links.</summary>
    Invalid = 2,

    /// <summary>A genuine link that undoes nothing now: used already, the address changed again since, or its 7 days are over.</summary>
    NotPending = 3,

    /// <summary>The old address has become another subscriber's meanwhile; nothing was changed.</summary>
    Taken = 4,

    /// <summary>The subscriber no longer exists.</summary>
    Gone = 5,
}
