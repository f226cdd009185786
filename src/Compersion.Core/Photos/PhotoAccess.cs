namespace Compersion.Core.Photos;

/// <summary>The answer to a request for a photo through a journal link.</summary>
/// <param name="Outcome">Whether the photo is served.</param>
/// <param name="Photo">The photo (only when open).</param>
/// <param name="Content">Its bytes, or its thumbnail's (only when open; the caller disposes it).</param>
public sealed record PhotoAccess(PhotoAccessOutcome Outcome, StoredPhoto? Photo, Stream? Content);
