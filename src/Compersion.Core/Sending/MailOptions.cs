using System.ComponentModel.DataAnnotations;

namespace Compersion.Core.Sending;

/// <summary>Addresses and links used in every mail (configuration section <c>Mail</c>).</summary>
public sealed class MailOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Mail";

    /// <summary>The From address (on the authenticated sending domain).</summary>
    [Required]
    [EmailAddress]
    public string From { get; set; } = "hello@compersion.local";

    /// <summary>The From display name.</summary>
    [Required]
    public string FromName { get; set; } = "Compersion";

    /// <summary>The domain whose MX points at SendGrid Inbound Parse; reply addresses are <c>reply+token@InboundDomain</c>.</summary>
    [Required]
    public string InboundDomain { get; set; } = "reply.compersion.local";

    /// <summary>Public base URL of the HTTP functions, without trailing slash (links in mail point here).</summary>
    [Required]
    [Url]
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:7071";

    /// <summary>When set and no SendGrid key is configured, mail is written here as .eml files.</summary>
    public string? PickupDirectory { get; set; }
}
