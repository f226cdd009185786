namespace Compersion.Core.Photos;

/// <summary>What the image library made of one attachment: its size and a thumbnail, or why there is none.</summary>
/// <param name="Format">The format, from the bytes (<see cref="PhotoSniffer"/>).</param>
/// <param name="Width">Width in pixels as the image declares it; 0 when unread.</param>
/// <param name="Height">Height in pixels as the image declares it; 0 when unread.</param>
/// <param name="Thumbnail">A small JPEG (no metadata, upright), or null when the image could not be decoded.</param>
/// <param name="Problem">Why there is no thumbnail, or <see cref="PhotoProblem.None"/>.</param>
public sealed record PhotoReading(PhotoFormat Format, int Width, int Height, byte[]? Thumbnail, PhotoProblem Problem);
