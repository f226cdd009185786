namespace Compersion.Core.Inbound;

/// <summary>What a mail to the sign-up mailbox did.</summary>
public enum SignUpByMailOutcome
{
    /// <summary>A confirmation was queued to the sender's address (at most one a day goes out).</summary>
    ConfirmationQueued = 0,

    /// <summary>The verified sender is already subscribed: they get their settings link.</summary>
    AlreadySubscribed = 1,

    /// <summary>Nothing to send: an unverified mail from a subscribed address, or a sign-up the service already holds.</summary>
    Ignored = 2,

    /// <summary>No usable sender address.</summary>
    NoSender = 3,
}
