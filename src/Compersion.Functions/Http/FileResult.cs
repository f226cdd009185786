using Microsoft.Net.Http.Headers;

namespace Compersion.Functions.Http;

/// <summary>A file: a download (export) or a static asset, with the security headers.</summary>
/// <param name="content">The bytes.</param>
/// <param name="contentType">The media type with charset.</param>
/// <param name="downloadName">The file name to save as; null for an asset shown inline.</param>
internal sealed class FileResult(byte[] content, string contentType, string? downloadName) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        SecurityHeaders.Apply(response);
        response.ContentType = contentType;
        if (downloadName is not null)
        {
            response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = downloadName, FileName = downloadName }.ToString();
        }
        else
        {
            response.Headers.CacheControl = "public, max-age=300";
        }

        response.ContentLength = content.Length;
        await response.Body.WriteAsync(content, context.HttpContext.RequestAborted);
    }
}
