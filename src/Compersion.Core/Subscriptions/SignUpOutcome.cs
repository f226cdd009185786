namespace Compersion.Core.Subscriptions;

/// <summary>What happened to a sign-up, for the operator and tests; the person sees the same answer every time.</summary>
public enum SignUpOutcome
{
    /// <summary>A confirmation email was queued.</summary>
    ConfirmationQueued = 0,

    /// <summary>Already confirmed: nothing was sent, nothing changed.</summary>
    AlreadyActive = 1,
}
