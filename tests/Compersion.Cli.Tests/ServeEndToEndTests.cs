using System.Net;
using System.Net.Http.Json;
using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace Compersion.Cli.Tests;

public sealed class ServeEndToEndTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SignUpConfirmDispatchUnsubscribe_ThroughServe_OnePromptThenNoMore()
    {
        await using var local = await LocalHostFixture.StartAsync(Noon);

        var signUp = await local.Http.PostAsJsonAsync("/api/subscribe", new { email = "ada@example.com", zone = "Europe/Berlin", time = "20:00" });
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var confirmation = Assert.Single(Outbox.Read(local.Outbox, "confirm"));
        var confirmed = await local.ConfirmSignUpAsync(confirmation);
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var welcome = Assert.Single(Outbox.Read(local.Outbox, "welcome"));

        local.Clock.SetTo(new DateTimeOffset(2026, 11, 25, 19, 0, 30, TimeSpan.Zero));
        var dispatch = await local.Http.PostAsync($"/admin/functions/DispatchDueFunction?code={local.Host.Keys.MasterKey}", null);
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var prompt = Assert.Single(Outbox.Read(local.Outbox, "prompt"));

        Assert.Equal(HttpStatusCode.Accepted, signUp.StatusCode);
        Assert.Contains("Your first prompt comes this evening at 20:00 Berlin time.", welcome.TextBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, dispatch.StatusCode);
        Assert.Equal("ada@example.com", prompt.To.Mailboxes.Single().Address);
        Assert.Contains("25 November", prompt.Subject, StringComparison.Ordinal);
        Assert.StartsWith("reply+", prompt.ReplyTo.Mailboxes.Single().Address, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", prompt.Headers["List-Unsubscribe-Post"]);

        var unsubscribeUrl = prompt.Headers["List-Unsubscribe"]!.Split(',').Select(p => p.Trim().Trim('<', '>')).First(p => p.StartsWith("http", StringComparison.Ordinal));
        var unsubscribed = await local.Http.PostAsync(new Uri(unsubscribeUrl), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        var again = await local.Http.PostAsync(new Uri(unsubscribeUrl), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        local.Clock.SetTo(new DateTimeOffset(2026, 11, 26, 19, 0, 30, TimeSpan.Zero));
        await local.Http.PostAsync($"/admin/functions/DispatchDueFunction?code={local.Host.Keys.MasterKey}", null);
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(Outbox.Read(local.Outbox, "prompt"));
        var subscriber = await local.Host.Services.GetRequiredService<ISubscriberStore>().FindByEmailAsync("ada@example.com");
        Assert.Equal(SubscriberStatus.Unsubscribed, subscriber!.Status);
    }

    /// <summary>serve runs the retention timer as the Functions host would: the sent prompt's outbox row outlives 35 days, then goes.</summary>
    [Fact]
    public async Task CleanupFunction_ThroughServe_SentPromptRowKeptFor35DaysThenDeleted()
    {
        await using var local = await LocalHostFixture.StartAsync(Noon);
        Assert.True(SignUpRequest.TryCreate("ada@example.com", "Europe/Berlin", "20:00", null, null, out var request, out _));
        var ada = await local.Host.Services.GetRequiredService<SubscriptionService>().AddConfirmedAsync(request!);
        local.Clock.SetTo(new DateTimeOffset(2026, 11, 25, 19, 0, 30, TimeSpan.Zero));
        await local.Host.RunTimerAsync("DispatchDueFunction", CancellationToken.None);
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var outbox = new Azure.Data.Tables.TableClient(local.Azurite.ConnectionString, "outbox");
        var promptRow = Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {ada.Id} and RowKey eq {"prompt|2026-11-25"}");

        local.Clock.SetTo(new DateTimeOffset(2026, 12, 30, 12, 0, 0, TimeSpan.Zero));
        var ran = await local.Host.RunTimerAsync("CleanupFunction", CancellationToken.None);
        var after35Days = await outbox.QueryAsync<Azure.Data.Tables.TableEntity>(promptRow).CountAsync();
        local.Clock.SetTo(new DateTimeOffset(2026, 12, 31, 12, 0, 0, TimeSpan.Zero));
        await local.Host.RunTimerAsync("CleanupFunction", CancellationToken.None);
        var after36Days = await outbox.QueryAsync<Azure.Data.Tables.TableEntity>(promptRow).CountAsync();

        Assert.True(ran);
        Assert.Single(Outbox.Read(local.Outbox, "prompt"));
        Assert.Equal((1, 0), (after35Days, after36Days));
    }

    [Fact]
    public async Task Subscribe_Unconfirmed_GetsOnlyTheConfirmation()
    {
        await using var local = await LocalHostFixture.StartAsync(Noon);

        await local.Http.PostAsJsonAsync("/api/subscribe", new { email = "bo@example.com", zone = "Europe/Berlin", time = "20:00" });
        local.Clock.SetTo(new DateTimeOffset(2026, 11, 27, 21, 0, 0, TimeSpan.Zero));
        await local.Http.PostAsync($"/admin/functions/DispatchDueFunction?code={local.Host.Keys.MasterKey}", null);
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        var mails = Outbox.Read(local.Outbox);
        Assert.Equal("confirm", Assert.Single(mails).Headers["X-Compersion-Kind"]);
    }

    [Fact]
    public async Task Subscribe_Twice_SameAnswerAndOneConfirmation()
    {
        await using var local = await LocalHostFixture.StartAsync(Noon);

        var first = await local.Http.PostAsJsonAsync("/api/subscribe", new { email = "cy@example.com", zone = "Asia/Kolkata", time = "07:30" });
        var second = await local.Http.PostAsync("/api/subscribe", new FormUrlEncodedContent([new("email", "cy@example.com"), new("zone", "Asia/Kolkata"), new("time", "07:30")]));
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var stranger = await local.Http.PostAsJsonAsync("/api/subscribe", new { email = "new@example.com", zone = "Asia/Kolkata", time = "07:30" });

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await stranger.Content.ReadAsStringAsync());
        Assert.Single(Outbox.Read(local.Outbox, "confirm"));
    }

    [Theory]
    [InlineData("{\"email\":\"not-an-address\",\"zone\":\"Europe/Berlin\",\"time\":\"20:00\"}", "email address")]
    [InlineData("{\"email\":\"a@example.com\",\"zone\":\"Mars/Olympus\",\"time\":\"20:00\"}", "time zone")]
    [InlineData("{\"email\":\"a@example.com\",\"zone\":\"Europe/Berlin\",\"time\":\"25:61\"}", "HH:mm")]
    [InlineData("{\"email\":\"a@example.com\",\"zone\":\"Europe/Berlin\",\"time\":\"20:00\",\"digestDay\":\"Caturday\"}", "weekday")]
    [InlineData("{not json", "valid JSON")]
    public async Task Subscribe_BadInput_400WithReasonAndNothingStored(string body, string reason)
    {
        await using var local = await LocalHostFixture.StartAsync(Noon);

        var response = await local.Http.PostAsync("/api/subscribe", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await local.Host.Services.GetRequiredService<ISubscriberStore>().ListAsync().ToListAsync());
        Assert.Empty(Outbox.Read(local.Outbox));
    }

    [Fact]
    public async Task Subscribe_OversizedBody_400AndNothingStored()
    {
        await using var local = await LocalHostFixture.StartAsync(Noon);
        var padding = new string('x', 64 * 1024);

        var response = await local.Http.PostAsync("/api/subscribe", new StringContent($"{{\"email\":\"a@example.com\",\"zone\":\"Europe/Berlin\",\"time\":\"20:00\",\"pad\":\"{padding}\"}}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("too large", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await local.Host.Services.GetRequiredService<ISubscriberStore>().ListAsync().ToListAsync());
    }

    [Fact]
    public async Task Confirm_LinkOnlyFetched_StillPendingUntilTheButtonThenOneWelcome()
    {
        await using var local = await LocalHostFixture.StartAsync(Noon);
        await local.Http.PostAsJsonAsync("/api/subscribe", new { email = "gus@example.com", zone = "Europe/Berlin", time = "20:00" });
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var confirmation = Assert.Single(Outbox.Read(local.Outbox, "confirm"));
        var store = local.Host.Services.GetRequiredService<ISubscriberStore>();

        // A mail scanner (or a preview) fetches the link, twice.
        var scanned = await local.Http.GetAsync(new Uri(Outbox.Link(confirmation, "/api/confirm")));
        await local.Http.GetAsync(new Uri(Outbox.Link(confirmation, "/api/confirm")));
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var afterScan = (await store.FindByEmailAsync("gus@example.com"))!.Status;
        var confirmed = await local.ConfirmSignUpAsync(confirmation);
        var reclicked = await local.Http.GetAsync(new Uri(Outbox.Link(confirmation, "/api/confirm")));
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, scanned.StatusCode);
        Assert.Contains("Yes, start my emails", await scanned.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Pending, afterScan);
        Assert.Equal("You're in", WebClient.Heading(await confirmed.Content.ReadAsStringAsync()));
        Assert.Equal("Already confirmed", WebClient.Heading(await reclicked.Content.ReadAsStringAsync()));
        Assert.Equal(SubscriberStatus.Active, (await store.FindByEmailAsync("gus@example.com"))!.Status);
        Assert.Single(Outbox.Read(local.Outbox, "welcome"));
    }

    [Fact]
    public async Task Confirm_PostWithoutThePagesFormToken_RefusedAndStillPending()
    {
        await using var local = await LocalHostFixture.StartAsync(Noon);
        await local.Http.PostAsJsonAsync("/api/subscribe", new { email = "hal@example.com", zone = "Europe/Berlin", time = "20:00" });
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var link = Outbox.Link(Assert.Single(Outbox.Read(local.Outbox, "confirm")), "/api/confirm");
        var token = link[(link.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..];

        var posted = await local.Http.PostAsync("/api/confirm", new FormUrlEncodedContent([new("token", token)]));

        Assert.False(posted.IsSuccessStatusCode);
        Assert.Equal(SubscriberStatus.Pending, (await local.Host.Services.GetRequiredService<ISubscriberStore>().FindByEmailAsync("hal@example.com"))!.Status);
    }

    [Fact]
    public async Task Confirm_TamperedOrMissingToken_400AndStillPending()
    {
        await using var local = await LocalHostFixture.StartAsync(Noon);
        await local.Http.PostAsJsonAsync("/api/subscribe", new { email = "dee@example.com", zone = "Europe/Berlin", time = "20:00" });
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var link = Outbox.Link(Assert.Single(Outbox.Read(local.Outbox, "confirm")), "/api/confirm");
        var tampered = link[..^1] + (link[^1] == 'a' ? 'b' : 'a');

        var forged = await local.Http.GetAsync(new Uri(tampered));
        var missing = await local.Http.GetAsync("/api/confirm");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var subscriber = await local.Host.Services.GetRequiredService<ISubscriberStore>().FindByEmailAsync("dee@example.com");
        Assert.Equal(SubscriberStatus.Pending, subscriber!.Status);
    }

    [Fact]
    public async Task Confirm_AfterThreeDays_ExpiredAndStillPending()
    {
        await using var local = await LocalHostFixture.StartAsync(Noon);
        await local.Http.PostAsJsonAsync("/api/subscribe", new { email = "eve@example.com", zone = "Europe/Berlin", time = "20:00" });
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var link = Outbox.Link(Assert.Single(Outbox.Read(local.Outbox, "confirm")), "/api/confirm");

        local.Clock.SetTo(Noon.AddDays(3).AddMinutes(1));
        var response = await local.Http.GetAsync(new Uri(link));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminEndpoint_WithoutMasterKey_401()
    {
        await using var local = await LocalHostFixture.StartAsync(Noon);

        var none = await local.Http.PostAsync("/admin/functions/DispatchDueFunction", null);
        var functionKey = await local.Http.PostAsync($"/admin/functions/DispatchDueFunction?code={local.Host.Keys.FunctionKey}", null);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, functionKey.StatusCode);
    }

    [Fact]
    public async Task Serve_PollsQueues_ConfirmationArrivesWithoutADrain()
    {
        await using var local = await LocalHostFixture.StartAsync(Noon, pollQueues: true);

        await local.Http.PostAsJsonAsync("/api/subscribe", new { email = "flo@example.com", zone = "Pacific/Chatham", time = "06:45" });
        var confirmation = await Outbox.WaitForAsync(local.Outbox, "confirm");

        Assert.Equal("flo@example.com", confirmation.To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task OutboundQueue_MalformedMessage_MovesToPoisonAfterFiveAttempts()
    {
        await using var local = await LocalHostFixture.StartAsync(Noon);
        var queue = new Azure.Storage.Queues.QueueClient(local.Azurite.ConnectionString, "outbound", new Azure.Storage.Queues.QueueClientOptions { MessageEncoding = Azure.Storage.Queues.QueueMessageEncoding.Base64 });
        var poison = new Azure.Storage.Queues.QueueClient(local.Azurite.ConnectionString, "outbound-poison", new Azure.Storage.Queues.QueueClientOptions { MessageEncoding = Azure.Storage.Queues.QueueMessageEncoding.Base64 });
        await queue.SendMessageAsync("{\"sid\":\"nope\"}");

        var handled = await local.Host.DrainQueuesAsync(CancellationToken.None);

        var poisoned = (await poison.ReceiveMessagesAsync(10)).Value;
        Assert.Equal(5, handled);
        Assert.Equal("{\"sid\":\"nope\"}", Assert.Single(poisoned).MessageText);
        Assert.Empty((await queue.PeekMessagesAsync(10)).Value);
    }
}
