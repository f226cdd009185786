using Compersion.Core.Subscribers;

namespace Compersion.Core.Access;

/// <summary>What became of asking to move to another address.</summary>
public enum AddressRequestOutcome
{
    /// <summary>A confirmation link was mailed to the new address.</summary>
    Sent = 0,

    /// <summary>A link for that same address was mailed earlier and still works; nothing was sent again.</summary>
    AlreadySent = 1,

    /// <summary>Not an email address.</summary>
    Invalid = 2,

    /// <summary>It is already their address (for a further address: their registered one or one already added).</summary>
    Same = 3,

    /// <summary>The confirmation could not be sent; nothing is pending, so asking again tries again.</summary>
    NotSent = 4,

    /// <summary>The subscriber no longer exists.</summary>
    Gone = 5,

    /// <summary>They already have <see cref="Subscriber.MaxExtraAddresses"/> further addresses; nothing was sent.</summary>
    TooMany = 6,
}
