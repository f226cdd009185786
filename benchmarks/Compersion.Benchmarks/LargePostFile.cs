using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace Compersion.Benchmarks;

/// <summary>
/// A large Inbound Parse post written to a temporary file piece by piece, so that building and sending it never holds it
/// in this process's memory: only what the webhook and the ingestor hold shows in the figures.
/// </summary>
internal sealed class LargePostFile : IDisposable
{
    private const int ChunkBytes = 64 * 1024;
    private readonly string path;

    private LargePostFile(string path, string boundary, long length)
    {
        this.path = path;
        ContentType = $"multipart/form-data; boundary=\"{boundary}\"";
        Length = length;
    }

    /// <summary>The post's Content-Type, boundary included.</summary>
    public string ContentType { get; }

    /// <summary>The post's size in bytes.</summary>
    public long Length { get; }

    /// <summary>Writes a post whose photo is <paramref name="photoBytes"/> random bytes: raw mode (the whole message base64-encoded in <c>email</c>) or parsed mode (a file field).</summary>
    public static LargePostFile Write(string from, string replyAddress, int photoBytes, bool parsed)
    {
        var directory = Path.Combine(Path.GetTempPath(), "compersion-benchmarks-posts");
        Directory.CreateDirectory(directory);
        var photo = Path.Combine(directory, Guid.NewGuid().ToString("N") + ".jpg");
        var post = Path.Combine(directory, Guid.NewGuid().ToString("N") + ".form");
        try
        {
            WriteRandom(photo, photoBytes);
            var boundary = "----compersion" + Guid.NewGuid().ToString("N");
            var domain = from[(from.IndexOf('@', StringComparison.Ordinal) + 1)..];
            var text = string.Join('\n', Enumerable.Range(0, 3).Select(line => EndToEndScenario.Gratitudes[(from.Length + line) % EndToEndScenario.Gratitudes.Count])) + "\n";
            const string subject = "Re: Three good things today?";
            var messageId = MimeKit.Utils.MimeUtils.GenerateMessageId("mail.example.com");
            using (var form = File.Create(post))
            {
                if (parsed)
                {
                    Field(form, boundary, "headers", $"From: {from}\r\nTo: {replyAddress}\r\nSubject: {subject}\r\nMessage-ID: <{messageId}>\r\n");
                    Field(form, boundary, "text", text);
                    Field(form, boundary, "html", "<div>" + text.TrimEnd().Replace("\n", "<br>", StringComparison.Ordinal) + "</div>");
                    Field(form, boundary, "attachments", "1");
                    Field(form, boundary, "attachment-info", """{"attachment1":{"filename":"photo.jpg","name":"photo.jpg","type":"image/jpeg"}}""");
                    Field(form, boundary, "charsets", """{"to":"UTF-8","from":"UTF-8","subject":"UTF-8","text":"UTF-8","html":"UTF-8"}""");
                    Ascii(form, $"--{boundary}\r\nContent-Disposition: form-data; name=\"attachment1\"; filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n");
                    using (var bytes = File.OpenRead(photo))
                    {
                        bytes.CopyTo(form);
                    }

                    Ascii(form, "\r\n");
                }
                else
                {
                    using var bytes = File.OpenRead(photo);
                    var message = new MimeMessage { Subject = subject, MessageId = messageId };
                    message.From.Add(MailboxAddress.Parse(from));
                    message.To.Add(MailboxAddress.Parse(replyAddress));
                    message.Body = new Multipart("mixed")
                    {
                        new TextPart("plain") { Text = text },
                        new MimePart("image", "jpeg")
                        {
                            Content = new MimeContent(bytes),
                            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                            ContentTransferEncoding = ContentEncoding.Base64,
                            FileName = "photo.jpg",
                        },
                    };
                    Ascii(form, $"--{boundary}\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\n");
                    message.WriteTo(form);
                    Ascii(form, "\r\n");
                }

                Field(form, boundary, "envelope", $$"""{"to":["{{replyAddress}}"],"from":"{{from}}"}""");
                Field(form, boundary, "SPF", "pass");
                Field(form, boundary, "dkim", $"{{@{domain} : pass}}");
                Field(form, boundary, "to", replyAddress);
                Field(form, boundary, "from", from);
                Field(form, boundary, "subject", subject);
                Ascii(form, $"--{boundary}--\r\n");
                return new LargePostFile(post, boundary, form.Length);
            }
        }
        finally
        {
            File.Delete(photo);
        }
    }

    /// <summary>The post as request content, read from the file as it is sent.</summary>
    public HttpContent ToContent()
    {
        var content = new StreamContent(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkBytes, FileOptions.Asynchronous | FileOptions.SequentialScan), ChunkBytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        content.Headers.ContentLength = Length;
        return content;
    }

    /// <inheritdoc />
    public void Dispose() => File.Delete(path);

    private static void WriteRandom(string path, int count)
    {
        using var file = File.Create(path);
        var chunk = new byte[ChunkBytes];
        for (var written = 0; written < count; written += chunk.Length)
        {
            var size = Math.Min(chunk.Length, count - written);
            RandomNumberGenerator.Fill(chunk.AsSpan(0, size));
            file.Write(chunk, 0, size);
        }
    }

    private static void Field(Stream form, string boundary, string name, string value)
    {
        Ascii(form, $"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n");
        form.Write(Encoding.UTF8.GetBytes(value));
        Ascii(form, "\r\n");
    }

    private static void Ascii(Stream form, string text) => form.Write(Encoding.ASCII.GetBytes(text));
}
