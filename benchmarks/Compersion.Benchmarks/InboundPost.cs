using System.Net.Http.Headers;
using System.Text;
using MimeKit;

namespace Compersion.Benchmarks;

/// <summary>A SendGrid Inbound Parse post in raw mode (the whole message in the <c>email</c> field), built once and sent as bytes.</summary>
/// <param name="Body">The multipart/form-data body.</param>
/// <param name="ContentType">Its Content-Type, boundary included.</param>
internal sealed record InboundPost(byte[] Body, string ContentType)
{
    /// <summary>A reply of about <paramref name="size"/> bytes: three gratitudes over a quoted prompt, from <paramref name="from"/> to <paramref name="replyAddress"/>.</summary>
    /// <param name="from">The subscriber's address.</param>
    /// <param name="replyAddress">The prompt's Reply-To, <c>reply+token@inbound-domain</c>; also the envelope recipient.</param>
    /// <param name="size">Roughly how large the post should be; the quote is padded to reach it.</param>
    /// <param name="attachment">Bytes attached as <c>photo.jpg</c>, base64-encoded as a mail client would; none when empty.</param>
    /// <param name="copies">How many times to attach it (<c>photo1.jpg</c> … when more than one).</param>
    public static InboundPost Reply(string from, string replyAddress, int size, ReadOnlyMemory<byte> attachment = default, int copies = 1)
    {
        var text = new StringBuilder();
        for (var line = 0; line < 3; line++)
        {
            text.Append(EndToEndScenario.Gratitudes[(from.Length + line) % EndToEndScenario.Gratitudes.Count]).Append('\n');
        }

        text.Append("\nOn Wed, 25 Nov 2026 at 20:00, Compersion <hello@compersion.local> wrote:\n");
        while (text.Length < size - 2_000)
        {
            text.Append("> What are three good things from today? Small ones count: a kind word, a warm drink, a bit of quiet.\n");
        }

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(replyAddress));
        message.Subject = "Re: Three good things today?";
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("mail.example.com");
        var body = new TextPart("plain") { Text = text.ToString() };
        if (attachment.IsEmpty)
        {
            message.Body = body;
        }
        else
        {
            var mixed = new Multipart("mixed") { body };
            for (var copy = 1; copy <= copies; copy++)
            {
                mixed.Add(new MimePart("image", "jpeg")
                {
                    Content = new MimeContent(new MemoryStream(attachment.ToArray(), writable: false)),
                    ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                    ContentTransferEncoding = ContentEncoding.Base64,
                    FileName = copies == 1 ? "photo.jpg" : $"photo{copy}.jpg",
                });
            }

            message.Body = mixed;
        }

        using var raw = new MemoryStream();
        message.WriteTo(raw);
        var domain = from[(from.IndexOf('@', StringComparison.Ordinal) + 1)..];
        using var form = new MultipartFormDataContent();
        Add(form, "email", raw.ToArray());
        Add(form, "envelope", Encoding.UTF8.GetBytes($$"""{"to":["{{replyAddress}}"],"from":"{{from}}"}"""));
        Add(form, "SPF", "pass"u8.ToArray());
        Add(form, "dkim", Encoding.UTF8.GetBytes($"{{@{domain} : pass}}"));
        Add(form, "to", Encoding.UTF8.GetBytes(replyAddress));
        Add(form, "from", Encoding.UTF8.GetBytes(from));
        Add(form, "subject", Encoding.UTF8.GetBytes(message.Subject));
        Add(form, "charsets", """{"to":"UTF-8","from":"UTF-8","subject":"UTF-8"}"""u8.ToArray());
        using var buffer = new MemoryStream();
        form.CopyTo(buffer, null, CancellationToken.None);
        return new InboundPost(buffer.ToArray(), form.Headers.ContentType!.ToString());
    }

    /// <summary>The post as request content; the bytes are shared, not copied.</summary>
    public HttpContent ToContent()
    {
        var content = new ByteArrayContent(Body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        return content;
    }

    /// <summary>The post as a stream, as the webhook's request body would be.</summary>
    public Stream OpenRead() => new MemoryStream(Body, writable: false);

    private static void Add(MultipartFormDataContent form, string name, byte[] value)
    {
        var content = new ByteArrayContent(value);
        content.Headers.ContentType = null;
        form.Add(content, name);
        content.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = $"\"{name}\"" };
    }
}
