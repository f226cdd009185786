using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Compersion.Core.Digests;
using Compersion.Core.Journal;
using Compersion.Core.Mail;
using Compersion.Core.Prompts;
using Compersion.Core.Sending;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using Xunit.Abstractions;

namespace Compersion.Cli.Tests.Browser;

/// <summary>Every kind of mail, as sent, rendered in headless Chromium the way a phone, a dark-mode client and Outlook show it.</summary>
/// <remarks>
/// The mails come from the real pipeline (sign-up, confirmation, prompt, a reply for every command and a short reply, a
/// reply from an unknown address and that address added and confirmed, the deletion) and from the composers for what takes weeks to happen (the check-in, the first and a later digest). Each is
/// checked at 360 px for horizontal overflow, by axe (WCAG 2 A/AA, light and dark) and for exactly one heading; then as
/// Outlook for Windows shows it (its MSO conditional table in, every <c>max-width</c> out) at 1280 px for line length.
/// Screenshots of each view are saved under the test output.
/// </remarks>
[Collection(BrowserCollection.Name)]
public sealed partial class MailRenderingTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly DateTimeOffset Evening = new(2026, 11, 25, 19, 0, 30, TimeSpan.Zero);

    // About 75 characters a line at most: 560 px of 16 px text is 35 em.
    private const double MaxLineEm = 40;

    [Fact]
    public async Task EveryMailKind_PhoneDarkAndOutlook_NoOverflowNoAxeViolationsOneHeadingSaneLines()
    {
        var mails = await EveryMailAsync();
        var page = await browser.NewPageAsync();
        var problems = new List<string>();

        foreach (var (name, html) in mails)
        {
            await page.SetViewportSizeAsync(360, 740);
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Light });
            await page.SetContentAsync(html);
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (width > 360)
            {
                problems.Add($"{name}: {width} px wide in a 360 px viewport");
            }

            var headings = await page.EvaluateAsync<int>("() => document.querySelectorAll('h1, h2, h3, h4, h5, h6').length");
            if (headings != 1)
            {
                problems.Add($"{name}: {headings} headings");
            }

            problems.AddRange(await ViolationsAsync(page, name));
            await Shot(page, name + "-360");

            await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
            problems.AddRange(await ViolationsAsync(page, name + " (dark)"));
            var card = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.cp-card')).backgroundColor");
            if (card != "rgb(38, 33, 29)")
            {
                problems.Add($"{name}: card is {card} in dark mode");
            }

            await Shot(page, name + "-dark");

            await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Light });
            await page.SetViewportSizeAsync(1280, 900);
            await page.SetContentAsync(AsOutlook(html));
            var widest = await page.EvaluateAsync<double>(
                "() => Math.max(...[...document.querySelectorAll('p, li, h1, td')].filter(e => e.tagName !== 'TD' || e.children.length === 0)"
                + ".filter(e => e.textContent.trim().length > 0).map(e => e.getBoundingClientRect().width / parseFloat(getComputedStyle(e).fontSize)))");
            if (widest > MaxLineEm)
            {
                problems.Add($"{name}: lines {widest:F0} em wide as Outlook shows it at 1280 px");
            }

            await Shot(page, name + "-outlook");
        }

        output.WriteLine(string.Join('\n', mails.Select(mail => mail.Name)));
        Assert.True(mails.Count >= 20, $"Only {mails.Count} mails rendered.");
        Assert.Contains(mails, mail => mail.Name.EndsWith("-unknown-sender", StringComparison.Ordinal));
        Assert.Equal(2, mails.Count(mail => mail.Name.EndsWith("-address", StringComparison.Ordinal)));
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    // Outlook for Windows renders what its conditional comments hold and ignores max-width.
    private static string AsOutlook(string html) =>
        MaxWidth().Replace(html.Replace("<!--[if mso]>", string.Empty, StringComparison.Ordinal).Replace("<![endif]-->", string.Empty, StringComparison.Ordinal), string.Empty);

    private static async Task<List<(string Name, string Html)>> EveryMailAsync()
    {
        var mails = new List<(string Name, string Html)>();
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        const string email = "mia@example.com";
        await local.Http.PostAsJsonAsync("/api/subscribe", new { email, zone = "Europe/Berlin", time = "20:00" });
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var confirmation = Assert.Single(Outbox.Read(local.Outbox, "confirm"));
        await local.ConfirmSignUpAsync(confirmation);
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        // A second subscriber, who will delete everything (for the farewell); the dispatch prompts both.
        var other = await local.PromptAsync("noa@example.com", Evening);
        var prompt = Assert.Single(Outbox.Read(local.Outbox, "prompt"), mail => mail.To.Mailboxes.Single().Address == email);

        string[] replies =
        [
            "HELP", "FROBNICATE", "SETTINGS", "TOKEN", "PAUSE", "RESUME", "TIME 07:30", "TIME 25:99", "ZONE America/New_York",
            "DIGEST SUNDAY 18:00", "GOAL 2", "EXPORT",
            "1. Sam made soup\n2. " + new string('x', 120),
            "kindness: left a note for my neighbour\nkindness: taught my nephew to tie his shoelaces",
        ];
        foreach (var text in replies)
        {
            await local.ReplyAsync(prompt, text);
        }

        // A reply from an address not yet hers (the weekly unknown-sender note), then that address added and confirmed there
        // (the confirmation to it, and the notice that another address can write), then STOP.
        await local.ReplyAsync(prompt, "1. Lunch with Jo", from: "mia@work.example");
        await local.ReplyAsync(prompt, "ADD ADDRESS mia@work.example");
        using (var workInbox = new WebClient(local.Host.BaseUrl))
        {
            var (_, page) = await workInbox.GetAsync(Outbox.Link(Assert.Single(Outbox.Read(local.Outbox, "address")), "/api/address/confirm"));
            await workInbox.PostAsync("/api/address/confirm", ("token", WebClient.Field(page, "token")), ("form_token", WebClient.Field(page, "form_token")));
        }

        await local.ReplyAsync(prompt, "STOP");

        // The other subscriber deletes everything.
        using (var web = new WebClient(local.Host.BaseUrl))
        {
            var link = Outbox.Link(other, "/api/settings");
            var (_, page) = await web.GetAsync(link.Replace("/api/settings?", "/api/settings/delete?", StringComparison.Ordinal));
            await web.PostAsync("/api/settings/delete", ("token", WebClient.Field(page, "token")), ("form_token", WebClient.Field(page, "form_token")));
        }

        var index = 0;
        foreach (var mail in Outbox.Read(local.Outbox))
        {
            mails.Add(($"{++index:00}-{mail.Headers["X-Compersion-Kind"]}", mail.HtmlBody!));
        }

        var services = local.Host.Services;
        var subscriber = SampleJournal.Subscriber;
        var date = new LocalDate(2026, 11, 29);
        var journal = SampleJournal.Create(date);
        var prompts = services.GetRequiredService<PromptComposer>();
        mails.Add(("checkin", prompts.Compose(subscriber, date, journal.Entries, PromptPlan.CheckIn, "job").Html!));
        mails.Add(("prompt-with-memory", prompts.Compose(subscriber, date, journal.Entries, PromptPlan.Daily, "job").Html!));
        var digests = services.GetRequiredService<DigestComposer>();
        var catalog = Core.Kindness.IdeaCatalog.Shipped;
        OutgoingMail Digest(SubscriberJournal history) =>
            digests.Compose(subscriber, DigestBuilder.Build(subscriber, date, history, DigestBuilder.Suggest(subscriber, date, history, catalog)), "job");
        mails.Add(("digest", Digest(journal).Html!));
        mails.Add(("digest-first-week", Digest(journal with { Digests = [] }).Html!));
        return mails;
    }

    private async Task Shot(IPage page, string name) => output.WriteLine("screenshot: " + await browser.ScreenshotAsync(page, "mail-" + name));

    private static async Task<IEnumerable<string>> ViolationsAsync(IPage page, string where)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        return result.Violations.Select(v => $"{where}: {v.Id} ({string.Join(", ", v.Nodes.Select(n => n.Html))})");
    }

    [GeneratedRegex(@"max-width:\s*\d+px;?")]
    private static partial Regex MaxWidth();
}
