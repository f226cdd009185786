using MimeKit;

namespace Compersion.Cli.Tests;

/// <summary>
/// A subscriber's journal as the journal page tests open it: <c>serve</c> on its own Azurite, a confirmed Berlin subscriber
/// prompted on the evening of <see cref="Date"/> (their reply, when given, already ingested), a client that keeps cookies
/// like a browser, and the journal link from the prompt's footer. Disposing it closes the client and stops the host.
/// </summary>
internal sealed class OpenedJournal : IAsyncDisposable
{
    /// <summary>The prompt's evening: 20:00:30 in Berlin, the subscribers' chosen time, on <see cref="Date"/>.</summary>
    public static readonly DateTimeOffset Evening = new(2026, 11, 25, 19, 0, 30, TimeSpan.Zero);

    /// <summary>The local date the prompt asks about, and so the date of the day page.</summary>
    public const string Date = "2026-11-25";

    private OpenedJournal(LocalHostFixture local, MimeMessage prompt, MimeMessage? other)
    {
        Local = local;
        Prompt = prompt;
        Other = other;
        Web = new WebClient(local.Host.BaseUrl);
        Link = Outbox.Link(prompt, "/api/journal");
    }

    public LocalHostFixture Local { get; }

    /// <summary>The subscriber's prompt, from the outbox.</summary>
    public MimeMessage Prompt { get; }

    /// <summary>The prompt of the second subscriber, prompted at the same time, when one was asked for.</summary>
    public MimeMessage? Other { get; }

    public WebClient Web { get; }

    /// <summary>The journal link in the prompt's footer (the calendar).</summary>
    public string Link { get; }

    /// <summary>The day page of <see cref="Date"/>, through the journal link.</summary>
    public string DayUrl => DayUrlOf(Prompt);

    /// <summary>
    /// Starts the host eight hours before <see cref="Evening"/>, adds the subscriber (and <paramref name="other"/>, who is
    /// prompted by the same dispatch), moves the clock to the evening and dispatches; then ingests the replies given, the
    /// subscriber's first.
    /// </summary>
    public static async Task<OpenedJournal> OpenAsync(string email, string? reply = null, (string Email, string? Reply)? other = null)
    {
        var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        try
        {
            if (other is { } second)
            {
                await local.AddConfirmedAsync(second.Email);
            }

            var prompt = await local.PromptAsync(email, Evening);
            var otherPrompt = other is null ? null : Outbox.Read(local.Outbox, "prompt").Single(m => m.To.Mailboxes.Single().Address == other.Value.Email);
            if (reply is not null)
            {
                await local.ReplyAsync(prompt, reply);
            }

            if (other?.Reply is { } otherReply)
            {
                await local.ReplyAsync(otherPrompt!, otherReply);
            }

            return new OpenedJournal(local, prompt, otherPrompt);
        }
        catch
        {
            await local.DisposeAsync();
            throw;
        }
    }

    /// <summary>The day page of <see cref="Date"/> through the journal link in <paramref name="prompt"/>'s footer.</summary>
    public static string DayUrlOf(MimeMessage prompt) => View(Outbox.Link(prompt, "/api/journal"), "/day") + "&date=" + Date;

    /// <summary>Another journal page through the journal link: <paramref name="view"/> is <c>/search</c>, <c>/people</c>, … (empty for the calendar).</summary>
    public string Page(string view) => View(Link, view);

    public void Deconstruct(out LocalHostFixture local, out MimeMessage prompt, out WebClient web, out string link)
    {
        local = Local;
        prompt = Prompt;
        web = Web;
        link = Link;
    }

    public async ValueTask DisposeAsync()
    {
        Web.Dispose();
        await Local.DisposeAsync();
    }

    private static string View(string link, string view) => link.Replace("/api/journal?", "/api/journal" + view + "?", StringComparison.Ordinal);
}
