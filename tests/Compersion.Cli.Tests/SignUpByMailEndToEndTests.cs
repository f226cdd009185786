using Compersion.Cli.Inbox;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Compersion.Cli.Tests;

/// <summary>
/// Sign-up by mail through <c>serve</c>'s webhook: a mail to <c>start@</c> the inbound domain gets the page's double
/// opt-in (one confirmation a day however many mails, nothing subscribed until the link is clicked), a verified
/// subscriber gets their settings link, and a forged subscriber's address gets nothing.
/// </summary>
public sealed class SignUpByMailEndToEndTests
{
    // 12:00 UTC, 13:00 in Berlin.
    private static readonly DateTimeOffset Noon = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task StartMail_ThreeFromANewAddress_OneConfirmationAndSubscribedOnlyOnceTheLinkIsClicked()
    {
        await using var local = await LocalHostFixture.StartAsync(Noon);

        await local.PostInboundAsync(InboundParsePost.Raw(StartMail(local, "ada@example.com", "Hello, I'd like to join! Europe/Berlin")));
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        foreach (var text in new[] { "Did it work?", "One more try" })
        {
            await local.PostInboundAsync(InboundParsePost.Raw(StartMail(local, "ada@example.com", text)));
        }

        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var store = local.Host.Services.GetRequiredService<ISubscriberStore>();
        var pending = await store.FindByEmailAsync("ada@example.com");
        var confirmation = Assert.Single(Outbox.Read(local.Outbox, "confirm"));
        await local.ConfirmSignUpAsync(confirmation);
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        Assert.Equal((SubscriberStatus.Pending, "Europe/Berlin"), (pending!.Status, pending.Zone));
        Assert.Equal("ada@example.com", confirmation.To.Mailboxes.Single().Address);
        Assert.Equal(SubscriberStatus.Active, (await store.FindByEmailAsync("ada@example.com"))!.Status);
        Assert.Single(Outbox.Read(local.Outbox, "welcome"));
        Assert.Empty(Outbox.Read(local.Outbox, "receipt"));
    }

    [Fact]
    public async Task StartMail_FromASubscriber_SettingsLinkIfVerifiedAndNothingIfForged()
    {
        await using var local = await LocalHostFixture.StartAsync(Noon);
        Assert.True(SignUpRequest.TryCreate("ben@example.com", "Europe/Berlin", "20:00", null, null, out var request, out _));
        await local.Host.Services.GetRequiredService<SubscriptionService>().AddConfirmedAsync(request!);
        var before = Outbox.Read(local.Outbox).Count;

        await local.PostInboundAsync(InboundParsePost.Raw(StartMail(local, "ben@example.com", "start"), spf: "fail", dkim: "{@example.com : fail}"));
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var afterForged = Outbox.Read(local.Outbox).Count;
        await local.PostInboundAsync(InboundParsePost.Raw(StartMail(local, "ben@example.com", "start")));
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        Assert.Equal(before, afterForged);
        var settings = Assert.Single(Outbox.Read(local.Outbox, "settings"));
        Assert.Equal("ben@example.com", settings.To.Mailboxes.Single().Address);
        Assert.Contains("/settings", settings.TextBody, StringComparison.Ordinal);
        Assert.Empty(Outbox.Read(local.Outbox, "confirm"));
    }

    private static MimeMessage StartMail(LocalHostFixture local, string from, string text)
    {
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(from));
        mail.To.Add(MailboxAddress.Parse("start@" + local.Host.Services.GetRequiredService<IOptions<MailOptions>>().Value.InboundDomain));
        mail.Subject = "Sign me up";
        mail.Body = new TextPart("plain") { Text = text };
        return mail;
    }
}
