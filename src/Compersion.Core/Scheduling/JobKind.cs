namespace Compersion.Core.Scheduling;

/// <summary>What an outbound job sends. The name is part of deterministic job ids and outbox keys.</summary>
public enum JobKind
{
    /// <summary>The daily five-gratitudes prompt (or the weekly check-in while backed off).</summary>
    Prompt = 0,

    /// <summary>The weekly digest.</summary>
    Digest = 1,

    /// <summary>The double opt-in confirmation email.</summary>
    Confirm = 2,

    /// <summary>A fresh settings link asked for from an expired one; claimed in the outbox to allow one a day, never queued.</summary>
    SettingsLink = 3,

    /// <summary>The welcome mail, queued once when a sign-up is confirmed.</summary>
    Welcome = 4,

    /// <summary>A fresh journal link asked for from an expired one; claimed in the outbox to allow one a day, never queued.</summary>
    JournalLink = 5,

    /// <summary>The "Was this you?" note about held mail; claimed in the outbox to allow one a day per subscriber, never queued.</summary>
    HeldNote = 6,

    /// <summary>The notice to the old address after a move, with its undo link; queued when the move is confirmed, so a failed send is retried.</summary>
    AddressMoved = 7,
}
