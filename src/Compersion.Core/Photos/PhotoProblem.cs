namespace Compersion.Core.Photos;

/// <summary>Why an attachment yielded no thumbnail.</summary>
public enum PhotoProblem
{
    /// <summary>Read, and a thumbnail made.</summary>
    None = 0,

    /// <summary>Its bytes are not a JPEG, PNG, WebP or HEIC, whatever its name or type says.</summary>
    NotAnImage = 1,

    /// <summary>It declares more pixels than <see cref="IPhotoImaging.MaxPixels"/> (an image bomb, or a panorama too large to show).</summary>
    TooManyPixels = 2,

    /// <summary>It has a photo's signature but its picture could not be decoded (damaged, or a codec the library lacks).</summary>
    Undecodable = 3,
}
