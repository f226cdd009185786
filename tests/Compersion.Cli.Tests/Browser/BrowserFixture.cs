using Microsoft.Playwright;

namespace Compersion.Cli.Tests.Browser;

/// <summary>One headless Debian Chromium, driven by Playwright, shared by every browser test (a collection runs its tests one at a time).</summary>
/// <remarks>
/// Launched with a fresh profile (<c>--user-data-dir</c> in a temporary folder, removed afterwards) and everything that
/// could reach the network off; the pages it visits are all on 127.0.0.1. The browser's zone is Europe/Berlin, so the
/// sign-up page's script has something to pre-select.
/// </remarks>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly string profile = Path.Combine(Path.GetTempPath(), "compersion-chromium-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? playwright;
    private IBrowserContext? context;
    private IBrowser? other;

    /// <summary>Where screenshots are saved (under the test output folder).</summary>
    public string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public IBrowserContext Context => context ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        await ChromiumInstaller.EnsureInstalledAsync(Console.WriteLine);
        Directory.CreateDirectory(Screenshots);
        playwright = await Playwright.CreateAsync();
        context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumInstaller.ExecutablePath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
            TimezoneId = "Europe/Berlin",
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 1100, Height = 900 },
            AcceptDownloads = true,
        });
    }

    /// <summary>A new tab with no cookies left from an earlier test.</summary>
    public async Task<IPage> NewPageAsync()
    {
        foreach (var open in Context.Pages.ToList())
        {
            await open.CloseAsync();
        }

        await Context.ClearCookiesAsync();
        return await Context.NewPageAsync();
    }

    /// <summary>A tab in a second, incognito-like context of its own whose browser reads another locale (Playwright sets the
    /// locale per context, and the shared one is en-GB); close its context when done.</summary>
    public async Task<IPage> NewPageInLocaleAsync(string locale)
    {
        other ??= await playwright!.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumInstaller.ExecutablePath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var separate = await other.NewContextAsync(new BrowserNewContextOptions { TimezoneId = "Europe/Berlin", Locale = locale });
        return await separate.NewPageAsync();
    }

    /// <summary>Saves a full-page screenshot and returns its path.</summary>
    public async Task<string> ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var path = Path.Combine(Screenshots, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async Task DisposeAsync()
    {
        if (context is not null)
        {
            await context.CloseAsync();
        }

        if (other is not null)
        {
            await other.CloseAsync();
        }

        playwright?.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
