using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using ImageMagick;
using Microsoft.Playwright;
using MimeKit;

namespace Compersion.Cli.Tests.Browser;

/// <summary>Every page passes axe-core's WCAG 2 A/AA rules (labels, contrast ≥ 4.5:1, landmarks…), works by keyboard, and breaks no part of its CSP.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageAccessibilityTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset Evening = new(2026, 11, 25, 19, 0, 30, TimeSpan.Zero);

    [ChromiumFact]
    public async Task EveryPage_AxeWcag2AA_NoViolationsAndNoContentSecurityPolicyErrors()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var settings = Outbox.Link(await local.PromptAsync("ola@example.com", Evening), "/api/settings");
        var page = await browser.NewPageAsync();
        var policyErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                policyErrors.Add(message.Text);
            }
        };
        var base_ = local.Host.BaseUrl;
        var problems = new List<string>();

        foreach (var url in new[] { base_ + "/api/signup", settings, settings.Replace("/api/settings?", "/api/settings/delete?", StringComparison.Ordinal), base_ + "/api/settings?token=nope", base_ + "/outbox" })
        {
            await page.GotoAsync(url);
            problems.AddRange(await ViolationsAsync(page, url));
        }

        await page.GotoAsync(base_ + "/api/signup");
        await page.Locator("#email").FillAsync("not an address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign me up" }).ClickAsync();
        problems.AddRange(await ViolationsAsync(page, "sign-up with an error"));
        await page.GotoAsync(base_ + "/outbox");
        await page.Locator(".mail-list a").First.ClickAsync();
        problems.AddRange(await ViolationsAsync(page, "inbox with a mail"));

        Assert.Empty(problems);
        Assert.Empty(policyErrors);
    }

    [ChromiumFact]
    public async Task JournalPages_AxeWcag2AAWideAndAt360Pixels_NoViolationsNoPolicyErrorsNoHorizontalScroll()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = await local.PromptAsync("pia@example.com", Evening);
        var reply = Inbox.InboundParsePost.Reply(prompt, string.Empty);
        var body = new BodyBuilder { TextBody = "1. Lunch with Sam\n2. Mum got the job, she was so proud\n3. health\nkindness: left flowers for the neighbour" };
        foreach (var name in new[] { "lunch.jpg", "a-photo-with-a-very-long-name-from-a-phone-IMG_20261125_183012.jpg" })
        {
            using var image = new MagickImage("plasma:", 1600, 1200);
            body.Attachments.Add(name, image.ToByteArray(MagickFormat.Jpeg), new ContentType("image", "jpeg"));
        }

        reply.Body = body.ToMessageBody();
        await local.PostInboundAsync(Inbox.InboundParsePost.Raw(reply));
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var journal = Outbox.Link(prompt, "/api/journal");
        var page = await browser.NewPageAsync();
        var policyErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                policyErrors.Add(message.Text);
            }
        };
        var problems = new List<string>();
        (string Name, string Url)[] urls =
        [
            ("calendar", journal),
            ("day", journal.Replace("/api/journal?", "/api/journal/day?", StringComparison.Ordinal) + "&date=2026-11-25"),
            ("search", journal.Replace("/api/journal?", "/api/journal/search?", StringComparison.Ordinal) + "&q=Sam"),
            ("people", journal.Replace("/api/journal?", "/api/journal/people?", StringComparison.Ordinal)),
            ("kindness", journal.Replace("/api/journal?", "/api/journal/kindness?", StringComparison.Ordinal)),
            ("broken", local.Host.BaseUrl + "/api/journal?token=nope"),
        ];

        async Task CheckAsync(string url, string name)
        {
            foreach (var width in new[] { 1100, 360 })
            {
                await page.SetViewportSizeAsync(width, 800);
                await page.GotoAsync(url);

                // The day page's correction forms sit in closed <details>; open them so they are checked too.
                await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
                problems.AddRange(await ViolationsAsync(page, $"{name} at {width}px"));
                await browser.ScreenshotAsync(page, $"journal-{name}-{width}");
                if (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth"))
                {
                    problems.Add($"{name} at {width}px: scrolls sideways");
                }
            }
        }

        foreach (var (name, url) in urls)
        {
            await CheckAsync(url, name);
        }

        await page.GotoAsync(urls[1].Url);
        var thumbnails = await page.Locator("ul.photos img").CountAsync();
        await page.GotoAsync(urls[2].Url);
        var results = await page.Locator("section.result").CountAsync();

        // A day later the same link opens the expired page, with its button for a fresh link.
        local.Clock.SetTo(Evening.AddHours(24).AddMinutes(1));
        await CheckAsync(journal, "expired");
        var expired = await page.Locator("h1").TextContentAsync();

        Assert.Equal(("This link has expired", 2, 1), (expired, thumbnails, results));
        Assert.Empty(problems);
        Assert.Empty(policyErrors);
    }

    [ChromiumFact]
    public async Task SignUpPage_Keyboard_TabsThroughEveryFieldInOrderWithAVisibleFocusRing()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(local.Host.BaseUrl + "/api/signup");
        var order = new List<string>();
        var outlines = new List<string>();

        // A time field takes one Tab per part (hours, minutes, its picker), so repeats in a row are one field; its focus
        // ring is checked as it is entered.
        while (order.LastOrDefault() != "button" && order.Count < 20)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>("() => document.activeElement.id || document.activeElement.tagName.toLowerCase()");
            if (order.LastOrDefault() != focused)
            {
                order.Add(focused);
                outlines.Add(await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle + ' ' + getComputedStyle(document.activeElement).outlineWidth"));
            }
        }

        await page.Keyboard.PressAsync("Enter");

        Assert.Equal(["a", "email", "time", "zone", "digestDay", "digestTime", "goal", "button"], order);
        Assert.All(outlines, outline => Assert.StartsWith("solid 3px", outline, StringComparison.Ordinal));
        Assert.Equal("Please enter a valid email address, like name@example.com.", await page.Locator("#form-error").TextContentAsync());
    }

    private static async Task<IEnumerable<string>> ViolationsAsync(IPage page, string where)
    {
        // The mail shown in the inbox sits in a frame sandboxed without scripts, where axe cannot run; the page around it is checked.
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, Iframes = false });
        return result.Violations.Select(v => $"{where}: {v.Id} ({string.Join(", ", v.Nodes.Select(n => n.Html))})");
    }
}
