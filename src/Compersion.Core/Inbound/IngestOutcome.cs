namespace Compersion.Core.Inbound;

/// <summary>What ingestion did with one archived post (for logs, tests and the replay verb).</summary>
public enum IngestOutcome
{
    /// <summary>Items or kind acts (or both) were added to the subscriber's journal.</summary>
    Journaled = 0,

    /// <summary>A command was carried out.</summary>
    Command = 1,

    /// <summary>The same message was ingested before: nothing done.</summary>
    Duplicate = 2,

    /// <summary>Kept in the archive, attributed to no one.</summary>
    Quarantined = 3,

    /// <summary>The archived post no longer exists (deleted with its subscriber's data).</summary>
    Gone = 4,

    /// <summary>Readable and attributed, but nothing could be saved (an empty reply); the subscriber was told kindly.</summary>
    Empty = 5,

    /// <summary>A mail to the unsubscribe mailbox unsubscribed (or had already unsubscribed) the subscriber its token names.</summary>
    Unsubscribed = 6,

    /// <summary>The subscriber's by token and From, but unverified (SPF and DKIM failed): nothing changed, and they were mailed a link to keep it.</summary>
    Held = 7,

    /// <summary>A mail to the sign-up mailbox: a confirmation was queued to the sender, or a subscribed sender got their settings link.</summary>
    SignUp = 8,
}
