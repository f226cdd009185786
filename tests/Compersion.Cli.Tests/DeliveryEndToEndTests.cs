using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Compersion.Core.Scheduling;
using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Compersion.Cli.Tests;

public sealed class DeliveryEndToEndTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Prompt_WithSendGridKey_PostedToSendGridOnceEvenWhenTheJobIsRedelivered()
    {
        using var sendGrid = WireMockServer.Start();
        sendGrid.Given(Request.Create().WithPath("/v3/mail/send").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(202).WithHeader("X-Message-Id", "sg-msg-1"));
        await using var local = await LocalHostFixture.StartAsync(Noon, settings: new Dictionary<string, string?>
        {
            ["SendGrid:ApiKey"] = "SG.test-key",
            ["SendGrid:Host"] = sendGrid.Url,
        });
        var subscriber = await AddAsync(local, "gil@example.com", "Australia/Lord_Howe", "08:00");

        local.Clock.SetTo(new DateTimeOffset(2026, 11, 25, 21, 0, 30, TimeSpan.Zero));
        await local.Host.RunTimerAsync("DispatchDueFunction", CancellationToken.None);
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        await RequeueAsync(local, OutboundJob.For(subscriber.Id, JobKind.Prompt, new NodaTime.LocalDate(2026, 11, 26)));
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        var request = Assert.Single(sendGrid.LogEntries).RequestMessage;
        using var payload = JsonDocument.Parse(request.Body!);
        var root = payload.RootElement;
        Assert.Equal("Bearer SG.test-key", request.Headers!["Authorization"].Single());
        Assert.Equal("gil@example.com", root.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString());
        Assert.StartsWith("reply+", root.GetProperty("reply_to").GetProperty("email").GetString(), StringComparison.Ordinal);
        Assert.Contains("Thursday, 26 November", root.GetProperty("subject").GetString(), StringComparison.Ordinal);
        var headers = root.GetProperty("personalizations")[0].TryGetProperty("headers", out var h) ? h : root.GetProperty("headers");
        Assert.Equal("List-Unsubscribe=One-Click", headers.GetProperty("List-Unsubscribe-Post").GetString());
        Assert.DoesNotContain("@", request.Body!.Split("\"custom_args\"")[1].Split('}')[0], StringComparison.Ordinal);
        Assert.Empty(Outbox.Read(local.Outbox));
    }

    [Fact]
    public async Task SendGridEvents_SignedBounce_PausesTheSubscriberAndNoMorePrompts()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using var local = await LocalHostFixture.StartAsync(Noon, settings: new Dictionary<string, string?>
        {
            ["SendGrid:EventWebhookPublicKey"] = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()),
        });
        var subscriber = await AddAsync(local, "hal@example.com", "Europe/Berlin", "20:00");
        var body = $$"""[{"email":"hal@example.com","event":"bounce","sg_event_id":"ev-1","timestamp":{{Noon.ToUnixTimeSeconds()}},"sid":"{{subscriber.Id}}"}]""";

        var response = await PostEventsAsync(local, key, body);
        var redelivered = await PostEventsAsync(local, key, body);
        local.Clock.SetTo(new DateTimeOffset(2026, 11, 25, 19, 0, 30, TimeSpan.Zero));
        await local.Host.RunTimerAsync("DispatchDueFunction", CancellationToken.None);
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        var stored = await local.Host.Services.GetRequiredService<ISubscriberStore>().FindByIdAsync(subscriber.Id);
        Assert.Equal(SubscriberStatus.Paused, stored!.Status);
        Assert.Empty(Outbox.Read(local.Outbox, "prompt"));
    }

    [Fact]
    public async Task SendGridEvents_UnsignedOrForged_401AndNothingChanges()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using var local = await LocalHostFixture.StartAsync(Noon, settings: new Dictionary<string, string?>
        {
            ["SendGrid:EventWebhookPublicKey"] = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()),
        });
        var subscriber = await AddAsync(local, "ida@example.com", "Europe/Berlin", "20:00");
        var body = $$"""[{"event":"spamreport","sg_event_id":"ev-2","sid":"{{subscriber.Id}}"}]""";

        var unsigned = await local.Http.PostAsync("/api/events/sendgrid", new StringContent(body, Encoding.UTF8, "application/json"));
        var forged = await PostEventsAsync(local, attacker, body);

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        var stored = await local.Host.Services.GetRequiredService<ISubscriberStore>().FindByIdAsync(subscriber.Id);
        Assert.Equal(SubscriberStatus.Active, stored!.Status);
    }

    private static async Task<Subscriber> AddAsync(LocalHostFixture local, string email, string zone, string time)
    {
        Assert.True(SignUpRequest.TryCreate(email, zone, time, null, null, out var request, out _));
        return await local.Host.Services.GetRequiredService<SubscriptionService>().AddConfirmedAsync(request!);
    }

    private static async Task RequeueAsync(LocalHostFixture local, OutboundJob job)
    {
        var queue = new Azure.Storage.Queues.QueueClient(local.Azurite.ConnectionString, "outbound", new Azure.Storage.Queues.QueueClientOptions { MessageEncoding = Azure.Storage.Queues.QueueMessageEncoding.Base64 });
        await queue.SendMessageAsync(job.ToJson());
    }

    private static async Task<HttpResponseMessage> PostEventsAsync(LocalHostFixture local, ECDsa key, string body)
    {
        var timestamp = local.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = key.SignData(Encoding.UTF8.GetBytes(timestamp + body), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events/sendgrid") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Twilio-Email-Event-Webhook-Signature", Convert.ToBase64String(signature));
        request.Headers.Add("X-Twilio-Email-Event-Webhook-Timestamp", timestamp);
        return await local.Http.SendAsync(request);
    }
}
