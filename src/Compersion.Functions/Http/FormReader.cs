using Microsoft.AspNetCore.Http.Features;

namespace Compersion.Functions.Http;

/// <summary>Reads a browser form (urlencoded or multipart) within a size limit, never trusting Content-Length alone.</summary>
internal static class FormReader
{
    /// <summary>The form, or null with a reason a person understands.</summary>
    public static async Task<(IFormCollection? Form, string? Error, int Status)> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasFormContentType)
        {
            return (null, "This address takes a form posted from our pages.", StatusCodes.Status415UnsupportedMediaType);
        }

        if (request.ContentLength > limit)
        {
            return (null, TooLarge(limit), StatusCodes.Status413PayloadTooLarge);
        }

        var options = new FormOptions
        {
            MultipartBodyLengthLimit = limit,
            ValueLengthLimit = (int)Math.Min(limit, int.MaxValue),
            BufferBodyLengthLimit = limit,
            ValueCountLimit = 64,
            MultipartHeadersLengthLimit = 16 * 1024,
        };
        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, options));
        try
        {
            return (await request.ReadFormAsync(cancellationToken), null, StatusCodes.Status200OK);
        }
        catch (InvalidDataException)
        {
            return (null, TooLarge(limit), StatusCodes.Status413PayloadTooLarge);
        }
        catch (IOException)
        {
            return (null, "The form arrived incomplete. Please try again.", StatusCodes.Status400BadRequest);
        }
    }

    private static string TooLarge(long limit) =>
        $"That is more than we take in one form ({limit / 1024:N0} KB). Please send something smaller.";
}
