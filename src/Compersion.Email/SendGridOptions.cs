using System.ComponentModel.DataAnnotations;

namespace Compersion.Email;

/// <summary>How mail reaches SendGrid and how SendGrid's Event Webhook is trusted (configuration section <c>SendGrid</c>).</summary>
/// <remarks>
/// In Azure and locally the settings are named <c>SendGrid__ApiKey</c>, <c>SendGrid__Host</c> and so on.
/// Without an <see cref="ApiKey"/> nothing is sent to SendGrid: mail is written to the pickup directory instead.
/// </remarks>
public sealed class SendGridOptions : IValidatableObject
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "SendGrid";

    /// <summary>SendGrid's own API host, used when <see cref="Host"/> is not set.</summary>
    public const string DefaultHost = "https://api.sendgrid.com";

    /// <summary>The API key with the Mail Send permission; when absent, mail goes to the pickup directory.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The API base URL, without <c>/v3</c> (a loopback test server in tests); defaults to <see cref="DefaultHost"/>.</summary>
    [Url]
    public string? Host { get; set; }

    /// <summary>How long one HTTP attempt may take before it is abandoned and reported as uncertain.</summary>
    /// <remarks>It bounds each attempt, not the whole send: waits for a rate limit come on top of it.</remarks>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>SendGrid's Event Webhook verification key: base64 DER SubjectPublicKeyInfo of an ECDSA P-256 key.</summary>
    /// <remarks>Without it every event post is rejected, so a forged post can never pause a subscriber.</remarks>
    public string? EventWebhookPublicKey { get; set; }

    /// <summary>How old a signed event post may be before it is rejected as a possible replay.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan EventWebhookMaxAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The host actually used: <see cref="Host"/> when set, else <see cref="DefaultHost"/>.</summary>
    internal string EffectiveHost => string.IsNullOrWhiteSpace(Host) ? DefaultHost : Host;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(EventWebhookPublicKey) && EventWebhookKey.TryDecode(EventWebhookPublicKey) is null)
        {
            yield return new ValidationResult(
                "EventWebhookPublicKey must be a base64 DER SubjectPublicKeyInfo of an ECDSA P-256 key.",
                [nameof(EventWebhookPublicKey)]);
        }
    }
}
