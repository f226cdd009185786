using Compersion.Core.Access;
using Compersion.Core.Links;
using Compersion.Core.Mail;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Compersion.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Access;

/// <summary>Settings links: a genuine fresh one opens the page; an old one offers a fresh link, mailed only to the address on file, once a day.</summary>
public sealed class SettingsAccessServiceTests
{
    private readonly InMemorySubscriberStore subscribers = new();
    private readonly InMemoryOutbox outbox = new();
    private readonly RecordingMailSender mail = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task OpenAsync_FreshLink_OpensTheirSettingsWithAJournalLinkAndTheirOwnToday()
    {
        var sut = await CreateSutAsync(Subscriber(zone: "Pacific/Auckland"));

        var access = await sut.OpenAsync(Link(TokenPurpose.Settings, SettingsLinks.Lifetime));

        Assert.Equal(SettingsAccessOutcome.Open, access.Outcome);
        Assert.Equal(AlexId, access.Subscriber!.Id);
        Assert.NotEmpty(access.JournalToken);
        Assert.Equal(new LocalDate(2026, 11, 26), access.Today);
    }

    [Fact]
    public async Task OpenAsync_LinkPastItsLifetime_IsExpiredAndShowsNoSubscriber()
    {
        var sut = await CreateSutAsync(Subscriber());
        var token = Link(TokenPurpose.Settings, SettingsLinks.Lifetime);
        time.Advance(SettingsLinks.Lifetime.ToTimeSpan() + TimeSpan.FromMinutes(1));

        var access = await sut.OpenAsync(token);

        Assert.Equal(SettingsAccessOutcome.Expired, access.Outcome);
        Assert.Null(access.Subscriber);
    }

    [Fact]
    public async Task OpenAsync_LinkMadeBeforeTheirAddressChanged_IsTreatedAsExpired()
    {
        var token = Link(TokenPurpose.Settings, SettingsLinks.Lifetime);
        time.Advance(TimeSpan.FromMinutes(5));
        var sut = await CreateSutAsync(Subscriber() with { AddressChangedAt = Now() });

        var access = await sut.OpenAsync(token);

        Assert.Equal(SettingsAccessOutcome.Expired, access.Outcome);
        Assert.Null(access.Subscriber);
    }

    [Theory]
    [InlineData(TokenPurpose.Journal)]
    [InlineData(TokenPurpose.Delete)]
    public async Task OpenAsync_LinkOfAnotherPurpose_IsInvalid(TokenPurpose purpose)
    {
        var sut = await CreateSutAsync(Subscriber());

        var access = await sut.OpenAsync(Link(purpose, SettingsLinks.Lifetime));

        Assert.Equal(SettingsAccessOutcome.Invalid, access.Outcome);
        Assert.Null(access.Subscriber);
    }

    [Fact]
    public async Task SendFreshLinkAsync_ExpiredGenuineLinkAskedTwiceTheSameDay_MailsOneFreshLinkToTheAddressOnFile()
    {
        var sut = await CreateSutAsync(Subscriber());
        var token = Link(TokenPurpose.Settings, SettingsLinks.Lifetime);
        time.Advance(TimeSpan.FromDays(2));

        var first = await sut.SendFreshLinkAsync(token);
        var second = await sut.SendFreshLinkAsync(token);

        Assert.True(first);
        Assert.True(second);
        var sent = Assert.Single(mail.Sent);
        Assert.Equal("alex@example.org", sent.To);
        Assert.Contains($"{PublicBaseUrl}/api/settings?token=", sent.Text, StringComparison.Ordinal);
        var fresh = (await sut.OpenAsync(TokenIn(sent.Text))).Outcome;
        Assert.Equal(SettingsAccessOutcome.Open, fresh);
    }

    [Fact]
    public async Task SendFreshLinkAsync_SendFails_TheNextAskSendsAgain()
    {
        var sut = await CreateSutAsync(Subscriber());
        var token = Link(TokenPurpose.Settings, SettingsLinks.Lifetime);
        mail.Answer = SendResult.NotSent("SendGrid said 500");
        await sut.SendFreshLinkAsync(token);
        mail.Answer = SendResult.Sent("sg-2");

        await sut.SendFreshLinkAsync(token);

        Assert.Equal(2, mail.Sent.Count);
    }

    [Fact]
    public async Task SendFreshJournalLinkAsync_GenuineJournalLink_MailsAFreshJournalLink()
    {
        var sut = await CreateSutAsync(Subscriber());

        await sut.SendFreshJournalLinkAsync(Link(TokenPurpose.Journal, JournalLinks.Lifetime));

        var sent = Assert.Single(mail.Sent);
        Assert.Contains($"{PublicBaseUrl}/api/journal?token=", sent.Text, StringComparison.Ordinal);
        Assert.Equal("Your journal link", sent.Subject);
    }

    [Fact]
    public async Task SendFreshLinkAsync_TamperedToken_SendsNothing()
    {
        var sut = await CreateSutAsync(Subscriber());
        var token = Link(TokenPurpose.Settings, SettingsLinks.Lifetime);

        var sent = await sut.SendFreshLinkAsync(token[..^2] + (token[^2] == 'A' ? "BB" : "AA"));

        Assert.False(sent);
        Assert.Empty(mail.Sent);
    }

    [Fact]
    public async Task SendFreshLinkAsync_SignUpNotYetConfirmed_SendsNothing()
    {
        var sut = await CreateSutAsync(Subscriber() with { Status = SubscriberStatus.Pending, ConfirmedAt = null });

        var sent = await sut.SendFreshLinkAsync(Link(TokenPurpose.Settings, SettingsLinks.Lifetime));

        Assert.False(sent);
        Assert.Empty(mail.Sent);
    }

    private Instant Now() => Instant.FromDateTimeOffset(time.GetUtcNow());

    private string Link(TokenPurpose purpose, Duration lifetime) => Signer().ForLink(purpose, AlexId, Now() + lifetime);

    private static string TokenIn(string text)
    {
        var start = text.IndexOf("token=", StringComparison.Ordinal) + "token=".Length;
        var end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('>' or ')' or '"'))
        {
            end++;
        }

        return Uri.UnescapeDataString(text[start..end]);
    }

    private async Task<SettingsAccessService> CreateSutAsync(Subscriber subscriber)
    {
        await subscribers.AddOrGetAsync(subscriber);
        return new SettingsAccessService(
            Signer(),
            subscribers,
            new NoteComposer(MailSettings(), Signer(), time),
            mail,
            outbox,
            MailSettings(),
            time,
            NullLogger<SettingsAccessService>.Instance);
    }
}
