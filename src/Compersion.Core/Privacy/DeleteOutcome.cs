namespace Compersion.Core.Privacy;

/// <summary>What following a delete confirmation did.</summary>
public enum DeleteOutcome
{
    /// <summary>Everything was removed now, and the farewell email sent.</summary>
    Deleted = 0,

    /// <summary>The link was genuine but its subscriber no longer exists: it was used before (delete links are single-use).</summary>
    AlreadyDeleted = 1,

    /// <summary>Not one of our delete links (altered, another purpose).</summary>
    Invalid = 2,

    /// <summary>Genuine but too old; nothing was deleted.</summary>
    Expired = 3,
}
