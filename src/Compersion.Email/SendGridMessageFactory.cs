using Compersion.Core.Sending;
using SendGrid.Helpers.Mail;

namespace Compersion.Email;

/// <summary>Builds SendGrid's v3 mail/send payload for one <see cref="OutgoingMail"/>.</summary>
internal static class SendGridMessageFactory
{
    /// <summary>The payload: one recipient, text then HTML, attachments (base64, disposition attachment), the mail's headers, the kind as category, the tags as custom args, no tracking.</summary>
    /// <remarks>
    /// Categories and custom args are stored by SendGrid and echoed in events, so they carry opaque ids only;
    /// anything shaped like an address is left out rather than leaked (see <see cref="IsOpaque"/>).
    /// Click tracking would rewrite the signed links, and open tracking adds a pixel: both are off,
    /// and SendGrid's own unsubscribe footer too, since every mail carries ours.
    /// </remarks>
    public static SendGridMessage Create(OutgoingMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);

        var message = new SendGridMessage
        {
            From = new EmailAddress(mail.From, mail.FromName),
            Subject = mail.Subject,
            PlainTextContent = mail.Text,
            HtmlContent = mail.Html,
        };
        message.AddTo(new EmailAddress(mail.To));
        if (!string.IsNullOrWhiteSpace(mail.ReplyTo))
        {
            message.ReplyTo = new EmailAddress(mail.ReplyTo);
        }

        foreach (var attachment in mail.Attachments ?? [])
        {
            message.AddAttachment(attachment.FileName, Convert.ToBase64String(attachment.Content), attachment.ContentType, "attachment");
        }

        if (mail.Headers.Count > 0)
        {
            message.AddGlobalHeaders(mail.Headers.ToDictionary(StringComparer.OrdinalIgnoreCase));
        }

        var customArgs = mail.Tags.Where(tag => IsOpaque(tag.Key) && IsOpaque(tag.Value)).ToDictionary(StringComparer.Ordinal);
        if (customArgs.Count > 0)
        {
            message.AddGlobalCustomArgs(customArgs);
        }

        if (IsOpaque(mail.Kind))
        {
            message.AddCategory(mail.Kind);
        }

        message.SetClickTracking(enable: false, enableText: false);
        message.SetOpenTracking(enable: false);
        message.SetSubscriptionTracking(enable: false);
        return message;
    }

    /// <summary>Whether a category, tag name or tag value is fit to hand to SendGrid: non-empty and nothing like an address.</summary>
    public static bool IsOpaque(string? value) => !string.IsNullOrWhiteSpace(value) && !value.Contains('@', StringComparison.Ordinal);
}
