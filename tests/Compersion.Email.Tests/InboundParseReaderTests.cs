using System.Net.Http.Headers;
using System.Text;
using MimeKit;

namespace Compersion.Email.Tests;

public sealed class InboundParseReaderTests
{
    private const string ReplyAddress = "reply+abcdef@reply.compersion.example";
    private const string Sender = "jo@example.com";

    private static readonly string SampleRoot = Path.Combine(AppContext.BaseDirectory, "TestData", "inbound");

    private static readonly string Envelope = $$"""{"to":["{{ReplyAddress}}"],"from":"{{Sender}}"}""";

    static InboundParseReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string> UnparseableMessages => Files("unparseable");

    public static TheoryData<string> DamagedMessages => Files("damaged");

    public static TheoryData<string> UndecodableMessages => Files("undecodable");

    [Fact]
    public void TryRead_RawReplyWithPhotosInlineImageAndPdf_ImagesReadInOrderWithTheirContentIds()
    {
        var builder = new BodyBuilder { TextBody = "1. Soup with Ana\n", HtmlBody = "<p>1. Soup with Ana</p><div class=\"gmail_signature\"><img src=\"cid:logo@acme\"></div>" };
        var logo = builder.LinkedResources.Add("logo.png", new byte[3_000], new ContentType("image", "png"));
        logo.ContentId = "logo@acme";
        builder.Attachments.Add("IMG_0001.HEIC", new byte[40_000], new ContentType("application", "octet-stream"));
        builder.Attachments.Add("invoice.pdf", new byte[5_000], new ContentType("application", "pdf"));
        builder.Attachments.Add("beach.jpg", [.. Enumerable.Range(0, 50_000).Select(i => (byte)i)], new ContentType("image", "jpeg"));
        var post = RawPost(Message(builder.ToMessageBody()));

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.True(read, problem);
        Assert.Equal(
            [("logo.png", "image/png", "logo@acme", 3_000L), ("IMG_0001.HEIC", "application/octet-stream", null, 40_000L), ("beach.jpg", "image/jpeg", null, 50_000L)],
            mail!.Attachments.Select(a => (a.FileName, a.MediaType, a.ContentId, a.Length)));
        Assert.Equal(Enumerable.Range(0, 50_000).Select(i => (byte)i), mail.Attachments[2].Content.ToArray());
    }

    [Fact]
    public void TryRead_RawAttachmentOverTenMegabytes_ReadOnlyThatFarAndKeptWithoutItsBytes()
    {
        var builder = new BodyBuilder { TextBody = "1. Soup\n" };
        builder.Attachments.Add("huge.jpg", new byte[11 * 1024 * 1024], new ContentType("image", "jpeg"));
        var post = RawPost(Message(builder.ToMessageBody()));

        InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out _);

        var huge = Assert.Single(mail!.Attachments);
        Assert.True(huge.Length > 10 * 1024 * 1024);
        Assert.True(huge.Content.IsEmpty);
    }

    [Fact]
    public void TryRead_ParsedReplyWithPhotosLogoAndPdf_ImagesReadInOrderWithNamesTypesAndContentIds()
    {
        var beach = Enumerable.Range(0, 50_000).Select(i => (byte)i).ToArray();
        var post = ParsedPostWithFiles(
            [
                ("text", Utf8("1. Soup with Ana\n")),
                ("html", Utf8("<p>1. Soup with Ana</p><div class=\"gmail_signature\"><img src=\"cid:ii_logo\"></div>")),
                ("attachments", Utf8("4")),
                ("attachment-info", Utf8("""{"attachment1":{"filename":"logo.png","name":"logo.png","type":"image/png","content-id":"ii_logo"},"attachment2":{"filename":"IMG_0001.HEIC","name":"IMG_0001.HEIC","type":"application/octet-stream"},"attachment3":{"filename":"invoice.pdf","name":"invoice.pdf","type":"application/pdf"},"attachment4":{"filename":"beach.jpg","name":"beach.jpg","type":"image/jpeg"}}""")),
                ("content-ids", Utf8("""{"ii_logo":"attachment1"}""")),
            ],
            [
                ("attachment4", "beach.jpg", "image/jpeg", beach),
                ("attachment1", "logo.png", "image/png", new byte[3_000]),
                ("attachment2", "IMG_0001.HEIC", "application/octet-stream", new byte[40_000]),
                ("attachment3", "invoice.pdf", "application/pdf", new byte[5_000]),
            ]);

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.True(read, problem);
        Assert.Equal(
            [("logo.png", "image/png", "ii_logo", 3_000L), ("IMG_0001.HEIC", "application/octet-stream", null, 40_000L), ("beach.jpg", "image/jpeg", null, 50_000L)],
            mail!.Attachments.Select(a => (a.FileName, a.MediaType, a.ContentId, a.Length)));
        Assert.Equal(beach, mail.Attachments[2].Content.ToArray());
    }

    [Fact]
    public void TryRead_ParsedAttachmentWithoutAttachmentInfo_NameAndTypeFromTheFormFile()
    {
        var post = ParsedPostWithFiles([("text", Utf8("1. Soup\n"))], [("attachment1", "soup.webp", "image/webp", new byte[9_000])]);

        InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out _);

        var soup = Assert.Single(mail!.Attachments);
        Assert.Equal(("soup.webp", "image/webp", 9_000L), (soup.FileName, soup.MediaType, soup.Content.Length));
    }

    [Fact]
    public void TryRead_ParsedAttachmentOverTenMegabytes_MeasuredAndKeptWithoutItsBytes()
    {
        var post = ParsedPostWithFiles([("text", Utf8("1. Soup\n"))], [("attachment1", "huge.jpg", "image/jpeg", new byte[11 * 1024 * 1024])]);

        InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out _);

        var huge = Assert.Single(mail!.Attachments);
        Assert.Equal(11 * 1024 * 1024, huge.Length);
        Assert.True(huge.Content.IsEmpty);
    }

    [Fact]
    public void TryRead_RawMultipartAlternative_TextPartAsTextAndHtmlPartAsHtml()
    {
        var body = new MultipartAlternative
        {
            new TextPart("plain") { Text = "1. Coffee with Ana\n2. The sunset\n" },
            new TextPart("html") { Text = "<p>1. Coffee with <b>Ana</b></p><p>2. The sunset</p>\n" },
        };
        var post = RawPost(Message(body));

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.True(read, problem);
        Assert.Equal("1. Coffee with Ana\n2. The sunset\n", mail!.Text);
        Assert.Equal("<p>1. Coffee with <b>Ana</b></p><p>2. The sunset</p>\n", mail.Html);
    }

    [Fact]
    public void TryRead_RawFormatFlowed_SoftBreaksJoinedAndSignatureSeparatorKept()
    {
        var part = new TextPart("plain") { Text = "1. Coffee with Ana and the long walk we took along the canal before \nthe rain\n2. Sam\n-- \nDaniel\n" };
        part.ContentType.Parameters.Add("format", "flowed");
        var post = RawPost(Message(part));

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.True(read, problem);
        Assert.Equal("1. Coffee with Ana and the long walk we took along the canal before the rain\n2. Sam\n-- \nDaniel", mail!.Text!.ReplaceLineEndings("\n").TrimEnd('\n'));
    }

    [Fact]
    public void TryRead_RawFormatFlowedDelSp_SpaceBeforeTheSoftBreakDeleted()
    {
        var part = new TextPart("plain") { Text = "1. ありがとう、お \n母さん\n2. Sam\n" };
        part.ContentType.Parameters.Add("format", "flowed");
        part.ContentType.Parameters.Add("delsp", "yes");
        var post = RawPost(Message(part));

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.True(read, problem);
        Assert.Equal("1. ありがとう、お母さん\n2. Sam", mail!.Text!.ReplaceLineEndings("\n").TrimEnd('\n'));
    }

    [Theory]
    [InlineData("windows-1252", "1. \u201CTea\u201D with Ana \u2013 lovely")]
    [InlineData("iso-2022-jp", "1. 母とお茶")]
    public void TryReadMessage_EmlInALegacyCharset_TextAsWritten(string charset, string text)
    {
        var part = new TextPart("plain");
        part.SetText(charset, text);
        using var eml = new MemoryStream();
        Message(part).WriteTo(eml);
        eml.Position = 0;

        var read = InboundParseReader.TryReadMessage(eml, out var mail, out var problem);

        Assert.True(read, problem);
        Assert.Equal(text, mail!.Text!.TrimEnd('\n', '\r'));
        Assert.Equal("reply-1@mail.example.com", mail.MessageId);
    }

    [Fact]
    public void TryReadMessage_NotAMessage_FalseWithMalformedMime()
    {
        using var eml = new MemoryStream([0x00, 0x01, 0x02]);

        var read = InboundParseReader.TryReadMessage(eml, out var mail, out var problem);

        Assert.False(read);
        Assert.Null(mail);
        Assert.Equal("malformed-mime", problem);
    }

    [Fact]
    public void TryRead_RawHtmlOnly_HtmlAndNoText()
    {
        var post = RawPost(Message(new TextPart("html") { Text = "<div>1. Coffee with Ana</div>\n" }));

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.True(read, problem);
        Assert.Null(mail!.Text);
        Assert.Equal("<div>1. Coffee with Ana</div>\n", mail.Html);
    }

    [Theory]
    [InlineData(ContentEncoding.QuotedPrintable)]
    [InlineData(ContentEncoding.Base64)]
    public void TryRead_RawTransferEncodedBody_TextDecoded(ContentEncoding encoding)
    {
        // Long enough to need soft line breaks, with '=' and non-ASCII so every escape is exercised.
        var text = "1. Grüße from Zoë = the best neighbour; she brought soup when I was ill and stayed to talk for an hour\n2. café au lait ☕ with ありがとう written on the cup";
        var part = new TextPart("plain") { ContentTransferEncoding = encoding };
        part.SetText("utf-8", text);
        var post = RawPost(Message(part));

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.True(read, problem);
        Assert.Equal(text, mail!.Text);
    }

    [Theory]
    [InlineData("utf-8", ContentEncoding.EightBit, "Grüße, café, ありがとう\n")]
    [InlineData("utf-8", ContentEncoding.Base64, "Grüße, café, ありがとう\n")]
    [InlineData("iso-8859-1", ContentEncoding.EightBit, "Grüße, café, à bientôt\n")]
    [InlineData("iso-8859-1", ContentEncoding.QuotedPrintable, "Grüße, café, à bientôt\n")]
    [InlineData("windows-1252", ContentEncoding.EightBit, "Grüße, café — “thanks” for the €5\n")]
    [InlineData("windows-1252", ContentEncoding.QuotedPrintable, "Grüße, café — “thanks” for the €5\n")]
    [InlineData("iso-2022-jp", ContentEncoding.SevenBit, "ありがとう、今日はいい天気でした\n")]
    [InlineData("iso-2022-jp", ContentEncoding.Base64, "ありがとう、今日はいい天気でした\n")]
    public void TryRead_RawBodyInCharset_TextEqualsTheOriginalString(string charset, ContentEncoding encoding, string text)
    {
        var part = new TextPart("plain") { ContentTransferEncoding = encoding };
        part.SetText(charset, text);
        var post = RawPost(Message(part));

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.True(read, problem);
        Assert.Equal(text, mail!.Text);
    }

    [Fact]
    public void TryRead_RawEncodedWordSubject_SubjectDecoded()
    {
        var message = Message(new TextPart("plain") { Text = "1. Coffee" }, subject: "Re: Danke — Grüße, ありがとう");
        var post = RawPost(message);

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.True(read, problem);
        Assert.Equal("Re: Danke — Grüße, ありがとう", mail!.Subject);
    }

    [Theory]
    [InlineData("<abc123@mail.example.com>")]
    [InlineData("abc123@mail.example.com")]
    [InlineData("  <abc123@mail.example.com>  ")]
    public void TryRead_RawMessageIdWithOrWithoutBrackets_IdWithoutBrackets(string header)
    {
        var message = Message(new TextPart("plain") { Text = "1. Coffee" });
        message.Headers.Replace(HeaderId.MessageId, header);
        var post = RawPost(message);

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.True(read, problem);
        Assert.Equal("abc123@mail.example.com", mail!.MessageId);
    }

    [Fact]
    public void TryRead_RawReplyInAThread_ReferencesTheParentFirstThenTheThreadNewestFirst()
    {
        var message = Message(new TextPart("plain") { Text = "UNDO" });
        message.Headers.Replace(HeaderId.InReplyTo, "<receipt-2@compersion.example>");
        message.Headers.Replace(HeaderId.References, "<prompt-1@compersion.example> <reply-1@mail.example.com> <receipt-2@compersion.example>");
        var post = RawPost(message);

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.True(read, problem);
        Assert.Equal(["receipt-2@compersion.example", "reply-1@mail.example.com", "prompt-1@compersion.example"], mail!.References);
    }

    [Fact]
    public void TryRead_ParsedReplyInAThread_ReferencesFromTheHeadersField()
    {
        var post = ParsedPost(("text", Utf8("UNDO")), ("headers", Utf8("From: Jo <jo@example.com>\nIn-Reply-To: <receipt-2@compersion.example>\nReferences: <reply-1@mail.example.com>\n <receipt-2@compersion.example>\n")));

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.True(read, problem);
        Assert.Equal(["receipt-2@compersion.example", "reply-1@mail.example.com"], mail!.References);
    }

    [Fact]
    public void TryRead_RawWithoutMessageId_NullMessageId()
    {
        var message = Message(new TextPart("plain") { Text = "1. Coffee" });
        message.Headers.Remove(HeaderId.MessageId);
        var post = RawPost(message);

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.True(read, problem);
        Assert.Null(mail!.MessageId);
    }

    [Fact]
    public void TryRead_RawEnvelopeNamesOtherRecipients_EnvelopeToFromTheEnvelopeNotTheToHeader()
    {
        var message = Message(new TextPart("plain") { Text = "1. Coffee" });
        message.To.Clear();
        message.To.Add(MailboxAddress.Parse("friend@example.org"));
        var envelope = $$"""{"to":["{{ReplyAddress}}","other@reply.compersion.example"],"from":"bounces@example.com"}""";
        var post = RawPost(message, envelope: envelope);

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.True(read, problem);
        Assert.Equal([ReplyAddress, "other@reply.compersion.example"], mail!.EnvelopeTo);
        Assert.Equal(Sender, mail.From);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not json {")]
    [InlineData("""{"to":"not-an-array"}""")]
    public void TryRead_RawWithoutUsableEnvelope_RecipientsFromTheToHeader(string? envelope)
    {
        var post = RawPost(Message(new TextPart("plain") { Text = "1. Coffee" }), envelope: envelope ?? string.Empty);

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.True(read, problem);
        Assert.Equal([ReplyAddress], mail!.EnvelopeTo);
    }

    [Theory]
    [InlineData("pass", true)]
    [InlineData("Pass", true)]
    [InlineData(" pass\r\n", true)]
    [InlineData("fail", false)]
    [InlineData("softfail", false)]
    [InlineData("neutral", false)]
    [InlineData("none", false)]
    [InlineData("", false)]
    public void TryRead_SpfField_SpfPassOnlyForPass(string spf, bool expected)
    {
        var post = RawPost(Message(new TextPart("plain") { Text = "1. Coffee" }), spf: spf, dkim: string.Empty);

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.True(read, problem);
        Assert.Equal(expected, mail!.SpfPass);
        Assert.False(mail.DkimPass);
    }

    [Theory]
    [InlineData("jo@example.com", true)]
    [InlineData("Bounces+123@EXAMPLE.com", true)]
    [InlineData("mallory@evil.example", false)]
    [InlineData("bounces@mail.example.com", false)]
    [InlineData("jo@example.com.evil.example", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void TryRead_RawSpfPass_CountsOnlyWhenTheEnvelopeSenderIsInTheFromDomain(string? envelopeFrom, bool expected)
    {
        var envelope = envelopeFrom is null ? $$"""{"to":["{{ReplyAddress}}"]}""" : $$"""{"to":["{{ReplyAddress}}"],"from":"{{envelopeFrom}}"}""";
        var post = RawPost(Message(new TextPart("plain") { Text = "1. Coffee" }), spf: "pass", dkim: string.Empty, envelope: envelope);

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.True(read, problem);
        Assert.Equal(Sender, mail!.From);
        Assert.Equal(expected, mail.SpfPass);
    }

    [Theory]
    [InlineData("jo@example.com", true)]
    [InlineData("mallory@evil.example", false)]
    public void TryRead_ParsedSpfPass_CountsOnlyWhenTheEnvelopeSenderIsInTheFromDomain(string envelopeFrom, bool expected)
    {
        var post = ParsedPost(("text", Utf8("1. Coffee")), ("SPF", Utf8("pass")), ("envelope", Utf8($$"""{"to":["{{ReplyAddress}}"],"from":"{{envelopeFrom}}"}""")));

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.True(read, problem);
        Assert.Equal(Sender, mail!.From);
        Assert.Equal(expected, mail.SpfPass);
    }

    [Theory]
    [InlineData("{@example.com : pass}", true)]
    [InlineData("{@EXAMPLE.com : PASS}", true)]
    [InlineData("{@sendgrid.net : pass, @example.com : pass}", true)]
    [InlineData("{@other.example : pass}", false)]
    [InlineData("{@example.com : fail}", false)]
    [InlineData("{@example.com : fail, @other.example : pass}", false)]
    [InlineData("{@mail.example.com : pass}", false)]
    [InlineData("{@example.com.evil.example : pass}", false)]
    [InlineData("{@evil-example.com : pass}", false)]
    [InlineData("none", false)]
    [InlineData("", false)]
    public void TryRead_DkimField_PassCountsOnlyForTheFromDomain(string dkim, bool expected)
    {
        var post = RawPost(Message(new TextPart("plain") { Text = "1. Coffee" }), spf: "fail", dkim: dkim);

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.True(read, problem);
        Assert.Equal(expected, mail!.DkimPass);
        Assert.False(mail.SpfPass);
    }

    [Theory]
    [MemberData(nameof(UnparseableMessages))]
    public void TryRead_RawEmailWithoutParseableHeaders_FalseWithMalformedMime(string file)
    {
        var post = Post(("email", Sample("unparseable", file)), ("envelope", Utf8(Envelope)), ("SPF", Utf8("pass")));

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.False(read);
        Assert.Null(mail);
        Assert.Equal("malformed-mime", problem);
    }

    [Theory]
    [MemberData(nameof(UndecodableMessages))]
    public void TryRead_RawEmailWithATextPartThatIsNotTheBase64ItClaims_FalseWithUndecodableTextPart(string file)
    {
        var post = Post(("email", Sample("undecodable", file)), ("envelope", Utf8(Envelope)), ("SPF", Utf8("pass")));

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.False(read);
        Assert.Null(mail);
        Assert.Equal("undecodable-text-part", problem);
    }

    [Fact]
    public void TryRead_RawEmailWithValidBase64TextPart_ReadsTheText()
    {
        var raw = "From: ana@example.com\r\nTo: reply@inbound.example\r\nSubject: Re: today\r\nMessage-ID: <good-base64@example.com>\r\n" +
                  "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
                  Convert.ToBase64String(Encoding.UTF8.GetBytes("1. Coffee with Ana")) + "\r\n";
        var post = Post(("email", Utf8(raw)), ("envelope", Utf8(Envelope)), ("SPF", Utf8("pass")));

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.True(read, problem);
        Assert.Equal("1. Coffee with Ana", mail!.Text?.Trim());
    }

    [Fact]
    public void TryRead_RawEmailFieldEmpty_FalseWithMalformedMime()
    {
        var post = Post(("email", []), ("envelope", Utf8(Envelope)));

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.False(read);
        Assert.Null(mail);
        Assert.Equal("malformed-mime", problem);
    }

    /// <summary>
    /// MimeKit recovers from damaged structure (a multipart without its boundary, a truncated part, bad
    /// quoted-printable, an unknown charset): the reader returns the mail with whatever headers and text
    /// MimeKit kept, so ingestion can still attribute it (or quarantine it) rather than fail. Bad base64 in a
    /// text part is the exception (TestData/inbound/undecodable): its "text" would be bytes that were never text.
    /// </summary>
    [Theory]
    [MemberData(nameof(DamagedMessages))]
    public void TryRead_RawEmailWithDamagedBody_MailWithTheHeadersMimeKitRecovered(string file)
    {
        var post = Post(("email", Sample("damaged", file)), ("envelope", Utf8(Envelope)), ("SPF", Utf8("pass")));

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.True(read, problem);
        Assert.Equal(Sender, mail!.From);
        Assert.Equal("Damaged", mail.Subject);
        Assert.Equal([ReplyAddress], mail.EnvelopeTo);
        Assert.True(mail.SpfPass);
    }

    [Theory]
    [InlineData("mbox-from-line.eml")]
    [InlineData("truncated-multipart.eml")]
    [InlineData("unknown-charset.eml")]
    public void TryRead_RawEmailWithDamagedBodyButIntactTextPart_TextRecovered(string file)
    {
        var post = Post(("email", Sample("damaged", file)), ("envelope", Utf8(Envelope)));

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.True(read, problem);
        Assert.Equal("1. Coffee with Ana", mail!.Text?.TrimEnd());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("application/json")]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("multipart/mixed; boundary=abc")]
    [InlineData("multipart/form-data")]
    [InlineData("not a content type at all ;;;")]
    public void TryRead_NotMultipartFormData_FalseWithReason(string? contentType)
    {
        var post = RawPost(Message(new TextPart("plain") { Text = "1. Coffee" }));

        var read = InboundParseReader.TryRead(post.Open(), contentType, out var mail, out var problem);

        Assert.False(read);
        Assert.Null(mail);
        Assert.Equal("not-multipart-form-data", problem);
    }

    [Fact]
    public void TryRead_EmptyPost_FalseWithReason()
    {
        var read = InboundParseReader.TryRead(new MemoryStream(), "multipart/form-data; boundary=abc", out var mail, out var problem);

        Assert.False(read);
        Assert.Null(mail);
        Assert.False(string.IsNullOrEmpty(problem));
    }

    [Fact]
    public void TryRead_FormWithoutMailFields_FalseWithNoMailFields()
    {
        var post = Post(("envelope", Utf8(Envelope)), ("SPF", Utf8("pass")));

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.False(read);
        Assert.Null(mail);
        Assert.Equal("no-mail-fields", problem);
    }

    [Fact]
    public void TryRead_BodyIsNotTheDeclaredForm_False()
    {
        var read = InboundParseReader.TryRead(new MemoryStream(Utf8("just some text, no boundary anywhere")), "multipart/form-data; boundary=abc", out var mail, out var problem);

        Assert.False(read);
        Assert.Null(mail);
        Assert.False(string.IsNullOrEmpty(problem));
    }

    [Theory]
    [InlineData("windows-1252", "1. Grüße, café — “thanks” for the €5")]
    [InlineData("iso-8859-1", "1. Grüße, café, à bientôt")]
    [InlineData("iso-2022-jp", "1. ありがとう、今日はいい天気でした")]
    [InlineData("utf-8", "1. Grüße, café, ありがとう")]
    public void TryRead_ParsedTextInNamedCharset_DecodedWithIt(string charset, string text)
    {
        var encoding = Encoding.GetEncoding(charset);
        var post = ParsedPost(
            ("text", encoding.GetBytes(text)),
            ("html", encoding.GetBytes("<p>" + text + "</p>")),
            ("subject", encoding.GetBytes("Re: " + text)),
            ("charsets", Utf8($$"""{"to":"UTF-8","html":"{{charset}}","subject":"{{charset}}","from":"UTF-8","text":"{{charset}}"}""")));

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.True(read, problem);
        Assert.Equal(text, mail!.Text);
        Assert.Equal("<p>" + text + "</p>", mail.Html);
        Assert.Equal("Re: " + text, mail.Subject);
    }

    [Fact]
    public void TryRead_ParsedWithoutCharsets_Utf8()
    {
        var post = ParsedPost(("text", Utf8("1. Grüße, café, ありがとう")));

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.True(read, problem);
        Assert.Equal("1. Grüße, café, ありがとう", mail!.Text);
    }

    [Theory]
    [InlineData("""{"text":"x-klingon"}""")]
    [InlineData("""{"text":"utf-7"}""")]
    [InlineData("""{"text":"   "}""")]
    [InlineData("""{"text":"iso 8859 1 please"}""")]
    [InlineData("""{"text":42}""")]
    [InlineData("""["text","windows-1252"]""")]
    [InlineData("not json at all")]
    public void TryRead_ParsedCharsetUnknownOrUnreadable_Utf8WithoutThrowing(string charsets)
    {
        var post = ParsedPost(("text", Utf8("1. Grüße, café, ありがとう")), ("charsets", Utf8(charsets)));

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.True(read, problem);
        Assert.Equal("1. Grüße, café, ありがとう", mail!.Text);
    }

    [Theory]
    [InlineData("Received: from mail.example.com by mx.sendgrid.net\nMessage-ID: <abc123@mail.example.com>\nFrom: Jo <jo@example.com>\n")]
    [InlineData("Received: from mail.example.com by mx.sendgrid.net\r\nMessage-Id: <abc123@mail.example.com>\r\nFrom: Jo <jo@example.com>\r\n")]
    [InlineData("From: Jo <jo@example.com>\nMessage-ID:\n <abc123@mail.example.com>\nSubject: Re: hi\n")]
    [InlineData("Message-ID: abc123@mail.example.com")]
    public void TryRead_ParsedHeadersField_MessageIdReadFromIt(string headers)
    {
        var post = ParsedPost(("text", Utf8("1. Coffee")), ("headers", Utf8(headers)));

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.True(read, problem);
        Assert.Equal("abc123@mail.example.com", mail!.MessageId);
    }

    [Fact]
    public void TryRead_ParsedHeadersWithoutMessageId_NullMessageId()
    {
        var post = ParsedPost(("text", Utf8("1. Coffee")), ("headers", Utf8("From: Jo <jo@example.com>\nSubject: Re: hi\n")));

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.True(read, problem);
        Assert.Null(mail!.MessageId);
    }

    [Fact]
    public void TryRead_ParsedFromWithDisplayName_BareAddressEnvelopeSpfAndDkim()
    {
        var post = ParsedPost(("text", Utf8("1. Coffee")), ("SPF", Utf8("fail")), ("dkim", Utf8("{@example.com : pass}")));

        var read = InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out var problem);

        Assert.True(read, problem);
        Assert.Equal(Sender, mail!.From);
        Assert.Equal([ReplyAddress], mail.EnvelopeTo);
        Assert.False(mail.SpfPass);
        Assert.True(mail.DkimPass);
    }

    [Fact]
    public void TryRead_RawSameMailPostedTwice_SameContentHash()
    {
        var message = Message(new TextPart("plain") { Text = "1. Coffee with Ana" });
        var first = RawPost(message, spf: "pass");
        var second = RawPost(message, spf: "softfail");

        InboundParseReader.TryRead(first.Open(), first.ContentType, out var one, out _);
        InboundParseReader.TryRead(second.Open(), second.ContentType, out var two, out _);

        Assert.NotEqual(first.ContentType, second.ContentType);
        Assert.Equal(one!.ContentHash, two!.ContentHash);
    }

    [Fact]
    public void TryRead_RawDifferentMail_DifferentContentHash()
    {
        var message = Message(new TextPart("plain") { Text = "1. Coffee with Ana" });
        message.Headers.Remove(HeaderId.MessageId);
        var other = Message(new TextPart("plain") { Text = "1. Coffee with Ben" });
        other.Headers.Remove(HeaderId.MessageId);
        var first = RawPost(message);
        var second = RawPost(other);

        InboundParseReader.TryRead(first.Open(), first.ContentType, out var one, out _);
        InboundParseReader.TryRead(second.Open(), second.ContentType, out var two, out _);

        Assert.NotEqual(one!.ContentHash, two!.ContentHash);
    }

    [Fact]
    public void TryRead_ParsedSameMailPostedTwice_SameContentHash()
    {
        var first = ParsedPost(("text", Utf8("1. Coffee with Ana")), ("SPF", Utf8("pass")));
        var second = ParsedPost(("text", Utf8("1. Coffee with Ana")), ("SPF", Utf8("none")));

        InboundParseReader.TryRead(first.Open(), first.ContentType, out var one, out _);
        InboundParseReader.TryRead(second.Open(), second.ContentType, out var two, out _);

        Assert.Equal(one!.ContentHash, two!.ContentHash);
    }

    [Theory]
    [InlineData("text", "1. Coffee with Ben")]
    [InlineData("html", "<p>1. Coffee with Ana</p>")]
    [InlineData("subject", "Re: something else")]
    [InlineData("from", "Sam <sam@example.com>")]
    public void TryRead_ParsedMailDifferingInOneField_DifferentContentHash(string field, string value)
    {
        var first = ParsedPost(("text", Utf8("1. Coffee with Ana")), ("subject", Utf8("Re: hi")));
        var fields = new Dictionary<string, byte[]> { ["text"] = Utf8("1. Coffee with Ana"), ["subject"] = Utf8("Re: hi"), [field] = Utf8(value) };
        var second = ParsedPost([.. fields.Select(f => (f.Key, f.Value))]);

        InboundParseReader.TryRead(first.Open(), first.ContentType, out var one, out _);
        InboundParseReader.TryRead(second.Open(), second.ContentType, out var two, out _);

        Assert.NotEqual(one!.ContentHash, two!.ContentHash);
    }

    [Fact]
    public void TryRead_RawPost_ContentHashIsTheSha256OfTheMessageAsPosted()
    {
        var message = Message(new TextPart("plain") { Text = "1. Coffee with Ana" });
        using var bytes = new MemoryStream();
        message.WriteTo(bytes);
        var post = RawPost(message);

        InboundParseReader.TryRead(post.Open(), post.ContentType, out var mail, out _);

        // Posts archived before ingestion streamed were keyed by this hash; a replay must find the same key.
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes.ToArray())), mail!.ContentHash);
    }

    [Fact]
    public void TryRead_RawReplyWithAPhotoReadAsTheArchiveStreamsIt_TextAndHtmlOfTheReply()
    {
        var text = new TextPart("plain") { Text = "1. Coffee with Ana\n2. The sunset\n", ContentTransferEncoding = ContentEncoding.Base64 };
        var html = new TextPart("html") { Text = "<p>1. Coffee with Ana</p><p>2. The sunset</p>" };
        var photo = new MimePart("image", "jpeg")
        {
            Content = new MimeContent(new MemoryStream(System.Security.Cryptography.RandomNumberGenerator.GetBytes(2 * 1024 * 1024))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = "photo.jpg",
        };
        var post = RawPost(Message(new Multipart("mixed") { new MultipartAlternative { text, html }, photo }));

        var read = InboundParseReader.TryRead(new ForwardOnlyStream(post.Open()), post.ContentType, out var mail, out var problem);

        Assert.True(read, problem);
        Assert.Equal("1. Coffee with Ana\n2. The sunset\n", mail!.Text);
        Assert.Equal("<p>1. Coffee with Ana</p><p>2. The sunset</p>", mail.Html);
    }

    private static MimeMessage Message(MimeEntity body, string subject = "Re: Five good things")
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Jo", Sender));
        message.To.Add(MailboxAddress.Parse(ReplyAddress));
        message.Subject = subject;
        message.MessageId = "reply-1@mail.example.com";
        message.Body = body;
        return message;
    }

    /// <summary>A raw-mode post: the message's bytes in <c>email</c>, as SendGrid sends them.</summary>
    private static FormPost RawPost(MimeMessage message, string spf = "pass", string? dkim = null, string? envelope = null)
    {
        using var bytes = new MemoryStream();
        message.WriteTo(bytes);
        var fields = new List<(string, byte[])>
        {
            ("headers", Utf8(message.Headers.ToString() ?? string.Empty)),
            ("dkim", Utf8(dkim ?? "{@example.com : pass}")),
            ("email", bytes.ToArray()),
            ("to", Utf8(ReplyAddress)),
            ("from", Utf8("Jo <" + Sender + ">")),
            ("subject", Utf8(message.Subject ?? string.Empty)),
            ("SPF", Utf8(spf)),
            ("charsets", Utf8("""{"to":"UTF-8","from":"UTF-8","subject":"UTF-8"}""")),
        };
        if (envelope is not "")
        {
            fields.Add(("envelope", Utf8(envelope ?? Envelope)));
        }

        return Post([.. fields]);
    }

    /// <summary>A parsed-mode post: SendGrid's fields, each overridable, with the given ones replacing the defaults.</summary>
    private static FormPost ParsedPost(params (string Name, byte[] Value)[] fields) => Post([.. ParsedFields(fields)]);

    /// <summary>A parsed-mode post with form files, as SendGrid posts attachments: a part named <c>attachmentN</c> with its file name and type.</summary>
    private static FormPost ParsedPostWithFiles((string Name, byte[] Value)[] fields, (string Name, string FileName, string Type, byte[] Content)[] files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in ParsedFields(fields))
        {
            var content = new ByteArrayContent(value);
            form.Add(content, name);
            content.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = $"\"{name}\"" };
        }

        foreach (var (name, fileName, type, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(content, name, fileName);
        }

        using var stream = new MemoryStream();
        form.CopyTo(stream, null, CancellationToken.None);
        return new FormPost(stream.ToArray(), form.Headers.ContentType!.ToString());
    }

    private static IEnumerable<(string Name, byte[] Value)> ParsedFields((string Name, byte[] Value)[] fields)
    {
        var all = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["from"] = Utf8("Jo <" + Sender + ">"),
            ["to"] = Utf8(ReplyAddress),
            ["envelope"] = Utf8(Envelope),
            ["SPF"] = Utf8("pass"),
            ["sender_ip"] = Utf8("192.0.2.10"),
        };
        foreach (var (name, value) in fields)
        {
            all[name] = value;
        }

        return all.Select(f => (f.Key, f.Value));
    }

    /// <summary>Real multipart/form-data bytes, serialised by <see cref="MultipartFormDataContent"/>, and their Content-Type.</summary>
    private static FormPost Post(params (string Name, byte[] Value)[] fields)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            var content = new ByteArrayContent(value);
            form.Add(content, name);
            content.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = $"\"{name}\"" };
        }

        using var stream = new MemoryStream();
        form.CopyTo(stream, null, CancellationToken.None);
        return new FormPost(stream.ToArray(), form.Headers.ContentType!.ToString());
    }

    private static byte[] Utf8(string value) => Encoding.UTF8.GetBytes(value);

    private static byte[] Sample(string folder, string file) => File.ReadAllBytes(Path.Combine(SampleRoot, folder, file));

    private static TheoryData<string> Files(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(SampleRoot, folder), "*.eml").Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            data.Add(file!);
        }

        return data;
    }

    /// <summary>A stream that reads forward only, as a blob download does.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed record FormPost(byte[] Body, string ContentType)
    {
        public MemoryStream Open() => new(Body, writable: false);
    }
}
