using System.Net;
using System.Text.RegularExpressions;
using Compersion.Core.Journal;
using Compersion.Core.Mail;
using Compersion.Core.Prompts;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using NodaTime;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Mail;

public sealed partial class PromptComposerTests
{
    private const string JobId = "abcdefghijklmnop-prompt-2026-11-25";
    private const string Hostile = "<script>alert(1)</script> & \" ' done";

    // 2026-11-25 is day 20782 after 1970-01-01.
    private const int DaysTo20261125 = 20782;

    private static readonly LocalDate Today = Date("2026-11-25");

    [Fact]
    public void Compose_Daily_IsAPromptToTheSubscriberFromTheConfiguredSender()
    {
        var mail = Compose();

        Assert.Equal("prompt", mail.Kind);
        Assert.Equal("alex@example.org", mail.To);
        Assert.Equal("hello@example.org", mail.From);
        Assert.Equal("Compersion", mail.FromName);
    }

    [Fact]
    public void Compose_Daily_SubjectNamesTheLocalDateWithoutYear()
    {
        var mail = Compose();

        Assert.Equal("Five gratitudes for Wednesday, 25 November", mail.Subject);
    }

    [Fact]
    public void Compose_SixtyConsecutiveDates_EachHasItsOwnSubject()
    {
        var composer = CreateSut();

        var subjects = Enumerable.Range(0, 60)
            .Select(day => composer.Compose(Subscriber(), Today.PlusDays(day), [], PromptPlan.Daily, JobId).Subject)
            .ToList();

        Assert.Equal(60, subjects.Distinct().Count());
        Assert.Contains("Five gratitudes for Friday, 1 January", subjects);
    }

    [Fact]
    public void Compose_ReplyTo_CarriesATokenForThisPromptDateAndSubscriber()
    {
        var mail = Compose();

        var match = ReplyAddress().Match(mail.ReplyTo ?? string.Empty);
        Assert.True(match.Success, mail.ReplyTo);
        Assert.True(Signer().TryVerify(match.Groups["token"].Value, out var token));
        Assert.Equal(new SignedToken(TokenPurpose.Prompt, AlexId, DaysTo20261125), token);
        Assert.True(match.Value.IndexOf('@', StringComparison.Ordinal) <= 64);
    }

    [Fact]
    public void Compose_CheckIn_RepliesAreStillFiledUnderItsDate()
    {
        var mail = Compose(plan: PromptPlan.CheckIn);

        var match = ReplyAddress().Match(mail.ReplyTo ?? string.Empty);
        Assert.True(Signer().TryVerify(match.Groups["token"].Value, out var token));
        Assert.Equal(new SignedToken(TokenPurpose.Prompt, AlexId, DaysTo20261125), token);
    }

    [Theory]
    [InlineData(PromptPlan.Daily)]
    [InlineData(PromptPlan.CheckIn)]
    public void Compose_AnyPlan_HasOneClickUnsubscribeHeaders(PromptPlan plan)
    {
        var mail = Compose(plan: plan);

        var match = ListUnsubscribe().Match(mail.Headers["List-Unsubscribe"]);
        Assert.True(match.Success, mail.Headers["List-Unsubscribe"]);
        Assert.Equal(match.Groups["https"].Value, match.Groups["mailto"].Value);
        Assert.Equal(LinkCheck.Valid, Signer().CheckLink(match.Groups["https"].Value, TokenPurpose.Unsubscribe, Utc("2030-01-01T00:00:00Z"), out var subscriberId));
        Assert.Equal(AlexId, subscriberId);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public void Compose_Tags_AreOnlyOpaqueIds()
    {
        var mail = Compose();

        Assert.Equal(new Dictionary<string, string> { ["sid"] = AlexId, ["job"] = JobId }, mail.Tags);
    }

    [Fact]
    public void Compose_Text_AsksForFiveSpecificThingsWithAPersonAndHowToReply()
    {
        var mail = Compose();

        Assert.Contains("five things you're grateful for", mail.Text, StringComparison.Ordinal);
        Assert.Contains(Guidance.For(AlexId, Today), mail.Text, StringComparison.Ordinal);
        Assert.Contains("hit reply and number them, 1 to 5", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ThirtyDays_ThemesNeverTwiceInAWeekAndGuidanceNeverTheSameTwoDaysRunning()
    {
        var days = Enumerable.Range(0, 30).Select(day => Today.PlusDays(day)).ToList();

        var mails = days.Select(date => CreateSut().Compose(Subscriber(), date, [], PromptPlan.Daily, JobId)).ToList();

        var themes = days.Select(date => ThemeRotation.For(AlexId, date).Name).ToList();
        var guidance = days.Select(date => Guidance.For(AlexId, date)).ToList();
        for (var i = 0; i < mails.Count; i++)
        {
            Assert.Contains("Today's theme, if it helps: " + themes[i], mails[i].Text, StringComparison.Ordinal);
            Assert.Contains(guidance[i], mails[i].Text, StringComparison.Ordinal);
            Assert.Equal(Math.Min(7, mails.Count - i), themes.Skip(i).Take(7).Distinct().Count());
            if (i > 0)
            {
                Assert.NotEqual(guidance[i - 1], guidance[i]);
            }
        }

        var withTheArticlesExample = mails.Count(mail => mail.Text.Contains("my boyfriend brought me lunch", StringComparison.Ordinal));
        Assert.InRange(withTheArticlesExample, 4, 8);
    }

    [Fact]
    public void Compose_EveryGuidance_AsksForAPerson()
    {
        Assert.All(Guidance.Phrasings, line => Assert.Matches("person|people|someone", line));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Compose_DailyPromptWithAMemory_IsAtMost150WordsAboveTheFooter(int day)
    {
        var date = Today.PlusDays(day);
        var entries = new[] { Entry(date.PlusYears(-1), DueOn(date, date.PlusYears(-1), "Sam brought me soup when I was ill and stayed to do the washing up")) };

        var mail = CreateSut().Compose(Subscriber(), date, entries, PromptPlan.Daily, JobId);

        var body = mail.Text[..mail.Text.IndexOf("\n--\n", StringComparison.Ordinal)];
        Assert.Contains("you wrote:", body, StringComparison.Ordinal);
        Assert.InRange(Regex.Count(body, @"[\p{L}\p{N}'’:-]+"), 60, 150);
    }

    [Fact]
    public void Compose_FiveDaysIntoTheRun_ShowsFiveFilledDotsOf22InHtml()
    {
        var mail = Compose(entries: PerfectDays(Today.PlusDays(-5), Today.PlusDays(-1)));

        var dots = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(mail.Html!).QuerySelector("[role=img]")!;
        Assert.Equal("5 of 22 days", dots.GetAttribute("aria-label"));
        Assert.Equal(new string('●', 5) + new string('○', 17), dots.TextContent);
    }

    [Fact]
    public void Compose_Text_ShowsTheVisibleUnsubscribeLinkAndTheMailtoAlternative()
    {
        var mail = Compose();

        var links = ListUnsubscribe().Match(mail.Headers["List-Unsubscribe"]);
        var token = links.Groups["https"].Value;
        Assert.Contains($"Unsubscribe: {PublicBaseUrl}/api/unsubscribe?token={token}", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"unsubscribe+{token}@{InboundDomain}", mail.Text, StringComparison.Ordinal);
        Assert.Contains("20:00 Berlin time", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ReaderOnATwelveHourClock_WritesTheTimeThatWay()
    {
        var mail = Compose(Subscriber() with { TwelveHourClock = true });

        Assert.Contains("8:00 pm Berlin time", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("20:00", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("20:00", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Html_ShowsTheVisibleUnsubscribeLinkAndTheMailtoAlternative()
    {
        var mail = Compose();

        var token = ListUnsubscribe().Match(mail.Headers["List-Unsubscribe"]).Groups["https"].Value;
        var hrefs = Href().Matches(mail.Html!).Select(match => WebUtility.HtmlDecode(match.Groups["url"].Value)).ToList();
        var visible = WebUtility.HtmlDecode(TagsAndSpace().Replace(mail.Html!, " "));

        Assert.Contains($"{PublicBaseUrl}/api/unsubscribe?token={token}", hrefs);
        Assert.Contains($"mailto:unsubscribe+{token}@{InboundDomain}", hrefs);
        Assert.Contains("Unsubscribe", visible, StringComparison.Ordinal);
        Assert.Contains($"unsubscribe+{token}@{InboundDomain}", visible, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Text_IncludesExactlyOneThemeNudge()
    {
        var mail = Compose();

        var nudges = ThemeRotation.All.Count(theme => mail.Text.Contains(theme.Nudge, StringComparison.Ordinal));

        Assert.Equal(1, nudges);
    }

    [Fact]
    public void Compose_ConsecutiveDays_ReadDifferently()
    {
        var composer = CreateSut();

        var texts = Enumerable.Range(0, 30)
            .Select(day => Today.PlusDays(day))
            .Select(date => composer.Compose(Subscriber(), date, [], PromptPlan.Daily, JobId))
            .Select(mail => ThemeRotation.All.Single(theme => mail.Text.Contains(theme.Nudge, StringComparison.Ordinal)).Name)
            .ToList();

        Assert.All(texts.Zip(texts.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Fact]
    public void Compose_NoEntriesYet_ShowsAnEncouragingDayOneLine()
    {
        var mail = Compose(entries: []);

        Assert.Contains("Today can be day one of 22.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Today can be day one of 22.", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("0 of 22", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_FivePerfectDaysBefore_ShowsFiveOf22()
    {
        var mail = Compose(entries: PerfectDays(Today.PlusDays(-5), Today.PlusDays(-1)));

        Assert.Contains("5 of 22 days in a row", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_WeekOldEntry_ResurfacesItWithItsDate()
    {
        var entries = new[] { Entry(Date("2026-11-18"), DueOn(Today, Date("2026-11-18"), "Sam  brought me soup\nwhen I was ill", social: true)) };

        var mail = Compose(entries: entries);

        Assert.Contains("A week ago, on Wednesday, 18 November, you wrote:\n“Sam brought me soup when I was ill", mail.Text, StringComparison.Ordinal);
        Assert.Contains("A week ago, on Wednesday, 18 November, you wrote:", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_YearOldEntry_ShowsTheYearInItsDate()
    {
        var entries = new[] { Entry(Date("2025-11-25"), DueOn(Today, Date("2025-11-25"), "First snow with Robin")) };

        var mail = Compose(entries: entries);

        Assert.Contains("A year ago today, on Tuesday, 25 November 2025, you wrote:", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_MemoriesTurnedOff_ResurfacesNothing()
    {
        var entries = new[] { Entry(Date("2026-11-18"), DueOn(Today, Date("2026-11-18"), "Sam brought me soup")) };

        var mail = Compose(subscriber: Subscriber(memories: false), entries: entries);

        Assert.DoesNotContain("Sam brought me soup", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam brought me soup", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("you wrote", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_SomeoneElsesEntries_AreNeverShownOrCounted()
    {
        var entries = PerfectDays(Today.PlusDays(-9), Today.PlusDays(-1), SamId)
            .Append(new JournalEntry(SamId, Date("2026-11-18"), [new JournalItem("another person's secret")]))
            .ToList();

        var mail = Compose(entries: entries);

        Assert.DoesNotContain("secret", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Item 1", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Today can be day one of 22.", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_HostileMemory_IsEscapedInHtml()
    {
        var entries = new[] { Entry(Date("2026-11-18"), DueOn(Today, Date("2026-11-18"), Hostile)) };

        var mail = Compose(entries: entries);

        Assert.DoesNotContain("<script", mail.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot; &#x27; done", mail.Html, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script> & \" ' done", mail.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PromptPlan.Daily)]
    [InlineData(PromptPlan.CheckIn)]
    public void Compose_Html_HasNoScriptsOrExternalResources(PromptPlan plan)
    {
        var mail = Compose(plan: plan, entries: [Entry(Date("2026-11-18"), new JournalItem(Hostile))]);

        foreach (var forbidden in new[] { "<script", "<img", "<link", "<iframe", "src=", "@import", "url(", "javascript:" })
        {
            Assert.DoesNotContain(forbidden, mail.Html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData(PromptPlan.Daily)]
    [InlineData(PromptPlan.CheckIn)]
    public void Compose_Html_IsASingle560PixelColumnOfTables(PromptPlan plan)
    {
        var mail = Compose(plan: plan);

        Assert.Contains("max-width:560px", mail.Html, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", mail.Html, StringComparison.Ordinal);
        Assert.Equal(Count(mail.Html!, "<table"), Count(mail.Html!, "</table>"));
        Assert.Equal(Count(mail.Html!, "<tr"), Count(mail.Html!, "</tr>"));
        Assert.Equal(Count(mail.Html!, "<td"), Count(mail.Html!, "</td>"));
    }

    [Theory]
    [InlineData(PromptPlan.Daily)]
    [InlineData(PromptPlan.CheckIn)]
    public void Compose_Html_EveryContainerSetsBothBackgroundAndTextColour(PromptPlan plan)
    {
        var mail = Compose(plan: plan, entries: [Entry(Date("2026-11-18"), new JournalItem("soup"))]);

        var containers = Container().Matches(mail.Html!).Select(match => match.Value).ToList();

        Assert.NotEmpty(containers);
        Assert.All(containers, tag =>
        {
            Assert.Matches("background-color:#[0-9a-f]{6}", tag);
            Assert.Matches("[;\"]color:#[0-9a-f]{6}", tag);
        });
    }

    [Theory]
    [InlineData(PromptPlan.Daily)]
    [InlineData(PromptPlan.CheckIn)]
    public void Compose_AnyPlan_LeavesNoTemplateSyntaxOrRunsOfBlankLines(PromptPlan plan)
    {
        var mail = Compose(plan: plan, entries: [Entry(Date("2026-11-18"), new JournalItem("soup"))]);

        Assert.DoesNotContain("{{", mail.Text + mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("{%", mail.Text + mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_CheckIn_IsShorterGentleAndHasNoProgressOrTheme()
    {
        var entries = PerfectDays(Date("2026-10-01"), Date("2026-10-20"));
        var composer = CreateSut();

        var checkIn = composer.Compose(Subscriber(), Today, entries, PromptPlan.CheckIn, JobId);
        var daily = composer.Compose(Subscriber(), Today, entries, PromptPlan.Daily, JobId);

        Assert.Equal("checkin", checkIn.Kind);
        Assert.Equal("Still here whenever you'd like — Wednesday, 25 November", checkIn.Subject);
        Assert.Contains("No pressure", checkIn.Text, StringComparison.Ordinal);
        Assert.Contains("Be kind to yourself", checkIn.Text, StringComparison.Ordinal);
        Assert.True(checkIn.Text.Length < daily.Text.Length);
        Assert.DoesNotContain("of 22", checkIn.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(ThemeRotation.All, theme => checkIn.Text.Contains(theme.Nudge, StringComparison.Ordinal));
        foreach (var scolding in new[] { "missed", "streak", "broke", "you haven't", "should" })
        {
            Assert.DoesNotContain(scolding, checkIn.Text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Compose_Skip_IsAProgrammerError()
    {
        var composer = CreateSut();

        Assert.Throws<ArgumentOutOfRangeException>(() => composer.Compose(Subscriber(), Today, [], PromptPlan.Skip, JobId));
    }

    [Fact]
    public void Compose_SameInputsTwice_ComposesTheSameMail()
    {
        var entries = Enumerable.Range(1, 50).Select(i => Entry(Date("2026-01-01").PlusDays(i * 5), 6)).ToList();

        var first = Compose(entries: entries);
        var second = CreateSut().Compose(Subscriber(), Today, entries.AsEnumerable().Reverse().ToList(), PromptPlan.Daily, JobId);

        Assert.Equal(first.Subject, second.Subject);
        Assert.Equal(first.ReplyTo, second.ReplyTo);
        Assert.Equal(first.Text, second.Text);
        Assert.Equal(first.Html, second.Html);
        Assert.Equal(first.Headers, second.Headers);
    }

    [Fact]
    public void Plan_RepliedYesterday_IsDaily()
    {
        var plan = CreateSut().Plan(Subscriber(lastReply: Today.PlusDays(-1)), Today, []);

        Assert.Equal(PromptPlan.Daily, plan);
    }

    [Fact]
    public void Plan_QuietSinceAReply_IsDailyFor14DaysThenAWeeklyCheckIn()
    {
        var composer = CreateSut();
        var subscriber = Subscriber(lastReply: Date("2026-11-01"));

        var pattern = string.Concat(Enumerable.Range(0, 43).Select(day => composer.Plan(subscriber, Date("2026-11-01").PlusDays(day), []) switch
        {
            PromptPlan.Daily => 'D',
            PromptPlan.CheckIn => 'C',
            _ => '-',
        }));

        // Days 0–13 daily; check-ins on days 14, 21, 28, 35 and 42 (15, 22, 29 November, 6 and 13 December).
        Assert.Equal("DDDDDDDDDDDDDD" + "C------" + "C------" + "C------" + "C------" + "C", pattern);
    }

    [Fact]
    public void Plan_ReplyWhileBackedOff_ResumesDailyTheNextDay()
    {
        var composer = CreateSut();
        var quiet = Subscriber(lastReply: Date("2026-11-01"));
        var replied = quiet with { LastReplyDate = Date("2026-11-18") };

        var before = composer.Plan(quiet, Date("2026-11-19"), []);
        var after = composer.Plan(replied, Date("2026-11-19"), []);

        Assert.Equal(PromptPlan.Skip, before);
        Assert.Equal(PromptPlan.Daily, after);
    }

    [Fact]
    public void Plan_PauseOfThreeWeeksEndsOnItsDate_DailyPromptNotACheckIn()
    {
        var composer = CreateSut();
        var paused = Subscriber(lastReply: Date("2026-11-01")).PauseUntil(Date("2026-11-22"));
        var resumed = paused.ResumeIfDue(Date("2026-11-22"));

        var onTheDay = composer.Plan(resumed, Date("2026-11-22"), []);
        var neverResumed = composer.Plan(paused with { Status = Compersion.Core.Subscribers.SubscriberStatus.Active }, Date("2026-11-22"), []);

        Assert.Equal(PromptPlan.Daily, onTheDay);
        Assert.Equal(PromptPlan.CheckIn, neverResumed);
    }

    [Fact]
    public void Plan_JournalEntryWithoutRecordedReplyDate_CountsAsActivity()
    {
        var composer = CreateSut();
        var subscriber = Subscriber(lastReply: Date("2026-10-01"));
        var entries = new[] { Entry(Date("2026-11-20"), 1) };

        var thirteenDaysLater = composer.Plan(subscriber, Date("2026-12-03"), entries);
        var fourteenDaysLater = composer.Plan(subscriber, Date("2026-12-04"), entries);

        Assert.Equal(PromptPlan.Daily, thirteenDaysLater);
        Assert.Equal(PromptPlan.CheckIn, fourteenDaysLater);
    }

    [Fact]
    public void Plan_NeverReplied_CountsFromTheLocalDateOfConfirmation()
    {
        var composer = CreateSut();

        // 23:30Z on 1 November is 00:30 on 2 November in Berlin.
        var subscriber = Subscriber(confirmedAt: Utc("2026-11-01T23:30:00Z"));

        var onFifteenth = composer.Plan(subscriber, Date("2026-11-15"), []);
        var onSixteenth = composer.Plan(subscriber, Date("2026-11-16"), []);

        Assert.Equal(PromptPlan.Daily, onFifteenth);
        Assert.Equal(PromptPlan.CheckIn, onSixteenth);
    }

    [Fact]
    public void Plan_SomeoneElsesRecentEntry_DoesNotCountAsActivity()
    {
        var composer = CreateSut();
        var subscriber = Subscriber(lastReply: Date("2026-11-01"));
        var entries = new[] { Entry(Date("2026-11-14"), 5, SamId) };

        var plan = composer.Plan(subscriber, Date("2026-11-15"), entries);

        Assert.Equal(PromptPlan.CheckIn, plan);
    }

    private static PromptComposer CreateSut() => new(Signer(), MailSettings());

    private static OutgoingMail Compose(
        Subscriber? subscriber = null,
        IReadOnlyList<JournalEntry>? entries = null,
        PromptPlan plan = PromptPlan.Daily) =>
        CreateSut().Compose(subscriber ?? Subscriber(), Today, entries ?? [], plan, JobId);

    private static int Count(string text, string value) => Regex.Count(text, Regex.Escape(value));

    [GeneratedRegex(@"^reply\+(?<token>[a-z2-7]{45})@reply\.example\.org$")]
    private static partial Regex ReplyAddress();

    [GeneratedRegex(@"^<https://app\.example\.org/api/unsubscribe\?token=(?<https>[a-z2-7]{45})>, <mailto:unsubscribe\+(?<mailto>[a-z2-7]{45})@reply\.example\.org>$")]
    private static partial Regex ListUnsubscribe();

    [GeneratedRegex("href=\"(?<url>[^\"]*)\"")]
    private static partial Regex Href();

    [GeneratedRegex("(<[^>]*>|\\s)+")]
    private static partial Regex TagsAndSpace();

    [GeneratedRegex("<(body|table|td)\\b[^>]*>")]
    private static partial Regex Container();
}
