namespace Compersion.Functions.Http;

/// <summary>The headers every page and download carries: a strict Content-Security-Policy and friends.</summary>
/// <remarks>
/// No inline script or style anywhere: scripts and the stylesheet come from our own origin (<c>/api/assets/…</c>),
/// everything else is refused (<c>default-src 'none'</c>); forms post only to us; no page may be framed. Pages hold
/// signed tokens in their URL, so no referrer leaves them and nothing is cached.
/// </remarks>
internal static class SecurityHeaders
{
    /// <summary>The policy of every page.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>Sets the headers on a response.</summary>
    public static void Apply(HttpResponse response, string contentSecurityPolicy = ContentSecurityPolicy)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        headers.ContentSecurityPolicy = contentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
    }
}
