using System.Text;
using System.Text.Json;
using Compersion.Core.Export;
using Compersion.Core.Subscribers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Compersion.Cli.Tests.Browser;

/// <summary>The whole web surface in headless Chromium, through <c>compersion serve</c>: what a person does, start to finish.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Email = "noor@example.com";
    private static readonly DateTimeOffset Noon = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Evening = new(2026, 11, 25, 19, 0, 30, TimeSpan.Zero);

    [ChromiumFact]
    public async Task SignUpConfirmReplyExportImportDelete_InTheBrowser_JournalRoundTripsAndNothingIsLeftInStorage()
    {
        await using var local = await LocalHostFixture.StartAsync(Noon, pollQueues: true);
        var page = await browser.NewPageAsync();
        var baseUrl = local.Host.BaseUrl;

        // Sign up on the page: the script pre-selects the browser's zone.
        await page.GotoAsync(baseUrl + "/api/signup");
        var preselected = await page.Locator("#zone").InputValueAsync();
        await Shot(page, "signup");
        await page.Locator("#email").FillAsync(Email);
        await page.Locator("#time").FillAsync("20:00");
        await page.Locator("#digestDay").SelectOptionAsync("Sunday");
        await page.Locator("#goal").SelectOptionAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign me up" }).ClickAsync();
        var thanks = await page.Locator("h1").TextContentAsync();
        await Shot(page, "signup-sent");

        // Confirm from the local inbox: the link in the mail's HTML opens in the whole window.
        await Outbox.WaitForAsync(local.Outbox, "confirm");
        await page.GotoAsync(baseUrl + "/outbox");
        await page.GetByRole(AriaRole.Link, new() { Name = "Please confirm your daily five gratitudes" }).ClickAsync();
        await OpenedAsync(page);
        await page.FrameLocator("iframe.mail").GetByRole(AriaRole.Link, new() { Name = "Confirm my address" }).ClickAsync();
        await page.WaitForURLAsync("**/api/confirm?token=*");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, start my emails" }).ClickAsync();
        await page.WaitForURLAsync("**/api/confirm");
        var confirmed = await page.Locator("h1").TextContentAsync();

        // The evening prompt arrives; reply to it from the inbox, as SendGrid would post it.
        local.Clock.SetTo(Evening);
        await local.Host.RunTimerAsync("DispatchDueFunction", CancellationToken.None);
        var prompt = await Outbox.WaitForAsync(local.Outbox, "prompt");
        await page.GotoAsync(baseUrl + "/outbox");
        await page.GetByRole(AriaRole.Link, new() { Name = prompt.Subject, Exact = true }).ClickAsync();
        await OpenedAsync(page);
        await page.Locator("#reply").FillAsync("1. That Sam brought me lunch even though it was far out of his way\n2. My sister got the job she wanted\n3. Warm socks");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        var posted = await page.Locator("p.notice").TextContentAsync();
        await WaitForEntryAsync(local);

        // A reply whose SPF and DKIM both fail is held, and kept by the link mailed about it: one post, two ledger rows
        // (held, then kept), both of which "delete everything" must find.
        await local.PostInboundAsync(Compersion.Cli.Inbox.InboundParsePost.Raw(Compersion.Cli.Inbox.InboundParsePost.Reply(prompt, "HELP"), spf: "fail", dkim: "{}"));
        var heldNote = await Outbox.WaitForAsync(local.Outbox, "held");
        await page.GotoAsync(System.Text.RegularExpressions.Regex.Match(heldNote.TextBody!, @"http\S+/api/keep\?\S+").Value);
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, it was me" }).ClickAsync();
        var keptAnswer = await Outbox.WaitForAsync(local.Outbox, "help");

        // The footer's Settings link opens the settings page; the export has the entry.
        await page.GotoAsync(baseUrl + "/outbox");
        await page.GetByRole(AriaRole.Link, new() { Name = prompt.Subject, Exact = true }).ClickAsync();
        await OpenedAsync(page);
        await page.FrameLocator("iframe.mail").GetByRole(AriaRole.Link, new() { Name = "Settings" }).WaitForAsync();
        await Shot(page, "outbox");
        await page.FrameLocator("iframe.mail").GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await page.WaitForURLAsync("**/api/settings?token=*");
        var settingsUrl = page.Url;
        await Shot(page, "settings");
        var json = await DownloadAsync(page, "Download as JSON");
        var markdown = await DownloadAsync(page, "Download as Markdown");

        // Change settings: they are stored at once.
        await page.Locator("#time").FillAsync("07:30");
        await page.Locator("#memories").UncheckAsync();
        await page.Locator("#receipts").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        var saved = await page.Locator("#notice").TextContentAsync();
        var afterSave = await local.Host.Services.GetRequiredService<ISubscriberStore>().FindByEmailAsync(Email);

        // Import a Dabble.me file, then the same file again.
        var dabble = Encoding.UTF8.GetBytes("## 2026-11-20\n1. Breakfast with Ana\n2. The first snow\n\n## 2026-11-21\nMy neighbour's daughter passed her driving test; he was so proud.\n");
        await ImportAsync(page, "dabble-export.txt", dabble);
        var imported = await page.Locator("#notice").TextContentAsync();
        await Shot(page, "settings-imported");
        await ImportAsync(page, "dabble-export.txt", dabble);
        var daysAfterTwoImports = (await local.Host.Services.GetRequiredService<ExportService>().ExportAsync(Email))!.Entries.Select(e => (e.Date, e.Items.Count)).ToList();

        // Delete: confirm, then everything goes and a last mail says so.
        await page.GetByRole(AriaRole.Link, new() { Name = "Delete everything…" }).ClickAsync();
        await Shot(page, "delete-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete everything" }).ClickAsync();
        var deleted = await page.Locator("h1").TextContentAsync();
        await Shot(page, "deleted");
        var farewell = await Outbox.WaitForAsync(local.Outbox, "deleted");
        await page.GotoAsync(settingsUrl);
        var afterwards = await page.Locator("h1").TextContentAsync();
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var traces = await StorageTraces.FindAsync(local.Host.StorageConnectionString, afterSave!.Id, Email);

        Assert.Equal("Europe/Berlin", preselected);
        Assert.Equal("Check your inbox", thanks);
        Assert.Equal("You're in", confirmed);
        Assert.Contains("(200)", posted, StringComparison.Ordinal);
        Assert.Equal(Email, keptAnswer.To.Mailboxes.Single().Address);
        Assert.Contains("That Sam brought me lunch", json, StringComparison.Ordinal);
        using (var document = JsonDocument.Parse(json))
        {
            var day = Assert.Single(document.RootElement.GetProperty("entries").EnumerateArray());
            Assert.Equal("2026-11-25", day.GetProperty("date").GetString());
            Assert.True(day.GetProperty("items")[1].GetProperty("compersion").GetBoolean());
            Assert.Equal(2, document.RootElement.GetProperty("settings").GetProperty("kindnessGoal").GetInt32());
        }

        Assert.Contains("## Wednesday, 25 November 2026", markdown, StringComparison.Ordinal);
        Assert.StartsWith("Saved.", saved, StringComparison.Ordinal);
        Assert.Equal(("07:30", false, true, false), (afterSave.PromptTime.ToString("HH:mm", null), afterSave.MemoriesEnabled, afterSave.ReceiptsEnabled, afterSave.TwelveHourClock));
        Assert.Contains("Imported 2 days", imported, StringComparison.Ordinal);
        Assert.Equal([("2026-11-20", 2), ("2026-11-21", 2), ("2026-11-25", 3)], daysAfterTwoImports);
        Assert.Equal("Everything is deleted", deleted);
        Assert.Equal(Email, farewell.To.Mailboxes.Single().Address);
        Assert.DoesNotContain("/api/settings", farewell.TextBody, StringComparison.Ordinal);
        Assert.Equal("There's nothing here any more", afterwards);
        Assert.Empty(traces);
    }

    // The list shows the newest mail's frame too: wait until the chosen mail's page has replaced it, so the frame
    // looked in next is the chosen mail's and not the one being navigated away from.
    private static async Task OpenedAsync(IPage page)
    {
        await page.WaitForURLAsync("**/outbox?mail=*");
        await page.FrameLocator("iframe.mail").Locator("body").WaitForAsync();
    }

    [ChromiumFact]
    public async Task SignUp_BrowserLocaleReadsTwelveHourClock_MailWritesTimesThatWay()
    {
        await using var local = await LocalHostFixture.StartAsync(Noon, pollQueues: true);
        var page = await browser.NewPageInLocaleAsync("en-US");

        await page.GotoAsync(local.Host.BaseUrl + "/api/signup");
        await page.Locator("#email").FillAsync("june@example.com");
        await page.Locator("#time").FillAsync("20:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign me up" }).ClickAsync();
        await page.Locator("h1").WaitForAsync();

        var confirm = (await Outbox.WaitForAsync(local.Outbox, "confirm")).TextBody!;
        Assert.Contains("8:00 pm Berlin time", confirm, StringComparison.Ordinal);
        Assert.DoesNotContain("20:00", confirm, StringComparison.Ordinal);
        Assert.True((await local.Host.Services.GetRequiredService<ISubscriberStore>().FindByEmailAsync("june@example.com"))!.TwelveHourClock);
        await page.Context.CloseAsync();
    }

    private async Task Shot(IPage page, string name) => output.WriteLine("screenshot: " + await browser.ScreenshotAsync(page, name));

    private static async Task<string> DownloadAsync(IPage page, string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync());
        return await File.ReadAllTextAsync((await download.PathAsync())!);
    }

    private static async Task ImportAsync(IPage page, string name, byte[] content)
    {
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/plain", Buffer = content });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
    }

    private static async Task WaitForEntryAsync(LocalHostFixture local)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var exports = local.Host.Services.GetRequiredService<ExportService>();
        while ((await exports.ExportAsync(Email))?.Entries.Count is null or 0)
        {
            await Task.Delay(200, timeout.Token);
        }
    }
}
