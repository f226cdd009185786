using AngleSharp.Html.Parser;
using Compersion.Core.Digests;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Links;
using Compersion.Core.Mail;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using NodaTime;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Mail;

/// <summary>The weekly digest on fixed histories: what it says, how it reads, and that it never lets user text become markup.</summary>
public sealed class DigestComposerTests
{
    private const string JobId = "abcdefghijklmnop-digest-2026-11-29";
    private const string Hostile = "<script>alert(1)</script><img src=\"https://evil.example/x.png\"> & \" ' Sam";

    // Sunday 29 November 2026; the week looked back on is Sunday 22 to Saturday 28.
    private static readonly LocalDate Sunday = Date("2026-11-29");

    [Fact]
    public void Compose_Digest_IsADigestWithAUniqueSubjectAndADigestReplyToken()
    {
        var signer = Signer();

        var mail = Compose(Journal());

        Assert.Equal("digest", mail.Kind);
        Assert.Equal("Your week of gratitude and kindness — Sunday, 29 November", mail.Subject);
        Assert.NotEqual(mail.Subject, Compose(Journal(), Sunday.PlusWeeks(1)).Subject);
        var replyTo = mail.ReplyTo!;
        var token = replyTo[6..replyTo.IndexOf('@', StringComparison.Ordinal)];
        Assert.True(signer.TryVerify(token, out var signed));
        Assert.Equal((TokenPurpose.Digest, AlexId, Sunday.DaysSinceEpoch()), (signed!.Purpose, signed.SubscriberId, signed.Value));
        Assert.EndsWith("@" + InboundDomain, mail.ReplyTo, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_SubscriberWithFurtherAddresses_NamesThemMaskedInTextAndHtml()
    {
        var mail = Compose(Journal(), subscriber: Subscriber() with { ExtraAddresses = ["tess@work.example", "alias@home.example"] });
        var without = Compose(Journal());

        const string Line = "Replies from t•••@work.example and a•••@home.example are saved to your journal too.";
        Assert.Contains(Line, mail.Text, StringComparison.Ordinal);
        Assert.Contains(Line, mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("tess@", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("are saved to your journal too", without.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Digest_CarriesOneClickUnsubscribeAndAVisibleLink()
    {
        var mail = Compose(Journal());

        Assert.Equal(UnsubscribeLinks.OneClickValue, mail.Headers[UnsubscribeLinks.ListUnsubscribePostHeader]);
        Assert.Contains("/api/unsubscribe?token=", mail.Headers[UnsubscribeLinks.ListUnsubscribeHeader], StringComparison.Ordinal);
        Assert.Contains("Unsubscribe: " + PublicBaseUrl + "/api/unsubscribe?token=", mail.Text, StringComparison.Ordinal);
        Assert.Contains("a weekly digest on Sundays at 18:00 Berlin time", mail.Text, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, string> { ["sid"] = AlexId, ["job"] = JobId }, mail.Tags);
    }

    [Fact]
    public void Compose_EmptyWeekAndNoActsEver_IsKindAndOffersIdeas()
    {
        var mail = Compose(Journal());

        Assert.Contains("A quiet week for your journal, and that's okay", mail.Text, StringComparison.Ordinal);
        Assert.Contains("You haven't logged a kind act yet — once a week is plenty.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Three small ideas for the week ahead:", mail.Text, StringComparison.Ordinal);
        Assert.Contains(DigestComposer.SecrecyLine, mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("0 of 7", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Recent acts, by whom and what kind", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("most specific", mail.Text, StringComparison.Ordinal);
        Assert.Equal("A quiet week, and that's okay. Three small ideas inside, if one appeals.", Preheader(mail));
    }

    [Fact]
    public void Compose_PerfectWeek_CountsItAndNamesTheMostSpecificItemAndThePeople()
    {
        var entries = Enumerable.Range(0, 7).Select(i => new JournalEntry(AlexId, Sunday.PlusDays(-7 + i), [
            Item("Sam made pancakes"),
            Item("my mum called to say she loved the photo I sent of the cherry blossom at the station"),
            Item("Coffee"),
            Item("My sister got the job she wanted"),
            Item("health"),
        ])).ToList();

        var mail = Compose(Journal(entries));

        Assert.Contains("You wrote on 7 of 7 days; 7 count toward 22.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("A run of 7 days — 15 more make 22.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Most specific (Sunday):\n  “my mum called to say she loved the photo I sent of the cherry blossom at the station”", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Who showed up most: Sam, your mum and your sister.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Joy you noticed:\n  - “My sister got the job she wanted”", mail.Text, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(mail.Text, "my mum called"));
    }

    [Fact]
    public void Compose_FiveItemsADayWithoutAPerson_DoNotCountTowardThe22()
    {
        var entries = Enumerable.Range(0, 7).Select(i => Entry(Sunday.PlusDays(-7 + i), 5)).ToList();

        var mail = Compose(Journal(entries));

        Assert.Contains("You wrote on 7 of 7 days; 0 count toward 22.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("A new run toward 22 days", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_GoalMetThreeWeeksRunning_ShowsTheConsistencyRun()
    {
        var acts = new List<KindActDay>
        {
            Acts(Sunday.PlusDays(-30), "wrote my sister a letter"),
            Acts(Sunday.PlusDays(-17), "tipped the barista extra"),
            Acts(Sunday.PlusDays(-10), "left a note for my neighbour"),
            Acts(Sunday.PlusDays(-3), "made soup for a friend"),
        };

        var mail = Compose(Journal(acts: acts));

        Assert.Contains("1 secret act this week: your goal of 1 is met, 3 weeks in a row.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("1 secret act this week: your goal of 1 is met, 3 weeks in a row.", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_GoalNotMetThisWeek_HasNoConsistencyLine()
    {
        var acts = new List<KindActDay> { Acts(Sunday.PlusDays(-10), "left a note for my neighbour") };

        var mail = Compose(Journal(acts: acts));

        Assert.DoesNotContain("in a row.", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_FirstDigestOfAQuietWeek_CelebratesTheStartWithoutCountingWhatIsMissing()
    {
        var mail = Compose(Journal(first: true));

        Assert.StartsWith("Your first week of gratitude and kindness", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Your first week\n", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Your journal is ready for its first page whenever you are", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Once a week, try one small act of kindness, and tell no one.", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("quiet week", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("haven't", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_FirstDigestWithTwoDays_SaysWhatAStart()
    {
        var entries = new List<JournalEntry> { Entry(Sunday.PlusDays(-2), 5), Entry(Sunday.PlusDays(-1), Item("Sam made pancakes")) };

        var mail = Compose(Journal(entries, first: true));

        Assert.Contains("What a start: you wrote on 2 days, and 1 day had a person in it.", mail.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-29")]
    [InlineData("2026-12-06")]
    [InlineData("2027-01-03")]
    [InlineData("2027-03-07")]
    public void Suggest_FirstDigest_AssumesNoPartnerOrMetamour(string date)
    {
        var journal = Journal(first: true);

        var ideas = DigestBuilder.Suggest(Subscriber(), Date(date), journal, IdeaCatalog.Shipped);

        Assert.Equal(3, ideas.Count);
        Assert.All(ideas, idea => Assert.True(idea.Recipient is not (KindRecipient.Partner or KindRecipient.Metamour), idea.Text));
    }

    [Theory]
    [InlineData("2026-11-25T08:00:00Z", "2026-11-29", true)]
    [InlineData("2026-11-24T08:00:00Z", "2026-11-29", false)]
    [InlineData("2026-11-01T08:00:00Z", "2026-11-29", false)]
    public void IsTooSoon_FewerThanFiveDaysSinceConfirming_HoldsTheDigestBack(string confirmed, string digest, bool tooSoon)
    {
        var subscriber = Subscriber(confirmedAt: Utc(confirmed));

        var soon = DigestBuilder.IsTooSoon(subscriber, Date(digest));

        Assert.Equal(tooSoon, soon);
    }

    [Fact]
    public void Compose_SampleFullWeek_ReadsInAMinuteAndShowsNothingTwice()
    {
        var mail = Compose(SampleJournal.Create(Sunday), subscriber: SampleJournal.Subscriber);

        var body = mail.Text[..mail.Text.IndexOf("\n--\n", StringComparison.Ordinal)];
        Assert.InRange(System.Text.RegularExpressions.Regex.Count(body, @"[\w'’:-]+"), 150, 250);
        var quoted = System.Text.RegularExpressions.Regex.Matches(body, "“[^”]+”").Select(match => match.Value).ToList();
        Assert.Equal(quoted.Count, quoted.Distinct().Count());
        var lines = body.Split('\n').Where(line => line.Trim().Length > 12).ToList();
        Assert.Equal(lines.Count, lines.Distinct().Count());
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(body, "[Rr]eply"));
    }

    [Fact]
    public void Compose_WeekOutsideTheWindow_IsNotCounted()
    {
        var entries = new List<JournalEntry>
        {
            Entry(Sunday, 5),
            Entry(Sunday.PlusDays(-8), 5),
            Entry(Sunday.PlusDays(-3), 2),
        };

        var mail = Compose(Journal(entries));

        Assert.Contains("You wrote on 1 of 7 days; 0 count toward 22.", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_RepeatedAct_IsCalledOutGentlyWithAnAlternativeOfAnotherKindForSomeoneElse()
    {
        var acts = new List<KindActDay>
        {
            Acts(Sunday.PlusDays(-20), "baked cookies for my neighbour"),
            Acts(Sunday.PlusDays(-5), "shovelled the path for my neighbour"),
            Acts(Sunday.PlusDays(-2), "carried my neighbour's shopping up the stairs"),
        };
        var journal = Journal(acts: acts);

        var digest = Build(journal);
        var mail = Compose(journal);

        Assert.NotNull(digest.Kindness.Variety.Repeat);
        Assert.Contains("Your last two acts were both practical help for a neighbour: change up what and for whom.", mail.Text, StringComparison.Ordinal);
        Assert.All(digest.Kindness.Suggestions, idea => Assert.True(idea.Category != KindCategory.Help && idea.Recipient != KindRecipient.Neighbour, idea.Text));
        Assert.Contains("2 secret acts this week: your goal of 1 is met.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("  - shovelled the path for my neighbour\n", mail.Text, StringComparison.Ordinal);
        Assert.Contains("For you alone, from Monday, 9 November: “baked cookies for my neighbour”.", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ActsWithoutThisWeek_IsGentleAboutTheEmptyWeekAndShowsTheGrid()
    {
        var journal = Journal(acts: [Acts(Sunday.PlusDays(-30), "tipped the barista extra", "texted my sister a compliment")]);

        var mail = Compose(journal);

        Assert.Contains("No kind act logged this week — no pressure at all.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Recent acts, by whom and what kind:\n  family    words\n  stranger  generosity", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Your last 2 acts: 2 different pairings, a lovely spread.", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ActThatCannotBeClassified_IsAskedAboutKindly()
    {
        var mail = Compose(Journal(acts: [Acts(Sunday.PlusDays(-1), "did something nice #secret")]));

        Assert.Contains("  - did something nice #secret (not sure what kind: a tag like #help tells us)", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ActBelowTheGoal_CountsTowardIt()
    {
        var subscriber = Subscriber() with { KindnessGoal = 3 };

        var mail = Compose(Journal(acts: [Acts(Sunday.PlusDays(-4), "called my grandad")]), subscriber: subscriber);

        Assert.Contains("1 secret act this week, toward your goal of 3. Every one counts.", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_HostileText_IsEscapedInHtmlAndKeptAsTextInPlainText()
    {
        var entries = new List<JournalEntry> { new(AlexId, Sunday.PlusDays(-2), [Item(Hostile)]) };
        var acts = new List<KindActDay> { Acts(Sunday.PlusDays(-3), Hostile), Acts(Sunday.PlusDays(-40), Hostile) };

        var mail = Compose(Journal(entries, acts));

        var document = new HtmlParser().ParseDocument(mail.Html!);
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Empty(document.QuerySelectorAll("img"));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", mail.Html, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_RichWeek_HtmlIsAnEmailSafeTableLayoutWithEverySection()
    {
        var journal = SampleJournal.Create(Sunday);
        var subscriber = SampleJournal.Subscriber;

        var mail = Compose(journal, subscriber: subscriber);

        var document = new HtmlParser().ParseDocument(mail.Html!);
        Assert.Empty(document.QuerySelectorAll("script, link, iframe, form, img"));
        Assert.Contains("@media (prefers-color-scheme: dark)", Assert.Single(document.Head!.QuerySelectorAll("style")).TextContent, StringComparison.Ordinal);
        Assert.Single(document.QuerySelectorAll("h1, h2, h3, h4, h5, h6"));
        Assert.All(document.QuerySelectorAll("td, th"), cell => Assert.Contains("color:", cell.GetAttribute("style") ?? string.Empty, StringComparison.Ordinal));
        Assert.All(document.QuerySelectorAll("[style*='background-color']"), element => Assert.Contains("color:", element.GetAttribute("style")!, StringComparison.Ordinal));
        Assert.All(document.QuerySelectorAll("[class]"), element => Assert.StartsWith("cp-", element.ClassName, StringComparison.Ordinal));
        Assert.Equal("light dark", document.QuerySelector("meta[name='color-scheme']")?.GetAttribute("content"));
        Assert.Contains("<!--[if mso]><table role=\"presentation\" width=\"560\"", mail.Html, StringComparison.Ordinal);
        var text = document.Body!.TextContent;
        foreach (var part in new[] { "Gratitude", "Kindness", "Most specific", "Who showed up most", "Joy you noticed", "Recent acts, by whom and what kind", "Three small ideas for the week ahead", "For you alone", "Your last two acts were both", "not sure what kind", DigestComposer.SecrecyLine, "Unsubscribe" })
        {
            Assert.Contains(part, text, StringComparison.Ordinal);
        }

        var grid = document.QuerySelectorAll("table").Single(table => table.QuerySelector("table") is null && table.QuerySelector("th") is not null);
        Assert.Equal(["partner", "metamour", "family", "friend", "coworker", "neighbour", "stranger", "community", "animal"], grid.QuerySelectorAll("th").Select(th => th.TextContent));
        Assert.Contains(grid.QuerySelectorAll("tr"), row => row.TextContent == "neighbourwords, help ×3");
        Assert.Equal(3, document.QuerySelectorAll("ol li").Length);
    }

    [Fact]
    public void Compose_RichWeek_PlainTextCarriesEverythingTheHtmlShows()
    {
        var journal = SampleJournal.Create(Sunday);

        var mail = Compose(journal, subscriber: SampleJournal.Subscriber);

        var html = new HtmlParser().ParseDocument(mail.Html!).Body!.TextContent;
        var digest = Build(journal, SampleJournal.Subscriber);
        foreach (var idea in digest.Kindness.Suggestions)
        {
            Assert.Contains(idea.Text, mail.Text, StringComparison.Ordinal);
            Assert.Contains(idea.Text, html, StringComparison.Ordinal);
        }

        foreach (var act in digest.Kindness.ThisWeek)
        {
            Assert.Contains(act.Text, mail.Text, StringComparison.Ordinal);
            Assert.Contains(act.Text, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Compose_SameJournalTwice_ComposesTheSameMail()
    {
        var journal = SampleJournal.Create(Sunday);

        var first = Compose(journal, subscriber: SampleJournal.Subscriber);
        var second = Compose(journal, subscriber: SampleJournal.Subscriber);

        Assert.Equal((first.Subject, first.Text, first.Html), (second.Subject, second.Text, second.Html));
    }

    [Fact]
    public void Build_SomeoneElsesRows_AreIgnored()
    {
        var journal = new SubscriberJournal(Subscriber(), [new JournalEntry(SamId, Sunday.PlusDays(-2), [Item("Sam's secret")])])
        {
            Acts = [new KindActDay(SamId, Sunday.PlusDays(-2), [ActClassifier.ToAct("Sam's act for his neighbour")])],
        };

        var digest = Build(journal);

        Assert.Equal(0, digest.Gratitude.Items);
        Assert.Empty(digest.Kindness.ThisWeek);
        Assert.Empty(digest.Kindness.Recent);
    }

    private static WeeklyDigest Build(SubscriberJournal journal, Subscriber? subscriber = null, LocalDate? date = null)
    {
        var who = subscriber ?? Subscriber();
        var day = date ?? Sunday;
        return DigestBuilder.Build(who, day, journal, DigestBuilder.Suggest(who, day, journal, IdeaCatalog.Shipped));
    }

    private static OutgoingMail Compose(SubscriberJournal journal, LocalDate? date = null, Subscriber? subscriber = null) =>
        new DigestComposer(Signer(), MailSettings()).Compose(subscriber ?? Subscriber(), Build(journal, subscriber, date), JobId);

    // Not the first digest unless asked: an earlier one, long enough ago that its suggestions don't matter.
    private static SubscriberJournal Journal(List<JournalEntry>? entries = null, List<KindActDay>? acts = null, bool first = false) =>
        new(Subscriber(), entries ?? []) { Acts = acts ?? [], Digests = first ? [] : [new DigestRecord(Sunday.PlusWeeks(-20), [])] };

    private static JournalItem Item(string text) => JournalItem.Understand(text);

    private static KindActDay Acts(LocalDate date, params string[] texts) => new(AlexId, date, [.. texts.Select(ActClassifier.ToAct)]);

    private static string Preheader(OutgoingMail mail)
    {
        var document = new HtmlParser().ParseDocument(mail.Html!);
        return document.Body!.QuerySelector("div")!.TextContent;
    }
}
