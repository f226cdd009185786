namespace Compersion.Core.Inbound;

/// <summary>The one request-body limit every host of the webhook uses: the Functions worker, <c>compersion serve</c> and the benchmarks.</summary>
public static class InboundLimits
{
    /// <summary>The largest request body accepted, in bytes: 32 MiB (33,554,432).</summary>
    /// <remarks>
    /// SendGrid Inbound Parse posts mail of up to 30 MB, message and attachments together; in raw mode the post wraps the
    /// base64-encoded message and a few fields in a form, so the largest post is a little over 30,000,000 bytes. Kestrel's
    /// default limit is exactly 30,000,000 bytes, which would refuse it with a status SendGrid retries for 72 hours and then
    /// drops. A post over this limit is refused the same way; that is SendGrid's own limit, so none should come.
    /// </remarks>
    public const long MaxRequestBodyBytes = 32L * 1024 * 1024;
}
