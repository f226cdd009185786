using System.Net.Http.Headers;
using System.Text;
using Compersion.Core.Links;
using MimeKit;

namespace Compersion.Cli.Inbox;

/// <summary>Builds the multipart/form-data post SendGrid Inbound Parse sends in raw mode, so a reply can be tried locally.</summary>
internal static class InboundParsePost
{
    /// <summary>The Inbound Parse webhook of the app at <paramref name="baseUrl"/>, with the function key it requires.</summary>
    public static Uri WebhookUrl(string baseUrl, string functionKey)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return new Uri($"{baseUrl.TrimEnd('/')}{Routes.Path(Routes.InboundParse)}?code={Uri.EscapeDataString(functionKey)}");
    }

    /// <summary>Where a mail client sends a reply to <paramref name="original"/>: its Reply-To, else its From.</summary>
    /// <returns>False, with a reason to show, when that address is not on the inbound domain: Inbound Parse would never see the reply.</returns>
    public static bool TryReplyAddress(MimeMessage original, string inboundDomain, out MailboxAddress? to, out string problem)
    {
        ArgumentNullException.ThrowIfNull(original);
        to = original.ReplyTo.Mailboxes.FirstOrDefault() ?? original.From.Mailboxes.FirstOrDefault();
        var domain = to?.Address is { } address && address.LastIndexOf('@') is var at and >= 0 ? address[(at + 1)..] : string.Empty;
        if (to is null || !string.Equals(domain, inboundDomain, StringComparison.OrdinalIgnoreCase))
        {
            problem = original.ReplyTo.Count == 0
                ? $"This mail has no Reply-To, so a reply would go to its From address, which receives nothing: it does not invite a reply."
                : $"This mail's Reply-To is not on the inbound domain ({inboundDomain}), so Inbound Parse would never receive a reply.";
            to = null;
            return false;
        }

        problem = string.Empty;
        return true;
    }

    /// <summary>A reply to a mail from the outbox: From its recipient, to the address a mail client would use, threaded under it (In-Reply-To, References) and quoting it below the new text.</summary>
    /// <param name="original">The mail being answered.</param>
    /// <param name="text">The reply's new text.</param>
    /// <param name="to">Where the reply goes (see <see cref="TryReplyAddress"/>); null for the original's Reply-To, else its From.</param>
    /// <param name="from">The sender; null for the original's recipient.</param>
    /// <param name="messageId">The reply's Message-ID; null for a fresh one.</param>
    public static MimeMessage Reply(MimeMessage original, string text, MailboxAddress? to = null, string? from = null, string? messageId = null)
    {
        ArgumentNullException.ThrowIfNull(original);
        var reply = new MimeMessage();
        reply.From.Add(MailboxAddress.Parse(from ?? original.To.Mailboxes.Single().Address));
        reply.To.Add(to ?? original.ReplyTo.Mailboxes.FirstOrDefault() ?? original.From.Mailboxes.Single());
        reply.Subject = "Re: " + original.Subject;
        reply.MessageId = messageId ?? MimeKit.Utils.MimeUtils.GenerateMessageId("mail.example.com");
        reply.InReplyTo = original.MessageId;

        // As mail clients thread (RFC 5322 3.6.4): the original's References, then the original itself.
        foreach (var id in original.References)
        {
            reply.References.Add(id);
        }

        if (!string.IsNullOrEmpty(original.MessageId))
        {
            reply.References.Add(original.MessageId);
        }
        var quoted = (original.TextBody ?? string.Empty).Replace("\n", "\n> ", StringComparison.Ordinal);
        var date = original.Date.ToString("ddd, d MMM yyyy 'at' HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        reply.Body = new TextPart("plain") { Text = $"{text}\n\nOn {date}, {original.From} wrote:\n> {quoted}" };
        return reply;
    }

    /// <summary>The raw-mode form: the whole message in <c>email</c>, plus <c>envelope</c>, <c>SPF</c>, <c>dkim</c> and friends.</summary>
    public static MultipartFormDataContent Raw(MimeMessage message, string? envelopeTo = null, string spf = "pass", string? dkim = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var buffer = new MemoryStream();
        message.WriteTo(buffer);
        var from = message.From.Mailboxes.Single().Address;
        var to = envelopeTo ?? message.To.Mailboxes.Single().Address;
        var form = new MultipartFormDataContent();
        Add(form, "email", Encoding.UTF8.GetString(buffer.ToArray()));
        Add(form, "envelope", $$"""{"to":["{{to}}"],"from":"{{from}}"}""");
        Add(form, "SPF", spf);
        Add(form, "dkim", dkim ?? $"{{@{from[(from.IndexOf('@', StringComparison.Ordinal) + 1)..]} : pass}}");
        Add(form, "to", to);
        Add(form, "from", from);
        Add(form, "subject", message.Subject ?? string.Empty);
        Add(form, "charsets", """{"to":"UTF-8","from":"UTF-8","subject":"UTF-8"}""");
        return form;
    }

    private static void Add(MultipartFormDataContent form, string name, string value)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(value));
        content.Headers.ContentType = null;
        form.Add(content, name);
        content.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = $"\"{name}\"" };
    }
}
