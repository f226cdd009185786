namespace Compersion.Core.Inbound;

/// <summary>What following a keep link did (<see cref="ReplyIngestor.KeepAsync"/>).</summary>
public enum KeepOutcome
{
    /// <summary>The held mail was ingested as verified: its command applied or its lines journaled.</summary>
    Kept = 0,

    /// <summary>It was kept before (a second click); nothing done again.</summary>
    AlreadyKept = 1,

    /// <summary>The link is genuine but past its lifetime; the mail stays set aside.</summary>
    Expired = 2,

    /// <summary>The link was cut short, changed or not ours.</summary>
    Invalid = 3,

    /// <summary>There is nothing to keep any more (the mail or its subscriber was deleted, or it no longer names them).</summary>
    Gone = 4,
}
