namespace Compersion.Core.Sending;

/// <summary>One fully composed email, ready for any sender (SendGrid or the pickup folder).</summary>
/// <param name="Kind">What it is (<c>confirm</c>, <c>prompt</c>, <c>checkin</c>, <c>digest</c>, <c>receipt</c> …); carried as <c>X-Compersion-Kind</c>.</param>
/// <param name="To">Recipient address.</param>
/// <param name="From">Sender address.</param>
/// <param name="FromName">Sender display name.</param>
/// <param name="ReplyTo">Reply-To address carrying the reply token, if replies are expected.</param>
/// <param name="Subject">Subject line.</param>
/// <param name="Text">Plain-text body.</param>
/// <param name="Html">HTML body, if any.</param>
/// <param name="Headers">Extra headers (List-Unsubscribe, List-Unsubscribe-Post …).</param>
/// <param name="Tags">Opaque ids only (subscriber id, job id), sent as SendGrid custom args.</param>
/// <param name="Attachments">Files attached to the mail; null or empty for none (every list mail).</param>
public sealed record OutgoingMail(
    string Kind,
    string To,
    string From,
    string FromName,
    string? ReplyTo,
    string Subject,
    string Text,
    string? Html,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<MailAttachment>? Attachments = null);
