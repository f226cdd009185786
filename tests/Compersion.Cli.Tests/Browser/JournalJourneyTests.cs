using System.IO.Compression;
using System.Text.Json;
using Compersion.Cli.Inbox;
using Compersion.Core.Subscribers;
using ImageMagick;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using Xunit.Abstractions;

namespace Compersion.Cli.Tests.Browser;

/// <summary>The journal on the web in headless Chromium, through <c>compersion serve</c>: replies over three days and a photo,
/// then only clicks and typing — find, read, search, correct, move, export, delete.</summary>
[Collection(BrowserCollection.Name)]
public sealed class JournalJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Email = "lea@example.com";

    // An image's width once it has loaded (0 when it could not be shown).
    private const string LoadedWidth = "image => image.complete ? image.naturalWidth : new Promise(done => { image.onload = () => done(image.naturalWidth); image.onerror = () => done(0); })";
    private static readonly DateTimeOffset FirstEvening = new(2026, 11, 23, 19, 0, 30, TimeSpan.Zero);

    [ChromiumFact]
    public async Task Journal_RepliesOverThreeDaysWithAPhoto_FoundReadCorrectedExportedAndDeletedByClicking()
    {
        await using var local = await LocalHostFixture.StartAsync(FirstEvening.AddHours(-8));
        var river = Jpeg(1600, 1200);
        var first = await local.PromptAsync(Email, FirstEvening);
        await ReplyAsync(local, first, "1. Coffee with Priya before work\n2. The first frost on the garden\n3. A quiet evening with a book");
        var second = await NextPromptAsync(local, 2);
        await ReplyAsync(local, second, "1. Walking by the river with Sam\n2. My brother's new song\n3. Fresh bread from the bakery", ("river.jpg", river));
        var third = await NextPromptAsync(local, 3);
        await ReplyAsync(local, third, "1. Sam fixed my bike\n2. Carried the shopping upstairs for Mrs Okafor\n3. Soup on a cold night");
        var subscriber = await local.Host.Services.GetRequiredService<ISubscriberStore>().FindByEmailAsync(Email);
        var page = await browser.NewPageAsync();

        // Open the journal from the footer of the newest prompt in the local inbox.
        await page.GotoAsync(local.Host.BaseUrl + "/outbox");
        await page.GetByRole(AriaRole.Link, new() { Name = third.Subject, Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/outbox?mail=*");
        await page.FrameLocator("iframe.mail").Locator("body").WaitForAsync();
        await page.FrameLocator("iframe.mail").GetByRole(AriaRole.Link, new() { Name = "Your journal" }).ClickAsync();
        await page.WaitForURLAsync("**/api/journal?token=*");
        var journalUrl = page.Url;
        var journalHeading = await page.Locator("h1").TextContentAsync();

        // Find the day in the calendar, open it, see the photo's thumbnail and open the photo.
        var dayLink = page.GetByRole(AriaRole.Link, new() { Name = "24 November:" });
        var dayWords = await dayLink.TextContentAsync();
        var photoMark = await dayLink.EvaluateAsync<string>("link => getComputedStyle(link, '::before').content");
        await dayLink.ClickAsync();
        await page.WaitForURLAsync("**/api/journal/day?*date=2026-11-24");
        var dayHeading = await page.Locator("h1").TextContentAsync();
        var thumbnail = page.GetByRole(AriaRole.Img, new() { Name = "Your photo river.jpg" });
        var thumbnailWidth = await thumbnail.EvaluateAsync<int>(LoadedWidth);
        await page.SetViewportSizeAsync(360, 800);
        await Shot(page, "journal-day");
        await page.SetViewportSizeAsync(1100, 900);
        await thumbnail.ClickAsync();
        await page.WaitForURLAsync("**/api/journal/photo?*");
        await page.Locator("img").EvaluateAsync<int>(LoadedWidth);
        var photoSize = await page.Locator("img").EvaluateAsync<int[]>("image => [image.naturalWidth, image.naturalHeight]");
        await page.GoBackAsync();

        // Search a name and follow a result to its day.
        await page.GetByLabel("Search every day").FillAsync("Sam");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/api/journal/search?*");
        var found = await page.GetByRole(AriaRole.Status).TextContentAsync();
        var results = await page.Locator("section.result h2").AllTextContentsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Wednesday 25 November 2026" }).ClickAsync();
        await page.WaitForURLAsync("**/api/journal/day?*date=2026-11-25");
        var resultDay = await page.Locator("h1").TextContentAsync();

        // Correct a gratitude's text.
        var firstItem = page.Locator("ol.entries > li").Filter(new() { HasText = "Sam fixed my bike" });
        await firstItem.GetByText("Correct this").ClickAsync();
        await firstItem.GetByLabel("Text").FillAsync("Sam fixed my bike's flat tyre before breakfast");
        await firstItem.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync("**&saved=edit");
        var edited = await page.Locator("#notice").TextContentAsync();

        // Move a gratitude to the kind acts, then say what kind of act it was and for whom.
        var errand = page.Locator("ol.entries > li").Filter(new() { HasText = "Carried the shopping upstairs" });
        await errand.GetByText("Correct this").ClickAsync();
        await errand.GetByRole(AriaRole.Button, new() { Name = "Move to kind acts" }).ClickAsync();
        await page.WaitForURLAsync("**&saved=move");
        var moved = await page.Locator("#notice").TextContentAsync();
        var act = page.Locator("ol.entries > li").Filter(new() { HasText = "Carried the shopping upstairs" });
        await act.GetByText("Correct this").ClickAsync();
        await act.GetByLabel("What kind of act").SelectOptionAsync("help");
        await act.GetByLabel("For whom").SelectOptionAsync("neighbour");
        await act.GetByRole(AriaRole.Button, new() { Name = "Keep my choice" }).ClickAsync();
        await page.WaitForURLAsync("**&saved=classify");
        var classified = await page.Locator("#notice").TextContentAsync();
        var gratitudes = await page.Locator("ol.entries").Nth(0).Locator(":scope > li > span.text").AllTextContentsAsync();
        var acts = await page.Locator("ol.entries").Nth(1).Locator(":scope > li").AllInnerTextsAsync();
        await Shot(page, "journal-day-corrected");

        // The settings page (from the journal's menu) exports the corrected journal, and the zip holds the photo.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Your journal" }).GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await page.WaitForURLAsync("**/api/settings?token=*");
        var markdown = await File.ReadAllTextAsync(await DownloadAsync(page, "Download as Markdown"));
        var json = await File.ReadAllTextAsync(await DownloadAsync(page, "Download as JSON"));
        using var zip = ZipFile.OpenRead(await DownloadAsync(page, "Download everything with photos (zip)"));
        var zippedPhoto = Assert.Single(zip.Entries, e => e.FullName.StartsWith("photos/", StringComparison.Ordinal));
        using var zippedBytes = new MemoryStream();
        await using (var stream = zippedPhoto.Open())
        {
            await stream.CopyToAsync(zippedBytes);
        }

        // Delete everything; the journal link opens nothing afterwards and no trace is left in storage.
        await page.GetByRole(AriaRole.Link, new() { Name = "Delete everything…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete everything" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/api/settings/delete", StringComparison.Ordinal));
        var deleted = await page.Locator("h1").TextContentAsync();
        await page.GotoAsync(journalUrl);
        var afterwards = await page.Locator("h1").TextContentAsync();
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var traces = await StorageTraces.FindAsync(local.Azurite.ConnectionString, subscriber!.Id, Email);

        Assert.Equal("Your journal", journalHeading);
        Assert.Equal("24 November: 3 gratitudes, with a person, 1 photo", dayWords);
        Assert.Equal("\"●\"", photoMark);
        Assert.Equal("Tuesday 24 November 2026", dayHeading);
        Assert.Equal(512, thumbnailWidth);
        Assert.Equal([1600, 1200], photoSize);
        Assert.Equal("“Sam”: 2 matches on 2 days.", found);
        Assert.Equal(["Wednesday 25 November 2026", "Tuesday 24 November 2026"], results);
        Assert.Equal("Wednesday 25 November 2026", resultDay);
        Assert.StartsWith("Saved your change.", edited, StringComparison.Ordinal);
        Assert.StartsWith("Moved.", moved, StringComparison.Ordinal);
        Assert.StartsWith("Saved: your choice", classified, StringComparison.Ordinal);
        Assert.Equal(["Sam fixed my bike's flat tyre before breakfast", "Soup on a cold night"], gratitudes);
        var movedAct = Assert.Single(acts);
        Assert.Contains("Carried the shopping upstairs for Mrs Okafor", movedAct, StringComparison.Ordinal);
        Assert.Contains("help", movedAct, StringComparison.Ordinal);
        Assert.Contains("for: neighbour", movedAct, StringComparison.Ordinal);
        Assert.Contains("your choice", movedAct, StringComparison.Ordinal);
        Assert.Contains("1. Sam fixed my bike's flat tyre before breakfast\n2. Soup on a cold night\n\nKind acts, just for you:\n\n- Carried the shopping upstairs for Mrs Okafor\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam fixed my bike\n", markdown, StringComparison.Ordinal);
        Assert.Matches($@"Photos:\n\n- river\.jpg \(JPEG, [0-9]+ KB\): `{zippedPhoto.FullName}`\n", markdown);
        using (var document = JsonDocument.Parse(json))
        {
            var day = document.RootElement.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("date").GetString() == "2026-11-25");
            var listed = Assert.Single(document.RootElement.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("date").GetString() == "2026-11-24").GetProperty("photos").EnumerateArray());
            Assert.Equal(
                ("river.jpg", "image/jpeg", (long)river.Length, zippedPhoto.FullName),
                (listed.GetProperty("name").GetString(), listed.GetProperty("type").GetString(), listed.GetProperty("size").GetInt64(), listed.GetProperty("path").GetString()));
            var exportedAct = Assert.Single(day.GetProperty("acts").EnumerateArray());
            Assert.Equal(("help", "neighbour", true), (exportedAct.GetProperty("category").GetString(), exportedAct.GetProperty("recipient").GetString(), exportedAct.GetProperty("chosen").GetBoolean()));
        }

        Assert.StartsWith("photos/2026-11-24/", zippedPhoto.FullName, StringComparison.Ordinal);
        Assert.Equal(river, zippedBytes.ToArray());
        Assert.Equal("Everything is deleted", deleted);
        Assert.Equal("There's nothing here any more", afterwards);
        Assert.Empty(traces);
    }

    private async Task Shot(IPage page, string name) => output.WriteLine("screenshot: " + await browser.ScreenshotAsync(page, name));

    private static async Task<string> DownloadAsync(IPage page, string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync());
        return (await download.PathAsync())!;
    }

    // The next evening's prompt: the clock moves a day on and the timer runs, as it would each evening.
    private static async Task<MimeMessage> NextPromptAsync(LocalHostFixture local, int count)
    {
        local.Clock.SetTo(FirstEvening.AddDays(count - 1));
        await local.Host.RunTimerAsync("DispatchDueFunction", CancellationToken.None);
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        return Outbox.Read(local.Outbox, "prompt").Where(m => m.To.Mailboxes.Single().Address == Email).ElementAt(count - 1);
    }

    // A reply to the prompt's Reply-To address, as SendGrid's raw mode posts it, with a photo attached when given.
    private static async Task ReplyAsync(LocalHostFixture local, MimeMessage prompt, string text, (string Name, byte[] Content)? photo = null)
    {
        var reply = InboundParsePost.Reply(prompt, text);
        if (photo is { } attached)
        {
            var body = new BodyBuilder { TextBody = text };
            body.Attachments.Add(attached.Name, attached.Content, new ContentType("image", "jpeg"));
            reply.Body = body.ToMessageBody();
        }

        using var posted = await local.PostInboundAsync(InboundParsePost.Raw(reply));
        Assert.True(posted.IsSuccessStatusCode);
        await local.Host.DrainQueuesAsync(CancellationToken.None);
    }

    private static byte[] Jpeg(uint width, uint height)
    {
        using var image = new MagickImage("plasma:", width, height);
        return image.ToByteArray(MagickFormat.Jpeg);
    }
}
