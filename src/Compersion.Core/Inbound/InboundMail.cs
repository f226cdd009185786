namespace Compersion.Core.Inbound;

/// <summary>An inbound email reduced to what ingestion needs; built by the Inbound Parse reader from either mode.</summary>
/// <param name="MessageId">The Message-ID header without angle brackets, when present.</param>
/// <param name="From">The From address (bare, as written).</param>
/// <param name="EnvelopeTo">The SMTP envelope recipients (where the reply token is).</param>
/// <param name="Subject">The decoded subject.</param>
/// <param name="Text">The plain-text body, decoded to a .NET string, when there is one.</param>
/// <param name="Html">The HTML body, decoded, when there is one.</param>
/// <param name="SpfPass">SendGrid reported SPF pass for the envelope sender, and that sender is in the From domain (SPF alone says nothing about From).</param>
/// <param name="DkimPass">SendGrid reported a DKIM pass for the From domain.</param>
/// <param name="ContentHash">A hash of the message, used as its identity when it has no Message-ID.</param>
public sealed record InboundMail(
    string? MessageId,
    string? From,
    IReadOnlyList<string> EnvelopeTo,
    string? Subject,
    string? Text,
    string? Html,
    bool SpfPass,
    bool DkimPass,
    string ContentHash)
{
    /// <summary>The Message-IDs this mail answers (its In-Reply-To, then its References newest first), without angle brackets.</summary>
    /// <remarks>What <c>UNDO</c> reads to find the reply it takes back: the answer it replies to names that reply in its References.</remarks>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>The files attached to the mail that present themselves as images (inline ones included), in the order the mail has them; the photos among them are kept with the day.</summary>
    /// <remarks>Read from either mode: a raw-mode post's MIME parts, or a parsed-mode post's form files (<c>attachment1</c> …).</remarks>
    public IReadOnlyList<Photos.MailAttachment> Attachments { get; init; } = [];
}
