namespace Compersion.Core.Photos;

/// <summary>What became of a reply's photos: how many were kept, and a line for each that was refused.</summary>
/// <param name="Kept">Photos kept with the day (a HEIC kept as a download included).</param>
/// <param name="Skipped">One short line per refused photo, for the receipt ("holiday.jpg is larger than 10 MB, so it wasn't kept.").</param>
public sealed record PhotoSummary(int Kept, IReadOnlyList<string> Skipped)
{
    /// <summary>Of <see cref="Kept"/>, the photos stored by this call (the rest were kept already: a redelivery or a replay).</summary>
    public int Added { get; init; }

    /// <summary>No photos at all.</summary>
    public static PhotoSummary None { get; } = new(0, []);
}
