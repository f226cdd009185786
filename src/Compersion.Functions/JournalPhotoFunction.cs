using Compersion.Core.Access;
using Compersion.Core.Photos;

namespace Compersion.Functions;

/// <summary>
/// <c>GET /api/journal/photo?token=…&amp;date=yyyy-MM-dd&amp;id=…[&amp;size=thumb|download]</c>: a photo from a reply, or its
/// thumbnail, served only through a valid journal link and only when the photo is that link's subscriber's.
/// </summary>
public sealed class JournalPhotoFunction(JournalPhotos photos)
{
    /// <summary>Serves the photo, or refuses with a short page.</summary>
    [Function(nameof(JournalPhotoFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.JournalPhoto)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var size = request.Query["size"].ToString();
        var opened = await photos.OpenAsync(request.Query["token"], request.Query["date"], request.Query["id"], thumbnail: size == "thumb", cancellationToken);
        return opened.Outcome switch
        {
            PhotoAccessOutcome.Open => new PhotoResult(opened.Photo!, opened.Content!, thumbnail: size == "thumb", download: size == "download" || opened.Photo!.Format == PhotoFormat.Heic),
            PhotoAccessOutcome.NotFound => Page.Render(StatusCodes.Status404NotFound, "No such photo", "There is no such photo in your journal. It may have been deleted."),
            PhotoAccessOutcome.Expired => Page.Render(StatusCodes.Status403Forbidden, "This link has expired", "Photos open from your journal, through a link that works for 24 hours. Reply JOURNAL to any of our emails for a fresh one."),
            _ => Page.Render(StatusCodes.Status403Forbidden, "This photo is private", "Photos open only from your own journal, through the link in your emails."),
        };
    }
}
