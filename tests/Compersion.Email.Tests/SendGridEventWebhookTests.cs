using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Compersion.Email.Tests;

public sealed class SendGridEventWebhookTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 19, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        """[{"email":"ada@example.org","event":"bounce","sg_event_id":"ev-1","timestamp":1740855600,"sid":"mfrggzdfmztwq2lk"}]""");

    private readonly ECDsa sendGridKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => sendGridKey.Dispose();

    [Fact]
    public void Verify_SignedByTheConfiguredKey_Verified()
    {
        var sut = CreateSut();
        var timestamp = UnixSeconds(Now.AddSeconds(-30));

        var result = sut.Verify(Body, Sign(sendGridKey, timestamp, Body), timestamp, Now);

        Assert.Equal(EventWebhookResult.Verified, result);
    }

    [Fact]
    public void Verify_BodyTampered_RejectedAsInvalidSignature()
    {
        var sut = CreateSut();
        var timestamp = UnixSeconds(Now);
        var signature = Sign(sendGridKey, timestamp, Body);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("bounce", "delivered", StringComparison.Ordinal));

        var result = sut.Verify(tampered, signature, timestamp, Now);

        Assert.Equal(EventWebhookResult.Rejected(EventWebhookResult.InvalidSignature), result);
    }

    [Fact]
    public void Verify_TimestampSwappedForAFresherOne_RejectedAsInvalidSignature()
    {
        var sut = CreateSut();
        var signature = Sign(sendGridKey, UnixSeconds(Now.AddMinutes(-9)), Body);

        var result = sut.Verify(Body, signature, UnixSeconds(Now), Now);

        Assert.Equal(EventWebhookResult.Rejected(EventWebhookResult.InvalidSignature), result);
    }

    [Fact]
    public void Verify_SignedByAnotherKey_RejectedAsInvalidSignature()
    {
        var sut = CreateSut();
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var timestamp = UnixSeconds(Now);

        var result = sut.Verify(Body, Sign(otherKey, timestamp, Body), timestamp, Now);

        Assert.Equal(EventWebhookResult.Rejected(EventWebhookResult.InvalidSignature), result);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("AAAA")]
    public void Verify_GarbageSignature_RejectedAsInvalidSignature(string signature)
    {
        var sut = CreateSut();
        var timestamp = UnixSeconds(Now);

        var result = sut.Verify(Body, signature, timestamp, Now);

        Assert.Equal(EventWebhookResult.Rejected(EventWebhookResult.InvalidSignature), result);
    }

    [Fact]
    public void Verify_OlderThanMaxAge_RejectedAsStale()
    {
        var sut = CreateSut();
        var timestamp = UnixSeconds(Now.AddMinutes(-10).AddSeconds(-1));

        var result = sut.Verify(Body, Sign(sendGridKey, timestamp, Body), timestamp, Now);

        Assert.Equal(EventWebhookResult.Rejected(EventWebhookResult.StaleTimestamp), result);
    }

    [Fact]
    public void Verify_ExactlyMaxAgeOld_Verified()
    {
        var sut = CreateSut();
        var timestamp = UnixSeconds(Now.AddMinutes(-10));

        var result = sut.Verify(Body, Sign(sendGridKey, timestamp, Body), timestamp, Now);

        Assert.True(result.IsVerified);
    }

    [Fact]
    public void Verify_MoreThanFiveMinutesAhead_RejectedAsFuture()
    {
        var sut = CreateSut();
        var timestamp = UnixSeconds(Now.AddMinutes(5).AddSeconds(1));

        var result = sut.Verify(Body, Sign(sendGridKey, timestamp, Body), timestamp, Now);

        Assert.Equal(EventWebhookResult.Rejected(EventWebhookResult.FutureTimestamp), result);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Verify_NoSignature_RejectedAsMissingSignature(string? signature)
    {
        var sut = CreateSut();

        var result = sut.Verify(Body, signature, UnixSeconds(Now), Now);

        Assert.Equal(EventWebhookResult.Rejected(EventWebhookResult.MissingSignature), result);
    }

    [Fact]
    public void Verify_NoTimestamp_RejectedAsMissingTimestamp()
    {
        var sut = CreateSut();

        var result = sut.Verify(Body, Sign(sendGridKey, string.Empty, Body), null, Now);

        Assert.Equal(EventWebhookResult.Rejected(EventWebhookResult.MissingTimestamp), result);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("-1740855600")]
    [InlineData("1740855600.5")]
    [InlineData("99999999999999999999")]
    public void Verify_TimestampNotUnixSeconds_RejectedAsInvalidTimestamp(string timestamp)
    {
        var sut = CreateSut();

        var result = sut.Verify(Body, Sign(sendGridKey, timestamp, Body), timestamp, Now);

        Assert.Equal(EventWebhookResult.Rejected(EventWebhookResult.InvalidTimestamp), result);
    }

    [Fact]
    public void Verify_NoKeyConfigured_RejectsEvenAValidlySignedPost()
    {
        var sut = new SendGridEventWebhook(Options.Create(new SendGridOptions()));
        var timestamp = UnixSeconds(Now);

        var result = sut.Verify(Body, Sign(sendGridKey, timestamp, Body), timestamp, Now);

        Assert.Equal(EventWebhookResult.Rejected(EventWebhookResult.NoKeyConfigured), result);
    }

    [Fact]
    public void Verify_KeyOnAnotherCurve_RejectedAsInvalidKey()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var sut = new SendGridEventWebhook(Options.Create(new SendGridOptions
        {
            EventWebhookPublicKey = Convert.ToBase64String(p384.ExportSubjectPublicKeyInfo()),
        }));
        var timestamp = UnixSeconds(Now);

        var result = sut.Verify(Body, Sign(p384, timestamp, Body), timestamp, Now);

        Assert.Equal(EventWebhookResult.Rejected(EventWebhookResult.InvalidKey), result);
    }

    [Fact]
    public void TryParse_SendGridEventPost_ReadsEventsWithOpaqueIdsOnly()
    {
        var body = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "events", "sendgrid-events.json"));

        var parsed = SendGridEventWebhook.TryParse(body, out var events);

        Assert.True(parsed);
        Assert.Equal(
            ["processed", "delivered", "bounce", "dropped", "spamreport", "unsubscribe", "group_unsubscribe", "deferred", "open"],
            events.Select(e => e.EventType));
        Assert.Equal(
            new DeliveryEvent(
                "bounce",
                "nbswy3dpnbswy3dp",
                "Ym91bmNlLTAwMDAz",
                DateTimeOffset.FromUnixTimeSeconds(1740859260),
                "Pk2aB9cDeFgHiJkLmNoPqR.filter0042p1las1-12345-67C2A0E0-2.0",
                "nbswy3dpnbswy3dp-digest-2025-03-02"),
            events[2]);
        Assert.Equal(
            ["nbswy3dpnbswy3dp", "onxw2zlsmfxgk43u", "ojsxg5djmvzhi2lb", "mjqxgzjamjqxgzja", "gezdgnbvgy3tqojq"],
            events.Where(e => e.StopsDelivery).Select(e => e.SubscriberId));
        Assert.Null(events[7].SubscriberId);
        Assert.Null(events[8].SubscriberId);
        Assert.DoesNotContain(events, e => e.ToString().Contains('@', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[{\"event\":\"bounce\"")]
    [InlineData("{\"event\":\"bounce\",\"sid\":\"mfrggzdfmztwq2lk\"}")]
    [InlineData("[] trailing")]
    public void TryParse_Malformed_FalseAndNoEvents(string body)
    {
        var parsed = SendGridEventWebhook.TryParse(Encoding.UTF8.GetBytes(body), out var events);

        Assert.False(parsed);
        Assert.Empty(events);
    }

    [Fact]
    public void TryParse_OddElements_SkipsThemAndKeepsTheRest()
    {
        var body = Encoding.UTF8.GetBytes(
            """[42, {"email":"x@example.org"}, {"event":7}, {"event":"bounce","sid":"mfrggzdfmztwq2lk","timestamp":"soon"}]""");

        var parsed = SendGridEventWebhook.TryParse(body, out var events);

        Assert.True(parsed);
        var bounce = Assert.Single(events);
        Assert.Equal("mfrggzdfmztwq2lk", bounce.SubscriberId);
        Assert.Null(bounce.Timestamp);
        Assert.Null(bounce.EventId);
    }

    [Theory]
    [InlineData("bounce", true)]
    [InlineData("dropped", true)]
    [InlineData("spamreport", true)]
    [InlineData("unsubscribe", true)]
    [InlineData("group_unsubscribe", true)]
    [InlineData("delivered", false)]
    [InlineData("deferred", false)]
    [InlineData("open", false)]
    [InlineData("group_resubscribe", false)]
    public void StopsDelivery_EventType_OnlyForBouncesDropsComplaintsAndUnsubscribes(string eventType, bool expected)
    {
        var deliveryEvent = new DeliveryEvent(eventType, "mfrggzdfmztwq2lk", "ev", Now);

        var stops = deliveryEvent.StopsDelivery;

        Assert.Equal(expected, stops);
    }

    private SendGridEventWebhook CreateSut() => new(Options.Create(new SendGridOptions
    {
        EventWebhookPublicKey = Convert.ToBase64String(sendGridKey.ExportSubjectPublicKeyInfo()),
        EventWebhookMaxAge = TimeSpan.FromMinutes(10),
    }));

    private static string UnixSeconds(DateTimeOffset instant) => instant.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static string Sign(ECDsa key, string timestamp, byte[] body)
    {
        byte[] signed = [.. Encoding.UTF8.GetBytes(timestamp), .. body];
        return Convert.ToBase64String(key.SignData(signed, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }
}
