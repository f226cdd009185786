using System.Text.RegularExpressions;
using Compersion.Core.Mail;
using Compersion.Core.Prompts;
using Compersion.Core.Security;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Links;

public sealed partial class SettingsLinksTests
{
    private static readonly LocalDate Today = Date("2026-11-25");

    [Fact]
    public void PromptFooter_Daily_LinksToSettingsWithATokenLapsing24HoursAfterTheScheduledSend()
    {
        var signer = Signer();
        var mail = new PromptComposer(signer, MailSettings()).Compose(Subscriber(), Today, [], PromptPlan.Daily, "job");

        var token = SettingsToken().Match(mail.Html!).Groups[1].Value;
        var sentAt = Instant.FromUtc(2026, 11, 25, 19, 0);

        Assert.Contains($"{PublicBaseUrl}/api/settings?token={token}", mail.Text, StringComparison.Ordinal);
        Assert.Equal(LinkCheck.Valid, signer.CheckLink(token, TokenPurpose.Settings, sentAt + Duration.FromHours(23) + Duration.FromMinutes(59), out var id));
        Assert.Equal(AlexId, id);
        Assert.Equal(LinkCheck.Expired, signer.CheckLink(token, TokenPurpose.Settings, sentAt + Duration.FromHours(24) + Duration.FromMinutes(1), out _));
        Assert.Equal(LinkCheck.Invalid, signer.CheckLink(token, TokenPurpose.Unsubscribe, sentAt, out _));
    }

    [Fact]
    public void DigestFooter_Weekly_LinksToSettingsLapsing24HoursAfterTheScheduledDigest()
    {
        var signer = Signer();
        var subscriber = Subscriber();
        var sunday = Date("2026-11-29");
        var journal = new Compersion.Core.Journal.SubscriberJournal(subscriber, []);
        var digest = Compersion.Core.Digests.DigestBuilder.Build(subscriber, sunday, journal, Compersion.Core.Digests.DigestBuilder.Suggest(subscriber, sunday, journal, Compersion.Core.Kindness.IdeaCatalog.Shipped));

        var mail = new Compersion.Core.Mail.DigestComposer(signer, MailSettings()).Compose(subscriber, digest, "job");

        var token = SettingsToken().Match(mail.Html!).Groups[1].Value;
        var sentAt = Instant.FromUtc(2026, 11, 29, 17, 0);
        Assert.Contains("/api/settings?token=" + token, mail.Text, StringComparison.Ordinal);
        Assert.Equal(LinkCheck.Valid, signer.CheckLink(token, TokenPurpose.Settings, sentAt + Duration.FromHours(23), out _));
        Assert.Equal(LinkCheck.Expired, signer.CheckLink(token, TokenPurpose.Settings, sentAt + Duration.FromHours(24) + Duration.FromMinutes(1), out _));
    }

    [Fact]
    public void NoteFooter_Receipt_LinksToSettingsForTheNextDay()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 21, 0, 0, TimeSpan.Zero));
        var signer = Signer();
        var mail = new NoteComposer(MailSettings(), signer, time).Compose(Subscriber(), "receipt", "Saved", [NoteBlock.Paragraph("Two saved.")], "job");

        var token = SettingsToken().Match(mail.Html!).Groups[1].Value;

        Assert.Contains("/api/settings?token=" + token, mail.Text, StringComparison.Ordinal);
        Assert.Equal(LinkCheck.Valid, signer.CheckLink(token, TokenPurpose.Settings, Instant.FromUtc(2026, 11, 26, 20, 59), out _));
        Assert.Equal(LinkCheck.Expired, signer.CheckLink(token, TokenPurpose.Settings, Instant.FromUtc(2026, 11, 26, 21, 1), out _));
    }

    [Fact]
    public void NoteFooter_Farewell_HasNoSettingsLink()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 21, 0, 0, TimeSpan.Zero));
        var mail = new NoteComposer(MailSettings(), Signer(), time).Compose(Subscriber(), "deleted", "Gone", [NoteBlock.Paragraph("All gone.")], "job", settingsLink: false);

        Assert.DoesNotContain("/api/settings", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/settings", mail.Html, StringComparison.Ordinal);
    }

    [GeneratedRegex("/api/settings\\?token=([a-z2-7]{45})")]
    private static partial Regex SettingsToken();
}
