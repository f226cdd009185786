using Compersion.Core.Inbound;
using Compersion.Core.Security;
using Compersion.Core.Subscribers;
using Compersion.Core.Tests.Fakes;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Inbound;

public sealed class ReplyAttributionTests
{
    // Two days after the tokens' date, 2026-11-22.
    private static readonly DateTimeOffset Arrival = new(2026, 11, 24, 20, 0, 0, TimeSpan.Zero);

    private readonly InMemorySubscriberStore subscribers = new();

    [Fact]
    public async Task AttributeAsync_ValidTokenFromTheSubscriber_NamesThemTheDateAndThePurpose()
    {
        var sut = await CreateSutAsync();

        var result = await sut.AttributeAsync(Mail(ReplyAddress(TokenPurpose.Digest, "2026-11-22"), "ALEX@example.org", spf: true), Arrival);

        Assert.Equal(AlexId, result.Subscriber?.Id);
        Assert.Equal(Date("2026-11-22"), result.TokenDate);
        Assert.Equal(TokenPurpose.Digest, result.Purpose);
        Assert.True(result.Verified);
    }

    [Fact]
    public async Task AttributeAsync_ValidTokenAndTheirFromButNeitherSpfNorDkim_TheirsButUnverified()
    {
        var sut = await CreateSutAsync();

        var result = await sut.AttributeAsync(Mail(ReplyAddress(TokenPurpose.Prompt, "2026-11-22"), "alex@example.org"), Arrival);

        Assert.Equal(AlexId, result.Subscriber?.Id);
        Assert.False(result.Verified);
    }

    [Theory]
    [InlineData("2026-12-22T23:59:00Z", true)]
    [InlineData("2026-12-23T00:00:00Z", false)]
    public async Task AttributeAsync_TokenThirtyDaysOldOrOlderWithoutSpfOrDkim_TheirsUntilTheDayAfterThenQuarantinedAsExpired(string arrival, bool attributed)
    {
        var sut = await CreateSutAsync();

        var result = await sut.AttributeAsync(Mail(ReplyAddress(TokenPurpose.Prompt, "2026-11-22"), "alex@example.org"), DateTimeOffset.Parse(arrival, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(attributed ? AlexId : null, result.Subscriber?.Id);
        Assert.Equal(attributed ? null : "expired-token", result.Reason);
    }

    [Fact]
    public async Task AttributeAsync_ExpiredTokenFromTheirAddressWithSpf_TheirsAsMailWithoutAToken()
    {
        var sut = await CreateSutAsync();

        var result = await sut.AttributeAsync(Mail(ReplyAddress(TokenPurpose.Digest, "2026-11-22"), "alex@example.org", spf: true), new DateTimeOffset(2027, 1, 10, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal((AlexId, null, null, true), (result.Subscriber?.Id, result.TokenDate, result.Purpose, result.Verified));
    }

    [Fact]
    public async Task AttributeAsync_ExpiredTokenFromAnotherRegisteredAddressWithSpf_QuarantinedNotFiledUnderThem()
    {
        var sut = await CreateSutAsync();
        await subscribers.AddOrGetAsync(Subscriber(SamId) with { Email = "sam@example.org" });

        var result = await sut.AttributeAsync(Mail(ReplyAddress(TokenPurpose.Prompt, "2026-11-22"), "sam@example.org", spf: true), new DateTimeOffset(2027, 1, 10, 12, 0, 0, TimeSpan.Zero));

        Assert.Null(result.Subscriber);
        Assert.Equal("from-mismatch", result.Reason);
    }

    [Fact]
    public async Task AttributeAsync_ValidTokenFromAnotherAddress_Quarantined()
    {
        var sut = await CreateSutAsync();

        var result = await sut.AttributeAsync(Mail(ReplyAddress(TokenPurpose.Prompt, "2026-11-22"), "mallory@example.net", spf: true), Arrival);

        Assert.Null(result.Subscriber);
        Assert.Equal("from-mismatch", result.Reason);
    }

    [Fact]
    public async Task AttributeAsync_TamperedToken_QuarantinedEvenFromTheSubscriber()
    {
        var sut = await CreateSutAsync();
        var token = Signer().ForReply(TokenPurpose.Prompt, AlexId, Date("2026-11-22"));
        var tampered = $"reply+{token[..^1]}{(token[^1] == 'a' ? 'b' : 'a')}@{InboundDomain}";

        var result = await sut.AttributeAsync(Mail(tampered, "alex@example.org", spf: true), Arrival);

        Assert.Null(result.Subscriber);
        Assert.Equal("invalid-token", result.Reason);
    }

    [Fact]
    public async Task AttributeAsync_NoTokenFromARegisteredAddressWithSpf_Attributed()
    {
        var sut = await CreateSutAsync();

        var result = await sut.AttributeAsync(Mail($"hello@{InboundDomain}", "alex@example.org", spf: true), Arrival);

        Assert.Equal(AlexId, result.Subscriber?.Id);
        Assert.Null(result.TokenDate);
    }

    [Fact]
    public async Task AttributeAsync_NoTokenAndNoAuthentication_Quarantined()
    {
        var sut = await CreateSutAsync();

        var result = await sut.AttributeAsync(Mail($"hello@{InboundDomain}", "alex@example.org"), Arrival);

        Assert.Equal("unverified-sender", result.Reason);
    }

    [Fact]
    public async Task AttributeAsync_PendingSubscriberWithAValidToken_Quarantined()
    {
        var sut = await CreateSutAsync(SubscriberStatus.Pending);

        var result = await sut.AttributeAsync(Mail(ReplyAddress(TokenPurpose.Prompt, "2026-11-22"), "alex@example.org"), Arrival);

        Assert.Equal("not-subscribed", result.Reason);
    }

    [Fact]
    public async Task AttributeAsync_UnsubscribedSubscriberWithAValidToken_StillRecognisedSoARESUMECanBeRead()
    {
        var sut = await CreateSutAsync(SubscriberStatus.Unsubscribed);

        var result = await sut.AttributeAsync(Mail(ReplyAddress(TokenPurpose.Note, "2026-11-22"), "alex@example.org"), Arrival);

        Assert.Equal(AlexId, result.Subscriber?.Id);
    }

    [Fact]
    public async Task AttributeAsync_TokenOnAnotherDomain_IsNoToken()
    {
        var sut = await CreateSutAsync();
        var elsewhere = ReplyAddress(TokenPurpose.Prompt, "2026-11-22").Replace(InboundDomain, "elsewhere.example", StringComparison.Ordinal);

        var result = await sut.AttributeAsync(Mail(elsewhere, "alex@example.org"), Arrival);

        Assert.Equal("unverified-sender", result.Reason);
    }

    [Fact]
    public async Task AttributeAsync_TokenFromTheAddressTheyMovedAwayFrom_QuarantinedAsPreviousAddress()
    {
        var sut = await CreateSutAsync();
        await subscribers.UpdateAsync(AlexId, s => s with { PendingAddress = new PendingAddress("alex@new.example", 7, Utc("2026-11-30T00:00:00Z")) });
        await subscribers.ChangeAddressAsync(AlexId, s => s.ConfirmAddress(7, Utc("2026-11-25T12:00:00Z")));

        var fromOld = await sut.AttributeAsync(Mail(ReplyAddress(TokenPurpose.Prompt, "2026-11-22"), "Alex@Example.org", spf: true), Arrival);
        var fromNew = await sut.AttributeAsync(Mail(ReplyAddress(TokenPurpose.Prompt, "2026-11-22"), "alex@new.example"), Arrival);

        Assert.Null(fromOld.Subscriber);
        Assert.Equal("previous-address", fromOld.Reason);
        Assert.Equal(AlexId, fromNew.Subscriber?.Id);
    }

    [Fact]
    public async Task AttributeAsync_TokenFromAConfirmedFurtherAddress_TheirsWithTheSameTwoFactorRules()
    {
        var sut = await CreateSutAsync();
        await subscribers.UpdateAsync(AlexId, s => s with { ExtraAddresses = ["alex@work.example"] });

        var verified = await sut.AttributeAsync(Mail(ReplyAddress(TokenPurpose.Prompt, "2026-11-22"), "Alex@Work.example", spf: true), Arrival);
        var unverified = await sut.AttributeAsync(Mail(ReplyAddress(TokenPurpose.Prompt, "2026-11-22"), "alex@work.example"), Arrival);
        var noToken = await sut.AttributeAsync(Mail("hello@" + InboundDomain, "alex@work.example", spf: true), Arrival);

        Assert.Equal((AlexId, true), (verified.Subscriber?.Id, verified.Verified));
        Assert.Equal((AlexId, false), (unverified.Subscriber?.Id, unverified.Verified));
        Assert.Equal((AlexId, true), (noToken.Subscriber?.Id, noToken.Verified));
    }

    [Fact]
    public async Task AttributeAsync_TokenFromAnAddressStillWaitingForItsLink_QuarantinedNamingTheTokenOwnerForANote()
    {
        var sut = await CreateSutAsync();
        await subscribers.UpdateAsync(AlexId, s => s with { PendingAddress = new PendingAddress("alex@work.example", 7, Utc("2026-11-30T00:00:00Z"), Extra: true) });

        var result = await sut.AttributeAsync(Mail(ReplyAddress(TokenPurpose.Prompt, "2026-11-22"), "alex@work.example", spf: true), Arrival);

        Assert.Null(result.Subscriber);
        Assert.Equal("from-mismatch", result.Reason);
        Assert.Equal(AlexId, result.TokenOwner?.Id);
    }

    private static string ReplyAddress(TokenPurpose purpose, string date) => $"reply+{Signer().ForReply(purpose, AlexId, Date(date))}@{InboundDomain}";

    private static InboundMail Mail(string to, string? from, bool spf = false) => new("m1@example.org", from, [to], "Re: today", "hello", null, spf, false, "hash");

    private async Task<ReplyAttribution> CreateSutAsync(SubscriberStatus status = SubscriberStatus.Active)
    {
        await subscribers.AddOrGetAsync(Subscriber() with { Status = status });
        return new ReplyAttribution(subscribers, Signer(), MailSettings());
    }
}
