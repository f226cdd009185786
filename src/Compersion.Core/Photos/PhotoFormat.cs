namespace Compersion.Core.Photos;

/// <summary>The image formats a reply's photos are kept in; anything else attached to a reply is not a photo.</summary>
public enum PhotoFormat
{
    /// <summary>Not one of the formats below (or not an image at all).</summary>
    Unknown = 0,

    /// <summary>JPEG (<c>image/jpeg</c>).</summary>
    Jpeg = 1,

    /// <summary>PNG (<c>image/png</c>).</summary>
    Png = 2,

    /// <summary>WebP (<c>image/webp</c>).</summary>
    WebP = 3,

    /// <summary>HEIC/HEIF, as phones save photos (<c>image/heic</c>).</summary>
    Heic = 4,
}
