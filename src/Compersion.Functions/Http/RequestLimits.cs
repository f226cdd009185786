namespace Compersion.Functions.Http;

/// <summary>Size limits for small HTTP bodies.</summary>
internal static class RequestLimits
{
    /// <summary>A sign-up form or JSON body is tiny; anything larger is refused before parsing.</summary>
    public const int SmallBodyBytes = 16 * 1024;

    /// <summary>SendGrid posts Event Webhook batches of up to a few MB.</summary>
    public const int EventWebhookBytes = 8 * 1024 * 1024;

    /// <summary>An entries post: at most 50 items of 1,000 characters, with room for JSON escaping.</summary>
    public const int EntriesBytes = 256 * 1024;
}
