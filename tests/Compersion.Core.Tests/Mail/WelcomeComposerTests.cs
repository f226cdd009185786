using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Compersion.Core.Links;
using Compersion.Core.Mail;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using NodaTime;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Mail;

/// <summary>The welcome mail right after confirming: the method and why, when the first prompt comes, how to reply.</summary>
public sealed partial class WelcomeComposerTests
{
    [Fact]
    public void Compose_ConfirmedAtNoonForAnEveningPrompt_SaysTheFirstPromptComesThisEvening()
    {
        var mail = Compose(Subscriber(), Utc("2026-11-25T11:00:00Z"));

        Assert.Equal("welcome", mail.Kind);
        Assert.Contains("Your first prompt comes this evening at 20:00 Berlin time.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Your first prompt comes this evening at 20:00 Berlin time.", Body(mail).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ConfirmedAfterAMorningPrompt_SaysTomorrowMorning()
    {
        var mail = Compose(Subscriber() with { PromptTime = new LocalTime(7, 30) }, Utc("2026-11-25T11:00:00Z"));

        Assert.Contains("Your first prompt comes tomorrow morning at 07:30 Berlin time.", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Welcome_ExplainsTheMethodAndTheWhyInTheArticlesWords()
    {
        var text = Compose(Subscriber(), Utc("2026-11-25T11:00:00Z")).Text;

        Assert.Contains("five things you're grateful for", text, StringComparison.Ordinal);
        Assert.Contains("at least one be about a person", text, StringComparison.Ordinal);
        Assert.Contains("22 days", text, StringComparison.Ordinal);
        Assert.Contains("tell no one", text, StringComparison.Ordinal);
        Assert.Contains("that's compersion", text, StringComparison.Ordinal);
        Assert.Contains("  PAUSE - ", text, StringComparison.Ordinal);
        Assert.Contains("  TIME 07:30 - ", text, StringComparison.Ordinal);
        Assert.Contains("  HELP - ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Welcome_IsAtMost180WordsAboveTheFooter()
    {
        var text = Compose(Subscriber(), Utc("2026-11-25T11:00:00Z")).Text;

        var body = text[..text.IndexOf("\n--\n", StringComparison.Ordinal)];
        Assert.InRange(Words().Count(body), 100, 180);
    }

    [Fact]
    public void Compose_Welcome_InvitesAReplyFiledUnderTodayAndCanBeUnsubscribed()
    {
        var mail = Compose(Subscriber(), Utc("2026-11-25T11:00:00Z"));

        var replyTo = mail.ReplyTo!;
        var token = replyTo[6..replyTo.IndexOf('@', StringComparison.Ordinal)];
        Assert.True(Signer().TryVerify(token, out var signed));
        Assert.Equal((TokenPurpose.Prompt, Date("2026-11-25").DaysSinceEpoch()), (signed!.Purpose, signed.Value));
        Assert.Equal(UnsubscribeLinks.OneClickValue, mail.Headers[UnsubscribeLinks.ListUnsubscribePostHeader]);
        Assert.Single(new HtmlParser().ParseDocument(mail.Html!).QuerySelectorAll("h1, h2, h3"));
    }

    [Fact]
    public void Compose_Welcome_FooterOpensTheirJournalInBothRenderings()
    {
        var subscriber = Subscriber();
        var mail = Compose(subscriber, Utc("2026-11-25T11:00:00Z"));

        var inText = Regex.Match(mail.Text, @"Your journal \(read, search; link works 24 hours\): (\S+)").Groups[1].Value;
        var inHtml = new HtmlParser().ParseDocument(mail.Html!).QuerySelectorAll("a").Single(a => a.TextContent == "Your journal").GetAttribute("href")!;
        Assert.Equal(inText, inHtml);
        Assert.Contains(JournalLinks.Path + "?token=", inText, StringComparison.Ordinal);
        Assert.True(Signer().TryVerify(inText[(inText.IndexOf("token=", StringComparison.Ordinal) + 6)..], TokenPurpose.Journal, out var token));
        Assert.Equal(subscriber.Id, token.SubscriberId);
    }

    private static OutgoingMail Compose(Subscriber subscriber, Instant now) =>
        new WelcomeComposer(Signer(), MailSettings()).Compose(subscriber, now, "job-1");

    private static AngleSharp.Dom.IElement Body(OutgoingMail mail) => new HtmlParser().ParseDocument(mail.Html!).Body!;

    [GeneratedRegex(@"[\p{L}\p{N}'’:-]+")]
    private static partial Regex Words();
}
