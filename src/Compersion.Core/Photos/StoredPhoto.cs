namespace Compersion.Core.Photos;

/// <summary>A photo kept with a day of a subscriber's journal.</summary>
/// <param name="Date">The journal date it belongs to.</param>
/// <param name="Id">Its id: 20 lowercase hex digits derived from the message and the attachment's place in it, so a redelivered mail rewrites, never adds.</param>
/// <param name="Format">Its format, from its bytes.</param>
/// <param name="Name">The file name the mail gave it, for display and download (<see cref="PhotoRules.DisplayName"/>).</param>
/// <param name="Length">Its size in bytes.</param>
/// <param name="HasThumbnail">Whether a thumbnail was made; a HEIC that could not be decoded has none and is offered as a download.</param>
public sealed record StoredPhoto(LocalDate Date, string Id, PhotoFormat Format, string Name, long Length, bool HasThumbnail)
{
    /// <summary>The journal source of the message that brought it (<see cref="Journal.JournalItem.Source"/>), so <c>UNDO</c>
    /// takes back that reply's photos with its items; null for photos kept before photos remembered it.</summary>
    public string? Source { get; init; }

    /// <summary>Its place among the mail's attachments (1 for the first), so one reply's photos show in the order it
    /// held them even when they were kept within the same second; null for photos kept before photos remembered it.</summary>
    public int? Position { get; init; }

    /// <summary>The file extension for its format (<c>.jpg</c>).</summary>
    public string Extension => Extensions.Of(Format);

    /// <summary>The media type to serve it with.</summary>
    public string MediaType => Format switch
    {
        PhotoFormat.Jpeg => "image/jpeg",
        PhotoFormat.Png => "image/png",
        PhotoFormat.WebP => "image/webp",
        PhotoFormat.Heic => "image/heic",
        _ => "application/octet-stream",
    };

    /// <summary>Whether an id has the only shape ids have (so no path character ever reaches a blob name).</summary>
    public static bool IsId(string? id) => id is { Length: 20 } && id.All(char.IsAsciiHexDigitLower);

    private static class Extensions
    {
        public static string Of(PhotoFormat format) => format switch
        {
            PhotoFormat.Jpeg => ".jpg",
            PhotoFormat.Png => ".png",
            PhotoFormat.WebP => ".webp",
            PhotoFormat.Heic => ".heic",
            _ => ".bin",
        };
    }
}
