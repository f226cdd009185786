namespace Compersion.Core.Inbound;

/// <summary>What <c>replay --archive --reparse</c> did (or, in a dry run, would do) with one archived post.</summary>
public enum ReparseOutcome
{
    /// <summary>Today's reading equals what is stored: nothing to do.</summary>
    Unchanged = 0,

    /// <summary>What the post wrote was replaced with today's reading (nothing doubled, the subscriber's own edits kept).</summary>
    Replaced = 1,

    /// <summary>A quarantined post is now found to be a subscriber's (say, a sender registered since) and is journaled.</summary>
    Reattributed = 2,

    /// <summary>Quarantined, and still no one's under today's rules.</summary>
    StillQuarantined = 3,

    /// <summary>The subscriber corrected what this post wrote on the web: their corrections stand, nothing is replaced.</summary>
    KeptCorrected = 4,

    /// <summary>Stored before items remembered the post they came from: what it wrote cannot be told apart, so it is left alone.</summary>
    Untraceable = 5,

    /// <summary>A command or a mail to the unsubscribe mailbox: carried out once when it arrived, never again by a replay.</summary>
    NotReplayed = 6,

    /// <summary>Never ingested, or still in flight: an ordinary re-ingestion handles it.</summary>
    Pending = 7,

    /// <summary>Gone from the archive (deleted with its subscriber's data), or its subscriber is gone or unsubscribed.</summary>
    Gone = 8,
}
