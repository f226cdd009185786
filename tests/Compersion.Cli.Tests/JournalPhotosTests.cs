using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Compersion.Cli.Inbox;
using Compersion.Core.Subscribers;
using ImageMagick;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Compersion.Cli.Tests;

/// <summary>Photos from replies through serve: kept at ingestion, shown on the day page, served only through the journal link, exported in the zip, deleted.</summary>
public sealed partial class JournalPhotosTests
{
    [Fact]
    public async Task Reply_TwoPhotosAndASignatureLogo_TwoThumbnailsOnlyThroughTheLinkInTheZipAndGoneWithDelete()
    {
        await using var opened = await OpenedJournal.OpenAsync("pia@example.com");
        var (local, prompt, web, _) = opened;
        await local.PostInboundAsync(InboundParsePost.Raw(SignedReplyWithPhotos(prompt, "logo@acme", ("lunch.jpg", 1600, 1200), ("sam.jpg", 1200, 1600))));
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var dayUrl = opened.DayUrl;

        var (_, day) = await web.GetAsync(dayUrl);
        var thumbnails = Thumbnails(day);
        using var thumbnail = await web.Http.GetAsync(thumbnails[0]);
        var bytes = await thumbnail.Content.ReadAsByteArrayAsync();
        using var withoutToken = await web.Http.GetAsync(Regex.Replace(thumbnails[0], "token=[^&]+", "token="));
        using var withSettingsToken = await web.Http.GetAsync(Regex.Replace(thumbnails[0], "token=[^&]+", "token=" + Uri.EscapeDataString(Token(Outbox.Link(prompt, "/api/settings")))));
        using var otherId = await web.Http.GetAsync(Regex.Replace(thumbnails[0], "id=[0-9a-f]+", "id=" + new string('0', 20)));
        using var pathId = await web.Http.GetAsync(Regex.Replace(thumbnails[0], "id=[0-9a-f]+", "id=..%2F..%2Finbound-raw"));
        var receipt = Assert.Single(Outbox.Read(local.Outbox, "receipt"));

        Assert.Equal(2, thumbnails.Count);
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType?.MediaType);
        Assert.Equal(MagickFormat.Jpeg, new MagickImageInfo(bytes).Format);
        Assert.Equal(512u, Math.Max(new MagickImageInfo(bytes).Width, new MagickImageInfo(bytes).Height));
        Assert.Equal(HttpStatusCode.Forbidden, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withSettingsToken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherId.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, pathId.StatusCode);
        Assert.Contains("1 gratitude and 2 photos", receipt.TextBody, StringComparison.Ordinal);

        var settings = Outbox.Link(prompt, "/api/settings");
        using var zipResponse = await web.Http.GetAsync(settings.Replace("/api/settings?", "/api/settings/export?format=zip&", StringComparison.Ordinal));
        using var zip = new ZipArchive(new MemoryStream(await zipResponse.Content.ReadAsByteArrayAsync()));
        var photos = zip.Entries.Where(e => e.FullName.StartsWith("photos/2026-11-25/", StringComparison.Ordinal)).ToList();

        Assert.Equal(HttpStatusCode.OK, zipResponse.StatusCode);
        Assert.Contains(zip.Entries, e => e.FullName == "compersion-journal.json");
        Assert.Contains(zip.Entries, e => e.FullName == "compersion-journal.md");
        Assert.Equal(2, photos.Count);
        Assert.All(photos, p => Assert.EndsWith(".jpg", p.FullName, StringComparison.Ordinal));

        var deletePhoto = await web.PostAsync(
            "/api/journal/day",
            ("token", WebClient.Field(day, "token")),
            ("form_token", WebClient.Field(day, "form_token")),
            ("date", "2026-11-25"),
            ("photo", Regex.Match(thumbnails[0], "id=([0-9a-f]+)").Groups[1].Value),
            ("action", "delete-photo"));
        var (_, after) = await web.GetAsync(deletePhoto.Headers.Location!.OriginalString);
        using var deletedThumbnail = await web.Http.GetAsync(thumbnails[0]);

        Assert.Equal(HttpStatusCode.SeeOther, deletePhoto.StatusCode);
        Assert.Equal([thumbnails[1]], Thumbnails(after));
        Assert.Contains("Deleted the photo.", WebUtility.HtmlDecode(after), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, deletedThumbnail.StatusCode);

        var subscriber = await local.Host.Services.GetRequiredService<ISubscriberStore>().FindByEmailAsync("pia@example.com");
        var (_, confirm) = await web.GetAsync(settings.Replace("/api/settings?", "/api/settings/delete?", StringComparison.Ordinal));
        await web.PostAsync("/api/settings/delete", ("token", WebClient.Field(confirm, "token")), ("form_token", WebClient.Field(confirm, "form_token")));

        Assert.Empty(await StorageTraces.FindAsync(local.Azurite.ConnectionString, subscriber!.Id, "pia@example.com"));
        Assert.Empty(await BlobsAsync(local, "photos"));
    }

    [Fact]
    public async Task ParsedModeReply_APhotoAndASignatureLogo_ThePhotoKeptTheLogoNotAndEXPORTMailsIt()
    {
        await using var opened = await OpenedJournal.OpenAsync("pia@example.com");
        var (local, prompt, _, _) = opened;
        var reply = SignedReplyWithPhotos(prompt, "ii_logo", ("lunch.jpg", 1600, 1200));

        await local.PostInboundAsync(ParsedForm(reply));
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var journal = Outbox.Link(prompt, "/api/journal");
        using var web = new WebClient(local.Host.BaseUrl);
        var (_, day) = await web.GetAsync(journal.Replace("/api/journal?", "/api/journal/day?", StringComparison.Ordinal) + "&date=2026-11-25");
        var thumbnail = Assert.Single(Thumbnails(day));
        using var photo = await web.Http.GetAsync(thumbnail.Replace("size=thumb", "size=download", StringComparison.Ordinal));
        var receipt = Assert.Single(Outbox.Read(local.Outbox, "receipt"));

        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal(1600u, new MagickImageInfo(await photo.Content.ReadAsByteArrayAsync()).Width);
        Assert.Contains("1 gratitude and 1 photo", receipt.TextBody, StringComparison.Ordinal);

        await local.PostInboundAsync(InboundParsePost.Raw(InboundParsePost.Reply(prompt, "EXPORT")));
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var export = Assert.Single(Outbox.Read(local.Outbox, "export"));
        var files = export.Attachments.OfType<MimePart>().ToList();
        var photoId = Regex.Match(thumbnail, "id=([0-9a-f]+)").Groups[1].Value;
        var mailed = Assert.Single(files, file => file.FileName == $"2026-11-25-{photoId}.jpg");
        using var mailedBytes = new MemoryStream();
        await mailed.Content!.DecodeToAsync(mailedBytes);

        Assert.Equal(["2026-11-25-" + photoId + ".jpg", "compersion-journal.json", "compersion-journal.md"], files.Select(f => f.FileName).Order(StringComparer.Ordinal));
        Assert.Equal("image/jpeg", mailed.ContentType.MimeType);
        Assert.Equal(1600u, new MagickImageInfo(mailedBytes.ToArray()).Width);
        Assert.Contains("Your photo is attached too", export.TextBody, StringComparison.Ordinal);
    }

    /// <summary>
    /// The bad attachments of issue 14 in one real MIME reply through the webhook, beside another subscriber's photo: a photo
    /// named with a path, an 11 MB "photo" (the most SendGrid's 30 MB can carry beyond our 10 MB; a 200 MB one never reaches
    /// us), a text file that claims to be a JPEG, and a JPEG declaring 65,000 × 65,000 pixels. Each refused one has its line
    /// in the receipt; the photo is kept under its id, shown by its last name segment; and Ada's link neither shows, serves
    /// nor deletes Ben's photo.
    /// </summary>
    [Fact]
    public async Task Reply_PathNamedOversizedFakeAndBombPhotos_OneKeptSafelyTheRestLinedInTheReceiptAndNoOneElsesPhotoReachable()
    {
        await using var opened = await OpenedJournal.OpenAsync("ada@example.com", other: ("ben@example.com", null));
        var (local, ada, web, _) = opened;
        var ben = opened.Other!;
        var benReply = InboundParsePost.Reply(ben, "1. Ben's bike ride");
        var benBody = new BodyBuilder { TextBody = "1. Ben's bike ride" };
        benBody.Attachments.Add("ben-bike.jpg", Picture(1600, 1200, MagickFormat.Jpeg), new ContentType("image", "jpeg"));
        benReply.Body = benBody.ToMessageBody();
        var benPosted = await local.PostInboundAsync(InboundParsePost.Raw(benReply));
        var reply = InboundParsePost.Reply(ada, "1. Soup with Sam");
        var body = new BodyBuilder { TextBody = "1. Soup with Sam" };
        body.Attachments.Add("x.jpg", Picture(1600, 1200, MagickFormat.Jpeg), new ContentType("image", "jpeg")).ContentDisposition!.FileName = "../../photos/..\\soup\u0007.jpg";
        body.Attachments.Add("holiday.jpg", RandomNumberGenerator.GetBytes(11 * 1024 * 1024), new ContentType("image", "jpeg"));
        body.Attachments.Add("notes.jpg", System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("not a photo at all\n", 1000))), new ContentType("image", "jpeg"));
        body.Attachments.Add("bomb.jpg", Bomb(), new ContentType("image", "jpeg"));
        reply.Body = body.ToMessageBody();
        var adaPosted = await local.PostInboundAsync(InboundParsePost.Raw(reply));
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var adaDayUrl = opened.DayUrl;
        var benDayUrl = OpenedJournal.DayUrlOf(ben);
        var (_, adaDay) = await web.GetAsync(adaDayUrl);
        var (_, benDay) = await web.GetAsync(benDayUrl);
        var benPhoto = Assert.Single(Thumbnails(benDay));
        var benPhotoId = Regex.Match(benPhoto, "id=([0-9a-f]+)").Groups[1].Value;
        var adaToken = Token(Outbox.Link(ada, "/api/journal"));
        var benToken = Token(Outbox.Link(ben, "/api/journal"));
        var adaOnBensPhoto = benPhoto.Replace("token=" + Uri.EscapeDataString(benToken), "token=" + Uri.EscapeDataString(adaToken), StringComparison.Ordinal);
        using var benPhotoByAda = await web.Http.GetAsync(adaOnBensPhoto);
        var middle = benToken.Length / 2;
        var tampered = benToken[..middle] + (benToken[middle] == 'A' ? 'B' : 'A') + benToken[(middle + 1)..];
        using var benPhotoTampered = await web.Http.GetAsync(benPhoto.Replace("token=" + Uri.EscapeDataString(benToken), "token=" + Uri.EscapeDataString(tampered), StringComparison.Ordinal));
        var deleteBens = await web.PostAsync(
            "/api/journal/day",
            ("token", WebClient.Field(adaDay, "token")),
            ("form_token", WebClient.Field(adaDay, "form_token")),
            ("date", "2026-11-25"),
            ("photo", benPhotoId),
            ("action", "delete-photo"));
        var (_, afterDelete) = await web.GetAsync(deleteBens.Headers.Location!.OriginalString);
        using var benPhotoAfter = await web.Http.GetAsync(benPhoto);
        var receipt = Outbox.Read(local.Outbox, "receipt").Single(m => m.To.Mailboxes.Single().Address == "ada@example.com");
        var blobs = await BlobsAsync(local, "photos");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (benPosted.StatusCode, adaPosted.StatusCode));
        Assert.Contains("1 gratitude and 1 photo", receipt.TextBody, StringComparison.Ordinal);
        Assert.Contains("holiday.jpg is larger than 10 MB, so it wasn't kept.", receipt.TextBody, StringComparison.Ordinal);
        Assert.Contains("notes.jpg isn't a photo we can read, so it wasn't kept.", receipt.TextBody, StringComparison.Ordinal);
        Assert.Contains("bomb.jpg is too large to show (over 50 megapixels), so it wasn't kept.", receipt.TextBody, StringComparison.Ordinal);
        Assert.Single(Thumbnails(adaDay));
        Assert.Contains("soup.jpg", WebUtility.HtmlDecode(adaDay), StringComparison.Ordinal);
        Assert.DoesNotContain("../", WebUtility.HtmlDecode(adaDay), StringComparison.Ordinal);
        Assert.DoesNotContain("Ben", adaDay, StringComparison.Ordinal);
        Assert.DoesNotContain("ben-bike", adaDay, StringComparison.Ordinal);
        Assert.Equal(4, blobs.Count(name => !name.Contains("/slot", StringComparison.Ordinal)));
        Assert.All(blobs, name => Assert.DoesNotMatch("soup|bike|holiday|notes|bomb|\\.\\.", name));
        Assert.Equal(HttpStatusCode.NotFound, benPhotoByAda.StatusCode);
        Assert.Equal("No such photo", WebClient.Heading(await benPhotoByAda.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, benPhotoTampered.StatusCode);
        Assert.Equal("This photo is private", WebClient.Heading(await benPhotoTampered.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.SeeOther, deleteBens.StatusCode);
        Assert.Contains("That photo isn't in this day of your journal", WebUtility.HtmlDecode(afterDelete), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, benPhotoAfter.StatusCode);
    }

    // Pia's reply "1. Lunch with Sam" as her mail program sends it: a signature with her company's logo inline (content id
    // logoId, a picture but no photo of hers) and the photos named attached as JPEGs, in that order.
    private static MimeMessage SignedReplyWithPhotos(MimeMessage prompt, string logoId, params (string Name, uint Width, uint Height)[] photos)
    {
        var reply = InboundParsePost.Reply(prompt, "1. Lunch with Sam");
        var body = new BodyBuilder
        {
            TextBody = "1. Lunch with Sam\n\n-- \nPia, ACME Ltd",
            HtmlBody = $"""<p>1. Lunch with Sam</p><div class="gmail_signature">Pia, ACME Ltd<br><img src="cid:{logoId}"></div>""",
        };
        body.LinkedResources.Add("logo.png", Picture(240, 80, MagickFormat.Png), new ContentType("image", "png")).ContentId = logoId;
        foreach (var (name, width, height) in photos)
        {
            body.Attachments.Add(name, Picture(width, height, MagickFormat.Jpeg), new ContentType("image", "jpeg"));
        }

        reply.Body = body.ToMessageBody();
        return reply;
    }

    // A real JPEG whose frame header declares 65,000 × 65,000 pixels: a decompression bomb if anyone decoded it.
    private static byte[] Bomb()
    {
        var bomb = Picture(300, 200, MagickFormat.Jpeg);
        var frame = Enumerable.Range(2, bomb.Length - 3).First(i => bomb[i] == 0xFF && bomb[i + 1] is 0xC0 or 0xC2);
        bomb[frame + 5] = 0xFD;
        bomb[frame + 6] = 0xE8;
        bomb[frame + 7] = 0xFD;
        bomb[frame + 8] = 0xE8;
        return bomb;
    }

    /// <summary>The post SendGrid Inbound Parse sends in its default (parsed) mode: the decoded bodies as fields, each
    /// attachment as a form file <c>attachmentN</c>, described in <c>attachment-info</c>, inline ones mapped in <c>content-ids</c>.</summary>
    private static MultipartFormDataContent ParsedForm(MimeMessage message)
    {
        var from = message.From.Mailboxes.Single().Address;
        var to = message.To.Mailboxes.Single().Address;
        var form = new MultipartFormDataContent();
        var files = message.BodyParts.OfType<MimePart>().Where(part => part is not TextPart).ToList();
        var info = new Dictionary<string, Dictionary<string, string>>();
        var contentIds = new Dictionary<string, string>();
        void Field(string name, string value)
        {
            var content = new StringContent(value);
            content.Headers.ContentType = null;
            form.Add(content, name);
        }

        Field("headers", message.Headers.ToString() ?? string.Empty);
        Field("text", message.TextBody ?? string.Empty);
        Field("html", message.HtmlBody ?? string.Empty);
        Field("from", message.From.ToString());
        Field("to", to);
        Field("subject", message.Subject ?? string.Empty);
        Field("envelope", $$"""{"to":["{{to}}"],"from":"{{from}}"}""");
        Field("SPF", "pass");
        Field("dkim", "{@example.com : pass}");
        Field("charsets", """{"to":"UTF-8","html":"UTF-8","subject":"UTF-8","from":"UTF-8","text":"UTF-8"}""");
        Field("attachments", files.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        for (var i = 0; i < files.Count; i++)
        {
            var name = "attachment" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            using var decoded = new MemoryStream();
            files[i].Content!.DecodeTo(decoded);
            var file = new ByteArrayContent(decoded.ToArray());
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(files[i].ContentType.MimeType);
            var fileName = files[i].FileName ?? name;
            form.Add(file, name, fileName);
            info[name] = new() { ["filename"] = fileName, ["name"] = fileName, ["type"] = files[i].ContentType.MimeType };
            if (files[i].ContentId is { } id)
            {
                info[name]["content-id"] = id;
                contentIds[id] = name;
            }
        }

        Field("attachment-info", System.Text.Json.JsonSerializer.Serialize(info));
        Field("content-ids", System.Text.Json.JsonSerializer.Serialize(contentIds));
        return form;
    }

    private static List<string> Thumbnails(string html) =>
        [.. ThumbnailPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    private static string Token(string link) => Uri.UnescapeDataString(Regex.Match(link, "token=([^&]+)").Groups[1].Value);

    private static byte[] Picture(uint width, uint height, MagickFormat format)
    {
        using var image = new MagickImage("plasma:", width, height);
        return image.ToByteArray(format);
    }

    private static async Task<List<string>> BlobsAsync(LocalHostFixture local, string container)
    {
        var names = new List<string>();
        var client = new Azure.Storage.Blobs.BlobContainerClient(local.Azurite.ConnectionString, container);
        if (await client.ExistsAsync())
        {
            await foreach (var blob in client.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, null, CancellationToken.None))
            {
                names.Add(blob.Name);
            }
        }

        return names;
    }

    [GeneratedRegex("<img src=\"(/api/journal/photo[^\"]+)\"")]
    private static partial Regex ThumbnailPattern();
}
