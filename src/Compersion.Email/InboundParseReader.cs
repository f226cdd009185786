using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Compersion.Core.Inbound;
using Compersion.Core.Photos;
using MimeKit;
using MimeKit.Text;
using MimeKit.Utils;

namespace Compersion.Email;

/// <summary>Reads a SendGrid Inbound Parse post (multipart/form-data) in either mode into an <see cref="InboundMail"/>.</summary>
/// <remarks>
/// <para>Raw mode (the <c>email</c> field holds the whole RFC 5322 message) is parsed with MimeKit, which
/// handles charsets, RFC 2047 subjects and transfer encodings. Parsed mode sends <c>text</c> and
/// <c>html</c> in the charset the <c>charsets</c> field names, so they are decoded with it.</para>
/// <para>The form itself is parsed with MimeKit too (multipart/form-data is MIME), streaming from the archive.</para>
/// </remarks>
public static class InboundParseReader
{
    static InboundParseReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Reads a post; false with a short, address-free reason when it is not an Inbound Parse post.</summary>
    public static bool TryRead(Stream post, string? contentType, out InboundMail? mail, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(post);
        mail = null;
        if (contentType is null || !ContentType.TryParse(contentType, out var type) || !type.IsMimeType("multipart", "form-data") || string.IsNullOrEmpty(type.Boundary))
        {
            problem = "not-multipart-form-data";
            return false;
        }

        Multipart form;
        try
        {
            form = MimeEntity.Load(type, post) as Multipart ?? throw new FormatException("not multipart");
        }
        catch (FormatException)
        {
            problem = "malformed-form";
            return false;
        }

        using (form)
        {
            var fields = new Dictionary<string, MimePart>(StringComparer.OrdinalIgnoreCase);
            foreach (var part in form.OfType<MimePart>())
            {
                var name = part.ContentDisposition?.Parameters["name"];
                if (!string.IsNullOrEmpty(name))
                {
                    fields.TryAdd(name, part);
                }
            }

            var envelope = ReadEnvelope(Text(fields, "envelope", Encoding.UTF8));
            var spf = Text(fields, "SPF", Encoding.UTF8);
            var dkim = Text(fields, "dkim", Encoding.UTF8);

            if (fields.TryGetValue("email", out var raw))
            {
                return TryReadRaw(raw, envelope, spf, dkim, out mail, out problem);
            }

            if (!fields.ContainsKey("text") && !fields.ContainsKey("html") && !fields.ContainsKey("from"))
            {
                problem = "no-mail-fields";
                return false;
            }

            var charsets = ReadCharsets(Text(fields, "charsets", Encoding.UTF8));
            var text = Text(fields, "text", charsets.GetValueOrDefault("text"));
            var html = Text(fields, "html", charsets.GetValueOrDefault("html"));
            var subject = Text(fields, "subject", charsets.GetValueOrDefault("subject"));
            var fromHeader = Text(fields, "from", charsets.GetValueOrDefault("from"));
            var from = MailboxAddress.TryParse(fromHeader ?? string.Empty, out var mailbox) ? mailbox.Address : envelope.From;
            var headers = Text(fields, "headers", Encoding.UTF8);
            var messageId = HeaderValue(headers, "Message-ID")?.Trim().Trim('<', '>');
            mail = new InboundMail(
                string.IsNullOrWhiteSpace(messageId) ? null : messageId,
                from,
                envelope.To,
                subject,
                text,
                html,
                SpfPasses(spf, envelope.From, from),
                DkimPasses(dkim, from),
                Hash(from, subject, text, html))
            {
                References = Answered(HeaderValue(headers, "In-Reply-To"), HeaderValue(headers, "References")),
                Attachments = ParsedAttachments(form, Text(fields, "attachment-info", Encoding.UTF8), Text(fields, "content-ids", Encoding.UTF8)),
            };
            problem = null;
            return true;
        }
    }

    /// <summary>Reads a whole RFC 5322 message (an <c>.eml</c>) exactly as the <c>email</c> field of a raw-mode post is read.</summary>
    /// <param name="message">The message's bytes; read in place when the stream can seek, else copied once.</param>
    /// <param name="mail">The mail, with no envelope and no SPF or DKIM verdict (both false).</param>
    /// <param name="problem">Why it could not be read: <c>malformed-mime</c>.</param>
    /// <remarks>For <c>compersion parse</c>, which must show what ingestion would save from the same message.</remarks>
    public static bool TryReadMessage(Stream message, out InboundMail? mail, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.CanSeek)
        {
            return TryReadRaw(message, (null, []), null, null, out mail, out problem);
        }

        using var buffer = new MemoryStream();
        message.CopyTo(buffer);
        buffer.Position = 0;
        return TryReadRaw(buffer, (null, []), null, null, out mail, out problem);
    }

    private static bool TryReadRaw(MimePart raw, (string? From, IReadOnlyList<string> To) envelope, string? spf, string? dkim, out InboundMail? mail, out string? problem)
    {
        if (raw.Content is not { } content)
        {
            using var empty = new MemoryStream();
            return TryReadRaw(empty, envelope, spf, dkim, out mail, out problem);
        }

        if ((content.Encoding is ContentEncoding.Default or ContentEncoding.Binary or ContentEncoding.SevenBit or ContentEncoding.EightBit) && content.Stream is { CanSeek: true })
        {
            // SendGrid sends the field as it is (no transfer encoding): the form parser already holds its bytes, so the
            // message is parsed over them in place, its parts (a 30 MB photo) kept as ranges of that one copy, never copied again.
            content.Stream.Position = 0;
            return TryReadRaw(content.Stream, envelope, spf, dkim, out mail, out problem);
        }

        using var decoded = new MemoryStream();
        content.DecodeTo(decoded);
        decoded.Position = 0;
        return TryReadRaw(decoded, envelope, spf, dkim, out mail, out problem);
    }

    // The message is parsed with persistent streams: each part's content stays a range of the seekable source, read when
    // it is needed (the text parts), so an attachment is neither copied nor decoded.
    private static bool TryReadRaw(Stream source, (string? From, IReadOnlyList<string> To) envelope, string? spf, string? dkim, out InboundMail? mail, out string? problem)
    {
        var start = source.Position;
        var hash = Convert.ToHexStringLower(SHA256.HashData(source));
        source.Position = start;
        MimeMessage message;
        try
        {
            message = new MimeParser(source, MimeFormat.Entity, persistent: true).ParseMessage();
        }
        catch (FormatException)
        {
            mail = null;
            problem = "malformed-mime";
            return false;
        }

        using (message)
        {
            if (message.BodyParts.OfType<TextPart>().Any(part => !part.IsAttachment && !IsDecodable(part)))
            {
                // MimeKit skips what is not base64 and decodes the rest into bytes that were never text; a journal of
                // control characters helps nobody, so the mail is quarantined with this reason (and can be replayed).
                mail = null;
                problem = "undecodable-text-part";
                return false;
            }

            var from = message.From.Mailboxes.FirstOrDefault()?.Address ?? envelope.From;
            mail = new InboundMail(
                string.IsNullOrWhiteSpace(message.MessageId) ? null : message.MessageId,
                from,
                envelope.To.Count > 0 ? envelope.To : [.. message.To.Mailboxes.Select(m => m.Address)],
                message.Subject,
                PlainText(message),
                message.HtmlBody,
                SpfPasses(spf, envelope.From, from),
                DkimPasses(dkim, from),
                hash)
            {
                References = Answered(message.Headers[HeaderId.InReplyTo], message.Headers[HeaderId.References]),
                Attachments = Attachments(message),
            };
            problem = null;
            return true;
        }
    }

    // The parts that present themselves as images (PhotoRules.LooksLikePhoto), attached or inline, decoded; one larger than
    // PhotoRules.MaxBytes is read only that far and kept without its bytes, so a huge attachment costs no more memory than a photo.
    private static List<MailAttachment> Attachments(MimeMessage message)
    {
        var result = new List<MailAttachment>();
        foreach (var part in message.BodyParts.OfType<MimePart>())
        {
            if ((part is TextPart && !part.IsAttachment) || part.Content is null)
            {
                continue;
            }

            var attachment = new MailAttachment(part.FileName, part.ContentType.MimeType.ToLowerInvariant(), part.ContentId, 0, ReadOnlyMemory<byte>.Empty);
            if (!PhotoRules.LooksLikePhoto(attachment))
            {
                continue;
            }

            if (result.Count == PhotoRules.MaxAttachments)
            {
                break;
            }

            result.Add(Decoded(part.Content, attachment));
        }

        return result;
    }

    // Parsed mode: SendGrid posts each attachment as a form file (attachment1 … attachmentN, its file name and type on the
    // part), describes them in attachment-info ({"attachment1": {"filename", "name", "type", "content-id"}}) and maps the
    // HTML's cid: references to them in content-ids ({"ii_abc": "attachment1"}). The same photo rules as raw mode apply: only
    // image-like files, at most PhotoRules.MaxAttachments, in their order, each read at most PhotoRules.MaxBytes. Each file's
    // bytes move from the form's buffer into one array of their exact size and the buffer is let go at once, so a photo is
    // never held twice (a larger one is only measured).
    private static List<MailAttachment> ParsedAttachments(Multipart form, string? infoJson, string? contentIdsJson)
    {
        var info = ReadAttachmentInfo(infoJson);
        var contentIds = ReadCharsets(contentIdsJson).GroupBy(pair => pair.Value, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.First().Key, StringComparer.OrdinalIgnoreCase);
        var files = new List<(int Number, MimePart Part, string Name)>();
        foreach (var part in form.OfType<MimePart>())
        {
            var name = part.ContentDisposition?.Parameters["name"];
            if (name is { Length: > 10 and < 16 } && name.StartsWith("attachment", StringComparison.OrdinalIgnoreCase) &&
                int.TryParse(name.AsSpan(10), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number > 0)
            {
                files.Add((number, part, name.ToLowerInvariant()));
            }
        }

        var result = new List<MailAttachment>();
        foreach (var (_, part, name) in files.OrderBy(file => file.Number).DistinctBy(file => file.Number))
        {
            var described = info.GetValueOrDefault(name);
            var type = described?.Type ?? part.ContentType?.MimeType;
            var attachment = new MailAttachment(
                described?.FileName ?? part.FileName,
                string.IsNullOrWhiteSpace(type) ? null : type.Trim().ToLowerInvariant(),
                described?.ContentId ?? contentIds.GetValueOrDefault(name),
                0,
                ReadOnlyMemory<byte>.Empty);
            if (!PhotoRules.LooksLikePhoto(attachment) || part.Content is null)
            {
                continue;
            }

            if (result.Count == PhotoRules.MaxAttachments)
            {
                break;
            }

            result.Add(part.Content.Encoding is ContentEncoding.Default or ContentEncoding.Binary or ContentEncoding.SevenBit or ContentEncoding.EightBit && part.Content.Stream is { CanSeek: true }
                ? Taken(part, attachment)
                : Decoded(part.Content, attachment));
        }

        return result;
    }

    // The form file's bytes as they are (SendGrid sends them without a transfer encoding), read once into an array of their
    // size; the part's buffer is then released, so the bytes exist once.
    private static MailAttachment Taken(MimePart part, MailAttachment attachment)
    {
        var stream = part.Content!.Stream!;
        var length = stream.Length;
        if (length > PhotoRules.MaxBytes)
        {
            return attachment with { Length = length };
        }

        var bytes = new byte[length];
        stream.Position = 0;
        stream.ReadExactly(bytes);
        part.Content = null;
        stream.Dispose();
        return attachment with { Length = length, Content = bytes };
    }

    private static Dictionary<string, (string? FileName, string? Type, string? ContentId)?> ReadAttachmentInfo(string? json)
    {
        var result = new Dictionary<string, (string? FileName, string? Type, string? ContentId)?>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(json))
        {
            return result;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return result;
            }

            foreach (var property in document.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object))
            {
                result[property.Name] = (
                    StringProperty(property.Value, "filename") ?? StringProperty(property.Value, "name"),
                    StringProperty(property.Value, "type"),
                    StringProperty(property.Value, "content-id")?.Trim().Trim('<', '>'));
            }
        }
        catch (JsonException)
        {
            // Unreadable metadata: the files' own names and types still say what they are.
        }

        return result;
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static MailAttachment Decoded(IMimeContent content, MailAttachment attachment)
    {
        using var decoded = content.Open();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = decoded.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > PhotoRules.MaxBytes)
            {
                return attachment with { Length = buffer.Length };
            }
        }

        return attachment with { Length = buffer.Length, Content = buffer.ToArray() };
    }

    // The text/plain body MimeKit picks, with format=flowed (RFC 3676, Thunderbird's default) unwrapped: soft line breaks
    // joined (DelSp honoured), hard ones and the "-- " signature separator kept. MimeKit's own TextBody unwraps flowed
    // text too, but joins the separator to the name below it, so a flowed part is unwrapped here from its raw text.
    private static string? PlainText(MimeMessage message)
    {
        var text = message.TextBody;
        if (text is null)
        {
            return null;
        }

        var part = message.BodyParts.OfType<TextPart>().FirstOrDefault(part => part.IsPlain && !part.IsAttachment);
        if (part is not { IsFlowed: true })
        {
            return text;
        }

        var delSp = part.ContentType.Parameters.TryGetValue("delsp", out string? value) && string.Equals(value, "yes", StringComparison.OrdinalIgnoreCase);
        return Unflow(part.Text, delSp);
    }

    // FlowedToText would join the "-- " signature separator (a line ending in a space) to the line below it, which RFC 3676
    // forbids: each part between separators is unwrapped on its own.
    private static string Unflow(string text, bool delSp)
    {
        var converter = new FlowedToText { DeleteSpace = delSp };
        var result = new StringBuilder(text.Length);
        var segment = new StringBuilder(text.Length);
        foreach (var line in text.Split('\n'))
        {
            if (line.TrimEnd('\r') == "-- ")
            {
                AppendUnflowed(result, converter, segment);
                result.Append("-- \n");
                continue;
            }

            segment.Append(line).Append('\n');
        }

        AppendUnflowed(result, converter, segment);
        return result.ToString();
    }

    private static void AppendUnflowed(StringBuilder result, FlowedToText converter, StringBuilder segment)
    {
        if (segment.Length == 0)
        {
            return;
        }

        var unflowed = converter.Convert(segment.ToString()).ReplaceLineEndings("\n");
        result.Append(unflowed);
        if (!unflowed.EndsWith('\n'))
        {
            result.Append('\n');
        }

        segment.Clear();
    }

    // A base64 body holds only the base64 alphabet and whitespace, with at most two '=' at its end, in groups of four.
    private static bool IsDecodable(TextPart part)
    {
        if (part.Content is not { Encoding: ContentEncoding.Base64, Stream: { } stream })
        {
            return true;
        }

        stream.Position = 0;
        var significant = 0L;
        var padding = 0;
        int value;
        while ((value = stream.ReadByte()) >= 0)
        {
            var c = (char)value;
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                continue;
            }

            if (c == '=')
            {
                padding++;
            }
            else if (padding > 0 || !(char.IsAsciiLetterOrDigit(c) || c is '+' or '/'))
            {
                return false;
            }

            significant++;
        }

        stream.Position = 0;
        return padding <= 2 && significant % 4 == 0;
    }

    private static string? Text(Dictionary<string, MimePart> fields, string name, string? charset) =>
        Text(fields, name, Charset(charset));

    private static string? Text(Dictionary<string, MimePart> fields, string name, Encoding encoding)
    {
        if (!fields.TryGetValue(name, out var part) || part.Content is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        part.Content.DecodeTo(buffer);
        return encoding.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static Encoding Charset(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Encoding.UTF8;
        }

        try
        {
            return Encoding.GetEncoding(name.Trim());
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            // An unknown charset name, or one .NET refuses (UTF-7 throws NotSupportedException): UTF-8 is the best guess for modern mail.
            return Encoding.UTF8;
        }
    }

    private static (string? From, IReadOnlyList<string> To) ReadEnvelope(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return (null, []);
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var from = root.TryGetProperty("from", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            var to = root.TryGetProperty("to", out var t) && t.ValueKind == JsonValueKind.Array
                ? t.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                : [];
            return (from, to);
        }
        catch (JsonException)
        {
            return (null, []);
        }
    }

    private static Dictionary<string, string> ReadCharsets(string? json)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(json))
        {
            return result;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
                {
                    result[property.Name] = property.Value.GetString()!;
                }
            }
        }
        catch (JsonException)
        {
        }

        return result;
    }

    /// <summary>
    /// SendGrid's <c>SPF</c> field is the verdict for the envelope sender (SMTP MAIL FROM), not for the From header;
    /// it vouches for From only when both are in the same domain, as DMARC's strict SPF alignment requires.
    /// </summary>
    /// <remarks>Without this, anyone with a domain of their own passes SPF while writing a subscriber's address in From.</remarks>
    private static bool SpfPasses(string? spf, string? envelopeFrom, string? from) =>
        string.Equals(spf?.Trim(), "pass", StringComparison.OrdinalIgnoreCase) &&
        Domain(from) is { } domain &&
        string.Equals(Domain(envelopeFrom), domain, StringComparison.Ordinal);

    /// <summary>SendGrid's <c>dkim</c> field looks like <c>{@example.com : pass}</c> (several, comma-separated); a pass counts only for the From domain.</summary>
    private static bool DkimPasses(string? dkim, string? from)
    {
        if (string.IsNullOrWhiteSpace(dkim) || Domain(from) is not { } domain)
        {
            return false;
        }

        foreach (var entry in dkim.Trim('{', '}', ' ').Split(','))
        {
            var pair = entry.Split(':', 2, StringSplitOptions.TrimEntries);
            if (pair.Length == 2 && string.Equals(pair[1], "pass", StringComparison.OrdinalIgnoreCase) &&
                string.Equals(pair[0].TrimStart('@').ToLowerInvariant(), domain, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The lower-cased domain of an address, or null when there is none.</summary>
    private static string? Domain(string? address)
    {
        var at = address?.LastIndexOf('@') ?? -1;
        var domain = at < 0 ? string.Empty : address![(at + 1)..].Trim().TrimEnd('>').ToLowerInvariant();
        return domain.Length == 0 ? null : domain;
    }

    // The Message-IDs a mail answers, the one it replies to first, then the rest of its thread newest first.
    private static IReadOnlyList<string> Answered(string? inReplyTo, string? references) =>
        [.. MimeUtils.EnumerateReferences(inReplyTo ?? string.Empty)
            .Concat(MimeUtils.EnumerateReferences(references ?? string.Empty).Reverse())
            .Where(id => id.Length is > 0 and <= 250)
            .Distinct(StringComparer.Ordinal)
            .Take(20)];

    private static string? HeaderValue(string? headers, string name)
    {
        if (string.IsNullOrEmpty(headers))
        {
            return null;
        }

        try
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(headers.TrimEnd() + "\r\n\r\n"));
            return HeaderList.Load(stream)[name];
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Hash(params string?[] parts)
    {
        var joined = string.Join('\u001f', parts.Select(p => p ?? string.Empty));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)));
    }
}
