namespace Compersion.Core.Subscribers;

/// <summary>What became of an attempt to move a subscriber to another address.</summary>
public enum AddressChangeStatus
{
    /// <summary>The address was changed, by this call.</summary>
    Changed = 0,

    /// <summary>Nothing to change: the change left the subscriber as it was (a superseded or lapsed link, or already done).</summary>
    Unchanged = 1,

    /// <summary>Another subscriber has that address; nothing was changed.</summary>
    Taken = 2,

    /// <summary>There is no such subscriber.</summary>
    Gone = 3,
}
