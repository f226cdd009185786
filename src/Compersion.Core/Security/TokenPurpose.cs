namespace Compersion.Core.Security;

/// <summary>What a signed token may be used for; a token for one purpose never passes as another.</summary>
public enum TokenPurpose : byte
{
    /// <summary>Reply to a daily prompt; value = the prompt's local date.</summary>
    Prompt = 1,

    /// <summary>Reply to a weekly digest (kind acts); value = the digest's local date.</summary>
    Digest = 2,

    /// <summary>Confirm a sign-up; value = expiry.</summary>
    Confirm = 3,

    /// <summary>Unsubscribe; value = issue date (these links do not expire).</summary>
    Unsubscribe = 4,

    /// <summary>Open the settings page; value = expiry.</summary>
    Settings = 5,

    /// <summary>Confirm deleting everything (issued by the confirm step, never mailed); value = expiry.</summary>
    /// <remarks>Single-use by construction: once used, the subscriber id it names no longer exists, and ids are never reused.</remarks>
    Delete = 6,

    /// <summary>Open the journal pages (read, search, correct); value = expiry.</summary>
    Journal = 7,

    /// <summary>Reply to a note (a receipt, a command's answer, a settings link); value = the local date it concerns.</summary>
    Note = 8,

    /// <summary>Keep one held mail (a reply whose sender could not be verified) as if it had been verified; value = expiry.</summary>
    /// <remarks>Valid only together with a MAC over the token and the archived post it names (<see cref="Links.KeepLinks"/>).</remarks>
    Keep = 9,

    /// <summary>Confirm a new address (mailed to that address); value = the nonce of the request it confirms, which also carries its expiry.</summary>
    AddressChange = 10,

    /// <summary>Undo a move to a new address (mailed to the old one); value = the nonce of the move it undoes, whose window carries its expiry.</summary>
    AddressUndo = 11,

    /// <summary>Confirm a sign-up typed for an address that is already a profile's (pending, or unsubscribed and coming back), mailed to the address typed; value = the nonce of the waiting request (<see cref="Subscribers.PendingSignUp"/>), which also carries its expiry.</summary>
    SignUpAgain = 12,
}
