using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using Compersion.Core.Sending;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Compersion.Email.Tests;

/// <summary>The SendGrid sender against a loopback server speaking SendGrid's <c>/v3/mail/send</c>.</summary>
public sealed class SendGridMailSenderTests : IDisposable
{
    private const string MailSendPath = "/v3/mail/send";

    private readonly WireMockServer server = WireMockServer.Start("http://127.0.0.1:0"); // a free loopback port
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2025, 3, 1, 19, 0, 0, TimeSpan.Zero));
    private readonly List<ServiceProvider> providers = [];
    private readonly ConcurrentQueue<DateTimeOffset> attemptStarts = new();
    private int inFlight;

    public void Dispose()
    {
        foreach (var provider in providers)
        {
            provider.Dispose();
        }

        server.Stop();
        server.Dispose();
    }

    [Fact]
    public async Task SendAsync_Accepted_PostsTheMailWithOpaqueTagsAndNoTracking()
    {
        RespondWith(Response.Create().WithStatusCode(202).WithHeader("X-Message-Id", "msg-accepted"));
        var sender = CreateSut(server.Url!);

        var result = await SendAsync(sender, TestMail.Prompt());

        Assert.Equal(SendResult.Sent("msg-accepted"), result);
        var request = Assert.Single(server.LogEntries).RequestMessage;
        Assert.Equal("Bearer SG.test-key", request.Headers!["Authorization"].Single());
        using var json = JsonDocument.Parse(request.Body!);
        var root = json.RootElement;
        Assert.Equal("hello@compersion.example", root.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal("Compersion", root.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal("ada@example.org", root.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString());
        Assert.Equal("reply+tok123@reply.compersion.example", root.GetProperty("reply_to").GetProperty("email").GetString());
        Assert.Equal("Five good things, Saturday", root.GetProperty("subject").GetString());
        var content = root.GetProperty("content");
        Assert.Equal(2, content.GetArrayLength());
        Assert.Equal("text/plain", content[0].GetProperty("type").GetString());
        Assert.Equal("What are five things you are grateful for today?", content[0].GetProperty("value").GetString());
        Assert.Equal("text/html", content[1].GetProperty("type").GetString());
        Assert.Equal("<p>What are five things you are grateful for today?</p>", content[1].GetProperty("value").GetString());
        var headers = root.GetProperty("headers");
        Assert.Equal(TestMail.UnsubscribeHeader, headers.GetProperty("List-Unsubscribe").GetString());
        Assert.Equal("List-Unsubscribe=One-Click", headers.GetProperty("List-Unsubscribe-Post").GetString());
        var customArgs = root.GetProperty("custom_args");
        Assert.Equal(
            ["job:mfrggzdfmztwq2lk-prompt-2025-03-01", "sid:mfrggzdfmztwq2lk"],
            customArgs.EnumerateObject().Select(p => $"{p.Name}:{p.Value.GetString()}").Order(StringComparer.Ordinal));
        var categories = root.GetProperty("categories");
        Assert.Equal(["prompt"], categories.EnumerateArray().Select(c => c.GetString()));
        Assert.DoesNotContain('@', customArgs.GetRawText());
        Assert.DoesNotContain('@', categories.GetRawText());
        var tracking = root.GetProperty("tracking_settings");
        Assert.False(tracking.GetProperty("click_tracking").GetProperty("enable").GetBoolean());
        Assert.False(tracking.GetProperty("click_tracking").GetProperty("enable_text").GetBoolean());
        Assert.False(tracking.GetProperty("open_tracking").GetProperty("enable").GetBoolean());
        Assert.False(tracking.GetProperty("subscription_tracking").GetProperty("enable").GetBoolean());
    }

    [Fact]
    public async Task SendAsync_MailWithAttachments_PostsEachAsBase64AttachmentWithNameAndType()
    {
        RespondWith(Response.Create().WithStatusCode(202).WithHeader("X-Message-Id", "msg-export"));
        var sender = CreateSut(server.Url!);

        var result = await SendAsync(sender, TestMail.Export());

        Assert.Equal(SendResult.Sent("msg-export"), result);
        using var json = JsonDocument.Parse(Assert.Single(server.LogEntries).RequestMessage.Body!);
        var attachments = json.RootElement.GetProperty("attachments");
        Assert.Equal(2, attachments.GetArrayLength());
        Assert.Equal("compersion-journal.json", attachments[0].GetProperty("filename").GetString());
        Assert.Equal("application/json", attachments[0].GetProperty("type").GetString());
        Assert.Equal("attachment", attachments[0].GetProperty("disposition").GetString());
        Assert.Equal("{\"entries\":[]}", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(attachments[0].GetProperty("content").GetString()!)));
        Assert.Equal("compersion-journal.md", attachments[1].GetProperty("filename").GetString());
        Assert.Equal("text/markdown", attachments[1].GetProperty("type").GetString());
        Assert.Equal("# Journal\n\n1. Café with Zoë\n", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(attachments[1].GetProperty("content").GetString()!)));
    }

    [Fact]
    public async Task SendAsync_MailWithoutAttachments_PostsNoAttachmentsArray()
    {
        RespondWith(Response.Create().WithStatusCode(202).WithHeader("X-Message-Id", "msg-plain"));
        var sender = CreateSut(server.Url!);

        await SendAsync(sender, TestMail.Prompt());

        using var json = JsonDocument.Parse(Assert.Single(server.LogEntries).RequestMessage.Body!);
        Assert.False(json.RootElement.TryGetProperty("attachments", out _));
    }

    [Fact]
    public async Task SendAsync_TagShapedLikeAnAddress_IsNotSentToSendGrid()
    {
        RespondWith(Response.Create().WithStatusCode(202).WithHeader("X-Message-Id", "msg-tags"));
        var sender = CreateSut(server.Url!);
        var mail = TestMail.Prompt() with
        {
            Tags = new Dictionary<string, string> { ["sid"] = "mfrggzdfmztwq2lk", ["to"] = "ada@example.org" },
        };

        var result = await SendAsync(sender, mail);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        using var json = JsonDocument.Parse(Assert.Single(server.LogEntries).RequestMessage.Body!);
        var customArgs = json.RootElement.GetProperty("custom_args");
        Assert.Equal(["sid"], customArgs.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task SendAsync_RateLimitedOnceThenAccepted_RetriesOnceAndIsSent()
    {
        var resetAt = time.GetUtcNow().AddSeconds(3);
        var reset = resetAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        server.Given(Request.Create().WithPath(MailSendPath).UsingPost())
            .InScenario("rate-limit")
            .WillSetStateTo("reset")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("X-RateLimit-Reset", reset));
        server.Given(Request.Create().WithPath(MailSendPath).UsingPost())
            .InScenario("rate-limit")
            .WhenStateIs("reset")
            .RespondWith(Response.Create().WithStatusCode(202).WithHeader("X-Message-Id", "msg-after-429"));
        var sender = CreateSut(server.Url!);

        var result = await SendAsync(sender, TestMail.Prompt());

        Assert.Equal(SendResult.Sent("msg-after-429"), result);
        Assert.Equal(2, server.LogEntries.Count);
        Assert.Equal(server.LogEntries[0].RequestMessage.Body, server.LogEntries[1].RequestMessage.Body);
        var starts = attemptStarts.ToArray();
        Assert.Equal(2, starts.Length);
        Assert.InRange(starts[1], resetAt, resetAt.AddSeconds(2));
    }

    [Fact]
    public async Task SendAsync_RateLimitedOnEveryAttempt_GivesUpAfterThreeRetriesAsNotSent()
    {
        RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"));
        var sender = CreateSut(server.Url!);

        var result = await SendAsync(sender, TestMail.Prompt());

        Assert.Equal(SendResult.NotSent("sendgrid-429"), result);
        Assert.Equal(4, server.LogEntries.Count);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task SendAsync_ServerError_IsUncertainAndNeverRetried(int statusCode)
    {
        RespondWith(Response.Create().WithStatusCode(statusCode));
        var sender = CreateSut(server.Url!);

        var result = await SendAsync(sender, TestMail.Prompt());

        Assert.Equal(SendResult.Uncertain($"sendgrid-5xx:{statusCode}"), result);
        Assert.Single(server.LogEntries);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(413)]
    public async Task SendAsync_RequestRefused_IsNotSentAndNotRetried(int statusCode)
    {
        RespondWith(Response.Create().WithStatusCode(statusCode).WithBody("""{"errors":[{"message":"refused"}]}"""));
        var sender = CreateSut(server.Url!);

        var result = await SendAsync(sender, TestMail.Prompt());

        Assert.Equal(SendResult.NotSent($"sendgrid-4xx:{statusCode}"), result);
        Assert.Single(server.LogEntries);
    }

    [Fact]
    public async Task SendAsync_ConnectionRefused_RetriesThreeTimesThenNotSent()
    {
        var sender = CreateSut($"http://127.0.0.1:{ClosedPort()}");

        var result = await SendAsync(sender, TestMail.Prompt());

        Assert.Equal(SendResult.NotSent("sendgrid-connection-failed"), result);
        Assert.Equal(4, attemptStarts.Count);
    }

    [Fact]
    public async Task SendAsync_AttemptTimesOut_IsUncertainAndNotRetried()
    {
        RespondWith(Response.Create().WithStatusCode(202).WithDelay(TimeSpan.FromSeconds(1)));
        var sender = CreateSut(server.Url!, requestTimeout: "00:00:01");

        var result = await SendAsync(sender, TestMail.Prompt(), advanceDuringRequests: true);

        Assert.Equal(SendResult.Uncertain("sendgrid-timeout"), result);
        Assert.Single(attemptStarts);
    }

    [Fact]
    public async Task SendAsync_CallerAlreadyCancelled_ThrowsWithoutCallingSendGrid()
    {
        RespondWith(Response.Create().WithStatusCode(202));
        var sender = CreateSut(server.Url!);

        var sending = sender.SendAsync(TestMail.Prompt(), new CancellationToken(canceled: true));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        Assert.Empty(server.LogEntries);
    }

    private void RespondWith(IResponseBuilder response) =>
        server.Given(Request.Create().WithPath(MailSendPath).UsingPost()).RespondWith(response);

    private SendGridMailSender CreateSut(string host, string requestTimeout = "00:00:30")
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["SendGrid:ApiKey"] = "SG.test-key",
                ["SendGrid:Host"] = host,
                ["SendGrid:RequestTimeout"] = requestTimeout,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(time);
        services.AddCompersionEmail(configuration);
        services.AddHttpClient(SendGridMailSender.HttpClientName)
            .AddHttpMessageHandler(() => new AttemptRecordingHandler(this));
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        providers.Add(provider);
        return Assert.IsType<SendGridMailSender>(provider.GetRequiredService<IMailSender>());
    }

    /// <summary>Sends while moving the fake clock forward in 250 ms steps, so retry waits pass without real sleeping.</summary>
    /// <remarks>
    /// The clock stands still while a request is in flight (unless <paramref name="advanceDuringRequests"/>), so the
    /// fake time between two attempts is exactly the wait the policy chose, rounded up to a step.
    /// </remarks>
    private async Task<SendResult> SendAsync(SendGridMailSender sender, OutgoingMail mail, bool advanceDuringRequests = false)
    {
        var sending = sender.SendAsync(mail);
        for (var step = 0; !sending.IsCompleted && step < 3_000; step++)
        {
            await Task.WhenAny(sending, Task.Delay(TimeSpan.FromMilliseconds(10)));
            if (advanceDuringRequests || Volatile.Read(ref inFlight) == 0)
            {
                time.Advance(TimeSpan.FromMilliseconds(250));
            }
        }

        return await sending;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Sits inside the retry policy, so it sees every attempt (including ones that never connect) on the fake clock.</summary>
    private sealed class AttemptRecordingHandler(SendGridMailSenderTests test) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            test.attemptStarts.Enqueue(test.time.GetUtcNow());
            Interlocked.Increment(ref test.inFlight);
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref test.inFlight);
            }
        }
    }
}
