using System.IO.Compression;
using System.Net;
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
    private static readonly DateTimeOffset Evening = new(2026, 11, 25, 19, 0, 30, TimeSpan.Zero);

    [Fact]
    public async Task Reply_TwoPhotosAndASignatureLogo_TwoThumbnailsOnlyThroughTheLinkInTheZipAndGoneWithDelete()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = await local.PromptAsync("pia@example.com", Evening);
        var reply = InboundParsePost.Reply(prompt, "1. Lunch with Sam");
        var body = new BodyBuilder
        {
            TextBody = "1. Lunch with Sam\n\n-- \nPia, ACME Ltd",
            HtmlBody = """<p>1. Lunch with Sam</p><div class="gmail_signature">Pia, ACME Ltd<br><img src="cid:logo@acme"></div>""",
        };
        body.LinkedResources.Add("logo.png", Picture(240, 80, MagickFormat.Png), new ContentType("image", "png")).ContentId = "logo@acme";
        body.Attachments.Add("lunch.jpg", Picture(1600, 1200, MagickFormat.Jpeg), new ContentType("image", "jpeg"));
        body.Attachments.Add("sam.jpg", Picture(1200, 1600, MagickFormat.Jpeg), new ContentType("image", "jpeg"));
        reply.Body = body.ToMessageBody();
        await local.PostInboundAsync(InboundParsePost.Raw(reply));
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var journal = Outbox.Link(prompt, "/api/journal");
        var dayUrl = journal.Replace("/api/journal?", "/api/journal/day?", StringComparison.Ordinal) + "&date=2026-11-25";
        using var web = new WebClient(local.Host.BaseUrl);

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
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = await local.PromptAsync("pia@example.com", Evening);
        var reply = InboundParsePost.Reply(prompt, "1. Lunch with Sam");
        var body = new BodyBuilder
        {
            TextBody = "1. Lunch with Sam\n\n-- \nPia, ACME Ltd",
            HtmlBody = """<p>1. Lunch with Sam</p><div class="gmail_signature">Pia, ACME Ltd<br><img src="cid:ii_logo"></div>""",
        };
        body.LinkedResources.Add("logo.png", Picture(240, 80, MagickFormat.Png), new ContentType("image", "png")).ContentId = "ii_logo";
        body.Attachments.Add("lunch.jpg", Picture(1600, 1200, MagickFormat.Jpeg), new ContentType("image", "jpeg"));
        reply.Body = body.ToMessageBody();

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
