namespace Compersion.Core.Photos;

/// <summary>Reads a photo and makes its thumbnail (a port; <c>Compersion.Imaging</c> implements it with Magick.NET).</summary>
public interface IPhotoImaging
{
    /// <summary>The most pixels a photo may declare before it is refused unread: 50 million (a 48 MP phone photo fits).</summary>
    const long MaxPixels = 50_000_000;

    /// <summary>The longest side of a thumbnail, in pixels.</summary>
    const int ThumbnailSide = 512;

    /// <summary>Reads the image's header and, when it is a photo of a sane size, decodes it into a thumbnail.</summary>
    /// <remarks>Never throws for bad input: a non-image, a bomb or a damaged file is a <see cref="PhotoProblem"/>.</remarks>
    PhotoReading Read(ReadOnlyMemory<byte> content);
}
