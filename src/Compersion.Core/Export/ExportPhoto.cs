using Compersion.Core.Photos;
using NodaTime.Text;

namespace Compersion.Core.Export;

/// <summary>A photo kept with a day, as the export lists it.</summary>
/// <param name="Name">The file name the mail gave it, for the reader (never a path).</param>
/// <param name="Type">Its media type, from its bytes (<c>image/jpeg</c>).</param>
/// <param name="Size">Its size in bytes, as it arrived.</param>
/// <param name="Path">Where the zip holds it (<c>photos/2026-11-24/{id}.jpg</c>).</param>
public sealed record ExportPhoto(string Name, string Type, long Size, string Path)
{
    /// <summary>The listing of a stored photo.</summary>
    public static ExportPhoto Of(StoredPhoto photo)
    {
        ArgumentNullException.ThrowIfNull(photo);
        return new ExportPhoto(photo.Name, photo.MediaType, photo.Length, PathOf(photo));
    }

    /// <summary>Where the zip holds a photo: <c>photos/yyyy-MM-dd/{id}.{ext}</c>, named by its id and format, never by the name a mail gave it.</summary>
    public static string PathOf(StoredPhoto photo)
    {
        ArgumentNullException.ThrowIfNull(photo);
        return $"photos/{LocalDatePattern.Iso.Format(photo.Date)}/{photo.Id}{photo.Extension}";
    }
}
