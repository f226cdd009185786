using Compersion.Cli.Hosting;
using Compersion.Cli.Inbox;
using Compersion.Core.Subscriptions;
using Compersion.Development;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Compersion.Cli.Tests;

/// <summary>A running <c>serve</c> host on its own Azurite, a virtual clock and a fresh outbox, for one test.</summary>
internal sealed class LocalHostFixture : IAsyncDisposable
{
    private readonly string state;

    private LocalHostFixture(AzuriteProcess azurite, LocalFunctionsHost host, ManualClock clock, string state)
    {
        Azurite = azurite;
        Host = host;
        Clock = clock;
        this.state = state;
        Http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
    }

    public AzuriteProcess Azurite { get; }

    public LocalFunctionsHost Host { get; }

    public ManualClock Clock { get; }

    public HttpClient Http { get; }

    public string Outbox => Host.OutboxDirectory;

    public static async Task<LocalHostFixture> StartAsync(DateTimeOffset now, bool pollQueues = false, IDictionary<string, string?>? settings = null)
    {
        var azurite = await AzuriteProcess.StartAsync(null, CancellationToken.None);
        var state = Path.Combine(Path.GetTempPath(), "compersion-tests", Guid.NewGuid().ToString("N"));
        var clock = new ManualClock(now);
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["SendGrid:ApiKey"] = string.Empty,
            ["Dispatch:InitialLookbackMinutes"] = "1",
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var host = await LocalFunctionsHost.StartAsync(
            new LocalHostOptions
            {
                Port = 0,
                StateDirectory = state,
                Time = clock,
                RunTimers = false,
                PollQueues = pollQueues,
                QuietLogs = true,
                Settings = values,
            },
            CancellationToken.None);
        return new LocalHostFixture(azurite, host, clock, state);
    }

    /// <summary>Adds a confirmed Berlin subscriber prompted at 20:00, moves the clock to <paramref name="evening"/>, dispatches and returns their prompt.</summary>
    public async Task<MimeMessage> PromptAsync(string email, DateTimeOffset evening)
    {
        await AddConfirmedAsync(email);
        Clock.SetTo(evening);
        await Host.RunTimerAsync("DispatchDueFunction", CancellationToken.None);
        await Host.DrainQueuesAsync(CancellationToken.None);
        return Compersion.Cli.Tests.Outbox.Read(Outbox, "prompt").Single(m => m.To.Mailboxes.Single().Address == email);
    }

    /// <summary>Adds a confirmed Berlin subscriber prompted at 20:00, without moving the clock or dispatching.</summary>
    public async Task AddConfirmedAsync(string email)
    {
        Assert.True(SignUpRequest.TryCreate(email, "Europe/Berlin", "20:00", null, null, out var request, out _));
        await Host.Services.GetRequiredService<SubscriptionService>().AddConfirmedAsync(request!);
    }

    /// <summary>
    /// Replies <paramref name="text"/> to a mail's Reply-To through the webhook, as SendGrid's raw mode posts it, checks that
    /// the webhook took it (2xx) and drains the queues.
    /// </summary>
    /// <param name="mail">The mail replied to.</param>
    /// <param name="text">The reply's body.</param>
    /// <param name="from">The sender, when not the address the mail went to.</param>
    /// <param name="messageId">The reply's Message-ID, when not a fresh one.</param>
    /// <returns>The reply as it was posted.</returns>
    public async Task<MimeMessage> ReplyAsync(MimeMessage mail, string text, string? from = null, string? messageId = null)
    {
        var reply = InboundParsePost.Reply(mail, text, from: from, messageId: messageId);
        using var response = await PostInboundAsync(InboundParsePost.Raw(reply));
        Assert.True(response.IsSuccessStatusCode, $"The webhook answered {(int)response.StatusCode} to a reply.");
        await Host.DrainQueuesAsync(CancellationToken.None);
        return reply;
    }

    /// <summary>Follows a sign-up confirmation mail's link as a person does: opens the page, then presses its button.</summary>
    /// <returns>The answer to the button's form post (its content is read before the client goes).</returns>
    public async Task<HttpResponseMessage> ConfirmSignUpAsync(MimeMessage confirmation)
    {
        using var web = new WebClient(Host.BaseUrl);
        var (_, page) = await web.GetAsync(Compersion.Cli.Tests.Outbox.Link(confirmation, "/api/confirm"));
        return await web.PostAsync("/api/confirm", ("token", WebClient.Field(page, "token")), ("form_token", WebClient.Field(page, "form_token")));
    }

    /// <summary>Posts to the Inbound Parse webhook with the function key, as SendGrid would.</summary>
    public Task<HttpResponseMessage> PostInboundAsync(HttpContent content) =>
        Http.PostAsync($"/api/inbound/sendgrid?code={Host.Keys.FunctionKey}", content);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        await Azurite.DisposeAsync();
        try
        {
            Directory.Delete(state, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
