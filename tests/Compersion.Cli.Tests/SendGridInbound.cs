using System.Net.Http.Headers;
using System.Text;
using MimeKit;

namespace Compersion.Cli.Tests;

/// <summary>Builds posts the way SendGrid Inbound Parse sends them (multipart/form-data), in raw or parsed mode.</summary>
internal static class SendGridInbound
{
    /// <summary>A reply to a prompt: From the subscriber, to the prompt's Reply-To address, quoting the prompt.</summary>
    public static MimeMessage Reply(MimeMessage prompt, string body, string? from = null, string? messageId = null)
    {
        var reply = new MimeMessage();
        reply.From.Add(MailboxAddress.Parse(from ?? prompt.To.Mailboxes.Single().Address));
        reply.To.Add(prompt.ReplyTo.Mailboxes.Single());
        reply.Subject = "Re: " + prompt.Subject;
        reply.MessageId = messageId ?? MimeKit.Utils.MimeUtils.GenerateMessageId("mail.example.com");
        reply.InReplyTo = prompt.MessageId;
        reply.Body = new TextPart("plain") { Text = body + "\n\nOn Wed, 25 Nov 2026 at 20:00, Compersion <hello@compersion.local> wrote:\n> " + (prompt.TextBody ?? string.Empty).Replace("\n", "\n> ", StringComparison.Ordinal) };
        return reply;
    }

    /// <summary>A raw-mode post: the whole message in the <c>email</c> field.</summary>
    public static MultipartFormDataContent Raw(MimeMessage message, string? envelopeTo = null, string spf = "pass", string? dkim = null)
    {
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
