namespace Compersion.Core.Photos;

/// <summary>What a photo request through a journal link gets.</summary>
public enum PhotoAccessOutcome
{
    /// <summary>The link is valid and the photo is the link's subscriber's.</summary>
    Open = 0,

    /// <summary>No valid journal link: tampered, another purpose, missing, or its subscriber is gone.</summary>
    Refused = 1,

    /// <summary>A genuine journal link that has lapsed (or went to an address the subscriber has left).</summary>
    Expired = 2,

    /// <summary>The link is fine, but the subscriber has no such photo (another's id, a deleted photo, a malformed id).</summary>
    NotFound = 3,
}
