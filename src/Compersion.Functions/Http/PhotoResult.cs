using Compersion.Core.Photos;
using Microsoft.Net.Http.Headers;

namespace Compersion.Functions.Http;

/// <summary>A photo or its thumbnail, streamed from storage with the security headers; inline, or as a download.</summary>
/// <param name="photo">The photo.</param>
/// <param name="content">Its bytes (disposed once written).</param>
/// <param name="thumbnail">Whether <paramref name="content"/> is the thumbnail (always a JPEG).</param>
/// <param name="download">Whether to offer it as a file to save (a HEIC, which browsers do not show).</param>
internal sealed class PhotoResult(StoredPhoto photo, Stream content, bool thumbnail, bool download) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using (content)
        {
            var response = context.HttpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            SecurityHeaders.Apply(response);

            // A photo never changes under its id; the browser may keep it, but no shared cache may.
            response.Headers.CacheControl = "private, max-age=86400";
            response.ContentType = thumbnail ? "image/jpeg" : photo.MediaType;
            if (download)
            {
                response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = photo.Id + photo.Extension, FileName = photo.Id + photo.Extension }.ToString();
            }

            await content.CopyToAsync(response.Body, context.HttpContext.RequestAborted);
        }
    }
}
