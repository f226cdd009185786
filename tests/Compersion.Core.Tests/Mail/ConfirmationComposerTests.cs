using System.Text.RegularExpressions;
using Compersion.Core.Mail;
using Compersion.Core.Security;
using Compersion.Core.Subscribers;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Mail;

public sealed partial class ConfirmationComposerTests
{
    private const string JobId = "abcdefghijklmnop-confirm-2026-11-25";

    [Fact]
    public void Compose_PendingSubscriber_IsAConfirmMailToThem()
    {
        var mail = CreateSut().Compose(Pending(), Utc("2026-11-25T09:00:00Z"), JobId);

        Assert.Equal("confirm", mail.Kind);
        Assert.Equal("alex@example.org", mail.To);
        Assert.Equal("hello@example.org", mail.From);
        Assert.Equal("Compersion", mail.FromName);
        Assert.False(string.IsNullOrWhiteSpace(mail.Subject));
        Assert.Equal(new Dictionary<string, string> { ["sid"] = AlexId, ["job"] = JobId }, mail.Tags);
    }

    [Fact]
    public void Compose_Link_ConfirmsThisSubscriberForThreeDays()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var signer = Signer();
        var mail = CreateSut(signer).Compose(Pending(), Now(time), JobId);
        var token = ConfirmLink().Match(mail.Text).Groups["token"].Value;

        time.Advance(TimeSpan.FromHours(72) - TimeSpan.FromMinutes(1));
        var justBefore = signer.CheckLink(token, TokenPurpose.Confirm, Now(time), out var subscriberId);
        time.Advance(TimeSpan.FromMinutes(2));
        var justAfter = signer.CheckLink(token, TokenPurpose.Confirm, Now(time), out _);

        Assert.Equal(LinkCheck.Valid, justBefore);
        Assert.Equal(AlexId, subscriberId);
        Assert.Equal(LinkCheck.Expired, justAfter);
    }

    [Fact]
    public void Compose_Link_IsTheSameInTextAndHtml()
    {
        var mail = CreateSut().Compose(Pending(), Utc("2026-11-25T09:00:00Z"), JobId);

        var link = ConfirmLink().Match(mail.Text).Value;

        Assert.StartsWith($"{PublicBaseUrl}/api/confirm?token=", link, StringComparison.Ordinal);
        Assert.Contains($"href=\"{link}\"", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Text_SaysHowLongTheLinkLastsWhatComesAndThatIgnoringIsFine()
    {
        var subscriber = Pending() with { Zone = "America/New_York", PromptTime = new LocalTime(7, 30) };

        var mail = CreateSut().Compose(subscriber, Utc("2026-11-25T09:00:00Z"), JobId);

        Assert.Contains("works for 3 days", mail.Text, StringComparison.Ordinal);
        Assert.Contains("one short email a day at 07:30 New York time", mail.Text, StringComparison.Ordinal);
        Assert.Contains("If you didn't sign up, you can simply ignore this email: nothing more will be sent.", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sundays", mail.Text, StringComparison.Ordinal);
        Assert.Contains("07:30 New York time", mail.Html, StringComparison.Ordinal);
        Assert.Contains("works for 3 days", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Html_HasNoScriptsOrExternalResourcesAndSetsColours()
    {
        var mail = CreateSut().Compose(Pending(), Utc("2026-11-25T09:00:00Z"), JobId);

        foreach (var forbidden in new[] { "<script", "<img", "<link", "src=", "url(" })
        {
            Assert.DoesNotContain(forbidden, mail.Html, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("max-width:560px", mail.Html, StringComparison.Ordinal);
        Assert.All(Container().Matches(mail.Html!).Select(match => match.Value), tag =>
        {
            Assert.Matches("background-color:#[0-9a-f]{6}", tag);
            Assert.Matches("[;\"]color:#[0-9a-f]{6}", tag);
        });
        Assert.DoesNotContain("{{", mail.Text + mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_DifferentSubscribers_GetLinksOnlyForThemselves()
    {
        var signer = Signer();
        var now = Utc("2026-11-25T09:00:00Z");

        var mail = CreateSut(signer).Compose(Pending() with { Id = SamId }, now, JobId);

        signer.CheckLink(ConfirmLink().Match(mail.Text).Groups["token"].Value, TokenPurpose.Confirm, now, out var subscriberId);
        Assert.Equal(SamId, subscriberId);
    }

    private static ConfirmationComposer CreateSut(TokenSigner? signer = null) => new(signer ?? Signer(), MailSettings());

    private static Subscriber Pending() => Subscriber() with { Status = SubscriberStatus.Pending, ConfirmedAt = null };

    private static Instant Now(TimeProvider time) => Instant.FromDateTimeOffset(time.GetUtcNow());

    [GeneratedRegex(@"https://app\.example\.org/api/confirm\?token=(?<token>[a-z2-7]{45})")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex("<(body|table|td)\\b[^>]*>")]
    private static partial Regex Container();
}
