namespace Compersion.Core.Access;

/// <summary>What an address-confirmation link leads to.</summary>
public enum AddressConfirmOutcome
{
    /// <summary>A genuine link for the latest request, not yet used: the page asks to confirm (a GET changes nothing).</summary>
    Open = 0,

    /// <summary>The address was changed by this link: by this click, or by an earlier one (the page then says so again, and nothing changes twice).</summary>
    Done = 1,

    /// <summary>Not one of our links.</summary>
    Invalid = 2,

    /// <summary>A genuine link that no longer confirms anything: used already, replaced by a newer request, or lapsed.</summary>
    NotPending = 3,

    /// <summary>Another subscriber has that address; nothing was changed.</summary>
    Taken = 4,

    /// <summary>The subscriber no longer exists.</summary>
    Gone = 5,

    /// <summary>A further sending address was added by this confirmation (the registered address stays).</summary>
    Added = 6,
}
