namespace Compersion.Core.Inbound;

/// <summary>How far ingestion of one message got; every stage is recorded so a redelivery resumes, never repeats.</summary>
public enum InboundStage
{
    /// <summary>Seen, nothing stored yet.</summary>
    Received = 0,

    /// <summary>Items and settings are stored.</summary>
    Stored = 1,

    /// <summary>The answer (receipt or confirmation) is being sent; if a worker dies here, it is not sent again.</summary>
    Answering = 2,

    /// <summary>Finished.</summary>
    Done = 3,

    /// <summary>Kept but attributed to no one.</summary>
    Quarantined = 4,
}
