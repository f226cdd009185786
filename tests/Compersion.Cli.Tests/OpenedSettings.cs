using MimeKit;

namespace Compersion.Cli.Tests;

/// <summary>
/// A subscriber's settings as the settings page tests open them: <c>serve</c> on its own Azurite (<see cref="Local"/>), a
/// confirmed Berlin subscriber's <see cref="Prompt"/> dispatched on an evening, a client that keeps cookies like a browser
/// (<see cref="Web"/>), and the settings <see cref="Link"/> from the prompt's footer. Disposing it closes the client and
/// stops the host.
/// </summary>
internal sealed record OpenedSettings(LocalHostFixture Local, MimeMessage Prompt, WebClient Web, string Link) : IAsyncDisposable
{
    /// <summary>The evening the subscriber is prompted on unless told otherwise: the journal tests' <see cref="OpenedJournal.Evening"/>.</summary>
    public static DateTimeOffset Evening => OpenedJournal.Evening;

    /// <summary>The page that asks to confirm deleting everything, through the settings link.</summary>
    public string DeleteLink => Link.Replace("/api/settings?", "/api/settings/delete?", StringComparison.Ordinal);

    /// <summary>
    /// Starts the host eight hours before <paramref name="evening"/> (<see cref="Evening"/> when not given), adds the
    /// subscriber, moves the clock to the evening and dispatches their prompt.
    /// </summary>
    public static async Task<OpenedSettings> OpenAsync(string email, DateTimeOffset? evening = null)
    {
        var at = evening ?? Evening;
        var local = await LocalHostFixture.StartAsync(at.AddHours(-8));
        try
        {
            var prompt = await local.PromptAsync(email, at);
            var link = Outbox.Link(prompt, "/api/settings");
            return new OpenedSettings(local, prompt, new WebClient(local.Host.BaseUrl), link);
        }
        catch
        {
            await local.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Web.Dispose();
        await Local.DisposeAsync();
    }
}
