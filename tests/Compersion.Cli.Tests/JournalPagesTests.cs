using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace Compersion.Cli.Tests;

/// <summary>The journal pages over HTTP through serve: opened from a mail, what they show, and the links they refuse.</summary>
public sealed class JournalPagesTests
{
    [Fact]
    public async Task JournalLink_AfterADay_ExpiredPageWhoseButtonMailsAFreshJournalLinkOnceADayToTheAddressOnFile()
    {
        await using var opened = await OpenedJournal.OpenAsync("ivy@example.com");
        var (local, _, web, link) = opened;
        local.Clock.SetTo(OpenedJournal.Evening.AddHours(24).AddMinutes(1));

        var (status, html) = await web.GetAsync(link);
        var form = new[] { ("token", WebClient.Field(html, "token")), ("form_token", WebClient.Field(html, "form_token")) };
        var sent = await web.PostAsync("/api/journal/link", form);
        var again = await web.PostAsync("/api/journal/link", form);
        var fresh = Assert.Single(Outbox.Read(local.Outbox, "journal"));
        var (freshStatus, freshPage) = await web.GetAsync(Outbox.Link(fresh, "/api/journal"));
        using var stranger = new WebClient(local.Host.BaseUrl);
        var forged = await stranger.PostAsync("/api/journal/link", form);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("This link has expired", WebClient.Heading(html));
        Assert.Contains("Email me a fresh link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ivy@example.com", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("ivy@example.com", fresh.To.Mailboxes.Single().Address);
        Assert.Equal(HttpStatusCode.OK, freshStatus);
        Assert.Equal("Your journal", WebClient.Heading(freshPage));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Empty(Outbox.Read(local.Outbox, "settings"));
    }

    [Fact]
    public async Task JournalLink_FromThePromptFooter_CalendarLinksTheDayWhosePageShowsTheReplyWithItsSignals()
    {
        await using var opened = await OpenedJournal.OpenAsync("ana@example.com", "1. Lunch with Sam\n2. The rain on the roof\nkindness: left flowers for the neighbour");
        var (_, _, web, link) = opened;

        var (status, calendar) = await web.GetAsync(link);
        var (dayStatus, day) = await web.GetAsync(link.Replace("/api/journal?", "/api/journal/day?", StringComparison.Ordinal) + "&date=2026-11-25");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Your journal", WebClient.Heading(calendar));
        Assert.Contains("date=2026-11-25\">25<span class=\"vh\"> November: 2 gratitudes, with a person, 1 kind act</span></a>", calendar, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, dayStatus);
        Assert.Equal("Wednesday 25 November 2026", WebClient.Heading(day));
        Assert.Contains("Lunch with Sam</span> <span class=\"signals\"><span class=\"tag\">with a person</span>", day, StringComparison.Ordinal);
        Assert.Contains("left flowers for the neighbour", day, StringComparison.Ordinal);
        Assert.Contains("for: neighbour", day, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_AName_FindsTheirDayAndNotWordsThatOnlyBeginWithIt()
    {
        await using var opened = await OpenedJournal.OpenAsync("bo@example.com", "1. Lunch with Sam\n2. The same old bench, still lovely");
        var (_, _, web, _) = opened;
        var search = opened.Page("/search");

        var (status, html) = await web.GetAsync(search + "&q=sam");
        var (_, none) = await web.GetAsync(search + "&q=Priya");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("“sam”: 1 match on 1 day.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("Lunch with Sam", html, StringComparison.Ordinal);
        Assert.DoesNotContain("same old bench", html, StringComparison.Ordinal);
        Assert.Contains("value=\"sam\"", html, StringComparison.Ordinal);
        Assert.Contains("Nothing found for", WebUtility.HtmlDecode(none), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JournalLink_TwoSubscribers_EachLinkShowsOnlyItsOwnJournal()
    {
        await using var opened = await OpenedJournal.OpenAsync("ada@example.com", "1. Ada's own walk by the river", other: ("ben@example.com", "1. Ben's own bike ride home"));
        var (_, ada, web, _) = opened;

        var (_, adaDay) = await web.GetAsync(Outbox.Link(ada, "/api/journal").Replace("/api/journal?", "/api/journal/day?", StringComparison.Ordinal) + "&date=2026-11-25");
        var (_, adaSearch) = await web.GetAsync(Outbox.Link(ada, "/api/journal").Replace("/api/journal?", "/api/journal/search?", StringComparison.Ordinal) + "&q=bike");

        Assert.Contains("walk by the river", adaDay, StringComparison.Ordinal);
        Assert.DoesNotContain("bike ride", adaDay, StringComparison.Ordinal);
        Assert.DoesNotContain("bike ride", adaSearch, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tampered", HttpStatusCode.BadRequest, "This link doesn't work")]
    [InlineData("settings-token", HttpStatusCode.BadRequest, "This link doesn't work")]
    [InlineData("missing", HttpStatusCode.BadRequest, "This link doesn't work")]
    [InlineData("expired", HttpStatusCode.BadRequest, "This link has expired")]
    [InlineData("bad-date", HttpStatusCode.BadRequest, "Which day?")]
    [InlineData("future-year", HttpStatusCode.BadRequest, "Which year?")]
    [InlineData("unknown-page", HttpStatusCode.NotFound, "Not here")]
    public async Task JournalLink_BadLinkOrParameter_ClearPageAndNoJournalShown(string attack, HttpStatusCode expected, string heading)
    {
        await using var opened = await OpenedJournal.OpenAsync("cai@example.com", "1. A private walk with Robin");
        var (local, prompt, web, link) = opened;
        var settings = Outbox.Link(prompt, "/api/settings");
        if (attack == "expired")
        {
            local.Clock.SetTo(OpenedJournal.Evening.AddHours(25));
        }

        var url = attack switch
        {
            "tampered" => link[..^1] + (link[^1] == 'a' ? 'b' : 'a'),
            "settings-token" => settings.Replace("/api/settings?", "/api/journal?", StringComparison.Ordinal),
            "missing" => "/api/journal",
            "bad-date" => link.Replace("/api/journal?", "/api/journal/day?", StringComparison.Ordinal) + "&date=../../etc",
            "future-year" => link + "&year=2031",
            "unknown-page" => link.Replace("/api/journal?", "/api/journal/secrets?", StringComparison.Ordinal),
            _ => link,
        };

        var (status, html) = await web.GetAsync(url);

        Assert.Equal(expected, status);
        Assert.Equal(heading, WebClient.Heading(html));
        Assert.DoesNotContain("Robin", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JournalLink_OnSettingsPage_NeverOpensSettingsItselfButSettingsLinksToTheJournal()
    {
        await using var opened = await OpenedJournal.OpenAsync("dee@example.com");
        var (_, prompt, web, _) = opened;

        var (asSettings, _) = await web.GetAsync(Outbox.Link(prompt, "/api/journal").Replace("/api/journal?", "/api/settings?", StringComparison.Ordinal));
        var (_, settings) = await web.GetAsync(Outbox.Link(prompt, "/api/settings"));
        var journal = System.Text.RegularExpressions.Regex.Match(settings, "href=\"(/api/journal\\?token=[a-z0-9]+)\"").Groups[1].Value;
        var (journalStatus, journalPage) = await web.GetAsync(journal);

        Assert.Equal(HttpStatusCode.BadRequest, asSettings);
        Assert.Equal(HttpStatusCode.OK, journalStatus);
        Assert.Equal("Your journal", WebClient.Heading(journalPage));
    }

    [Fact]
    public async Task JournalCommand_Reply_MailsAPrivateLinkThatOpensTheJournal()
    {
        await using var opened = await OpenedJournal.OpenAsync("eve@example.com");
        var (local, prompt, _, _) = opened;

        await local.ReplyAsync(prompt, "JOURNAL");
        var answer = Assert.Single(Outbox.Read(local.Outbox, "journal"));
        using var web = new WebClient(local.Host.BaseUrl);
        var (status, html) = await web.GetAsync(Outbox.Link(answer, "/api/journal"));

        Assert.Equal("eve@example.com", answer.To.Mailboxes.Single().Address);
        Assert.Contains("24 hours", answer.TextBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Your journal", WebClient.Heading(html));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/people")]
    [InlineData("/kindness")]
    [InlineData("/search")]
    [InlineData("/day")]
    public async Task JournalPage_Any_StrictContentSecurityPolicyAndNoStore(string view)
    {
        await using var opened = await OpenedJournal.OpenAsync("fay@example.com");
        var (_, _, web, _) = opened;
        var url = view == "/day" ? opened.DayUrl : opened.Page(view);

        using var response = await web.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("default-src 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.DoesNotContain("<script", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Corrections_EditMoveChooseAndDelete_DayPageAndExportFollowAndTheChoiceIsShownAsTheirs()
    {
        await using var opened = await OpenedJournal.OpenAsync("gil@example.com", "1. Lunch with Sam\n2. baked bread for the neighbour\n3. the rain\nkindness: a kind note for a coworker");
        var (local, _, web, _) = opened;
        var dayUrl = opened.DayUrl;

        var edited = await CorrectAsync(web, dayUrl, "item", 1, "edit", ("text", "Lunch with Sam and Robin"));
        var moved = await CorrectAsync(web, dayUrl, "item", 2, "move");
        var chosen = await CorrectAsync(web, dayUrl, "act", 2, "classify", ("category", "food"), ("recipient", "friend"));
        var deleted = await CorrectAsync(web, dayUrl, "item", 2, "delete");
        var (_, day) = await web.GetAsync(dayUrl);
        var export = (await local.Host.Services.GetRequiredService<Core.Export.ExportService>().ExportAsync("gil@example.com"))!;

        Assert.All([edited, moved, chosen, deleted], response => Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode));
        var entry = Assert.Single(export.Entries);
        Assert.Equal(["Lunch with Sam and Robin"], entry.Items.Select(item => item.Text));
        Assert.Equal(
            [("a kind note for a coworker", false), ("baked bread for the neighbour", true)],
            entry.Acts.Select(act => (act.Text, act.Chosen)));
        Assert.Equal(("food", "friend"), (entry.Acts[1].Category, entry.Acts[1].Recipient));
        Assert.Contains("your choice", day, StringComparison.Ordinal);
        Assert.DoesNotContain("the rain", day, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-cookie", HttpStatusCode.Forbidden, "It arrived without the security cookie our pages set")]
    [InlineData("wrong-form-token", HttpStatusCode.Forbidden, "Its security token doesn't match this page or this browser. Nothing was changed.")]
    [InlineData("not-their-item", HttpStatusCode.Conflict, "That item isn't there as the page showed it any more")]
    [InlineData("posted-twice", HttpStatusCode.Conflict, "That item isn't there as the page showed it any more")]
    [InlineData("no-number", HttpStatusCode.BadRequest, "It arrived without the day or item it is for. Nothing was changed.")]
    public async Task Corrections_ForgedStaleOrSomeoneElsesItem_RefusedAndNothingChanged(string attack, HttpStatusCode expected, string words)
    {
        await using var opened = await OpenedJournal.OpenAsync("ivy@example.com", "1. Ivy's walk\n2. Ivy's tea", other: ("hal@example.com", "1. Hal's bike ride"));
        var (local, _, web, _) = opened;
        var (_, page) = await web.GetAsync(opened.DayUrl);
        var (_, halPage) = await web.GetAsync(OpenedJournal.DayUrlOf(opened.Other!));
        var fields = new Dictionary<string, string>
        {
            ["token"] = WebClient.Field(page, "token"),
            ["form_token"] = WebClient.Field(page, "form_token"),
            ["date"] = "2026-11-25",
            ["kind"] = "item",
            ["number"] = "1",
            ["fingerprint"] = WebClient.Field(page, "fingerprint"),
            ["action"] = "delete",
        };
        using var stranger = new WebClient(local.Host.BaseUrl);
        var client = web;
        switch (attack)
        {
            case "no-cookie":
                client = stranger;
                break;
            case "wrong-form-token":
                fields["form_token"] = WebClient.Field(halPage, "form_token");
                break;
            case "not-their-item":
                // Hal's own link and form token, with Ivy's item: it names nothing in Hal's journal.
                fields["token"] = WebClient.Field(halPage, "token");
                fields["form_token"] = WebClient.Field(halPage, "form_token");
                break;
            case "posted-twice":
                await web.PostAsync("/api/journal/day", [.. fields.Select(pair => (pair.Key, pair.Value))]);
                fields["number"] = "1";
                break;
            case "no-number":
                fields.Remove("number");
                break;
        }

        var response = await client.PostAsync("/api/journal/day", [.. fields.Select(pair => (pair.Key, pair.Value))]);
        var answer = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var export = local.Host.Services.GetRequiredService<Core.Export.ExportService>();

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains(words, answer, StringComparison.Ordinal);
        Assert.DoesNotContain(attack == "not-their-item" ? "Ivy's" : "Hal's", answer, StringComparison.Ordinal);
        Assert.Equal(["Hal's bike ride"], (await export.ExportAsync("hal@example.com"))!.Entries.Single().Items.Select(item => item.Text));
        Assert.Equal(attack == "posted-twice" ? ["Ivy's tea"] : ["Ivy's walk", "Ivy's tea"], (await export.ExportAsync("ivy@example.com"))!.Entries.Single().Items.Select(item => item.Text));
    }

    [Fact]
    public async Task Corrections_AfterEveryPageWasShown_CalendarDayAndSearchShowTheChangeAtOnce()
    {
        await using var opened = await OpenedJournal.OpenAsync("kit@example.com", "1. Lunch with Sam\n2. baked bread for the neighbour");
        var (_, _, web, link) = opened;
        var dayUrl = opened.DayUrl;
        var searchUrl = opened.Page("/search") + "&q=robin";
        var (_, calendarBefore) = await web.GetAsync(link);
        var (_, searchBefore) = await web.GetAsync(searchUrl);

        await CorrectAsync(web, dayUrl, "item", 1, "edit", ("text", "Lunch with Sam and Robin"));
        await CorrectAsync(web, dayUrl, "item", 2, "move");
        var (_, calendar) = await web.GetAsync(link);
        var (_, day) = await web.GetAsync(dayUrl);
        var (_, search) = await web.GetAsync(searchUrl);

        Assert.Contains(" November: 2 gratitudes, with a person</span>", calendarBefore, StringComparison.Ordinal);
        Assert.Contains("Nothing found for", WebUtility.HtmlDecode(searchBefore), StringComparison.Ordinal);
        Assert.Contains(" November: 1 gratitude, with a person, 1 kind act</span>", calendar, StringComparison.Ordinal);
        Assert.Contains("Lunch with Sam and Robin", day, StringComparison.Ordinal);
        Assert.Contains("Lunch with Sam and Robin", search, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarAndDay_ShownAgainUnchanged_OneStorageRoundTripEach()
    {
        await using var opened = await OpenedJournal.OpenAsync("ned@example.com", "1. Lunch with Sam\n2. The rain on the roof");
        var (local, _, web, link) = opened;
        var dayUrl = opened.DayUrl;
        var roundTrips = local.Host.Services.GetRequiredService<Development.StorageRoundTrips>();
        await web.GetAsync(link);
        await web.GetAsync(dayUrl);

        roundTrips.Reset();
        var (calendarStatus, calendar) = await web.GetAsync(link);
        var calendarRoundTrips = roundTrips.Count;
        roundTrips.Reset();
        var (dayStatus, day) = await web.GetAsync(dayUrl);
        var dayRoundTrips = roundTrips.Count;

        Assert.Equal(HttpStatusCode.OK, calendarStatus);
        Assert.Contains(" November: 2 gratitudes, with a person</span>", calendar, StringComparison.Ordinal);
        Assert.Equal(1, calendarRoundTrips);
        Assert.Equal(HttpStatusCode.OK, dayStatus);
        Assert.Contains("The rain on the roof", day, StringComparison.Ordinal);
        Assert.Equal(1, dayRoundTrips);
    }

    [Fact]
    public async Task Calendar_ShownBeforeAndAfterMidnightInTheirZone_OnThisDayMovesToTheNewDay()
    {
        await using var opened = await OpenedJournal.OpenAsync("oda@example.com", "1. Lunch with Sam");
        var (local, _, web, link) = opened;
        var (_, evening) = await web.GetAsync(link);
        var (_, eveningAgain) = await web.GetAsync(link);

        local.Clock.SetTo(new DateTimeOffset(2026, 11, 25, 23, 0, 30, TimeSpan.Zero));
        var (status, pastMidnight) = await web.GetAsync(link);

        Assert.Equal(evening, eveningAgain);
        Assert.Contains("&amp;date=2026-11-18\"", evening, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("&amp;date=2026-11-19\"", pastMidnight, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;date=2026-11-18\"", pastMidnight, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calendar_ReplyIngestedBetweenTwoReads_SecondReadShowsIt()
    {
        await using var opened = await OpenedJournal.OpenAsync("lou@example.com", "1. Lunch with Sam");
        var (local, prompt, web, link) = opened;
        var (_, first) = await web.GetAsync(link);

        await local.ReplyAsync(prompt, "1. The rain on the roof\n2. A call with Mum");
        var (_, second) = await web.GetAsync(link);

        Assert.Contains(" November: 1 gratitude, with a person</span>", first, StringComparison.Ordinal);
        Assert.Contains(" November: 3 gratitudes, with a person</span>", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JournalLink_AfterDeleteEverything_NothingShownThatWasShownBefore()
    {
        await using var opened = await OpenedJournal.OpenAsync("mae@example.com", "1. A private walk with Robin");
        var (_, prompt, web, link) = opened;
        string[] pages = [link, opened.DayUrl, opened.Page("/search") + "&q=robin"];
        var before = new List<(HttpStatusCode Status, string Html)>();
        foreach (var page in pages)
        {
            before.Add(await web.GetAsync(page));
        }

        var (_, confirm) = await web.GetAsync(Outbox.Link(prompt, "/api/settings").Replace("/api/settings?", "/api/settings/delete?", StringComparison.Ordinal));
        var deleted = await web.PostAsync("/api/settings/delete", [("token", WebClient.Field(confirm, "token")), ("form_token", WebClient.Field(confirm, "form_token"))]);
        var after = new List<(HttpStatusCode Status, string Html)>();
        foreach (var page in pages)
        {
            after.Add(await web.GetAsync(page));
        }

        Assert.All(before, page => Assert.Equal(HttpStatusCode.OK, page.Status));
        Assert.Contains("A private walk with Robin", before[1].Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.All(after, page => Assert.NotEqual(HttpStatusCode.OK, page.Status));
        Assert.All(after, page => Assert.DoesNotContain("Robin", page.Html, StringComparison.Ordinal));
    }

    private static async Task<HttpResponseMessage> CorrectAsync(WebClient web, string dayUrl, string kind, int number, string action, params (string Name, string Value)[] extra)
    {
        var (_, page) = await web.GetAsync(dayUrl);
        var fingerprint = System.Text.RegularExpressions.Regex.Match(
            page,
            $"name=\"kind\" value=\"{kind}\">\n<input type=\"hidden\" name=\"number\" value=\"{number}\">\n<input type=\"hidden\" name=\"fingerprint\" value=\"([0-9a-f]+)\"").Groups[1].Value;
        Assert.NotEmpty(fingerprint);
        return await web.PostAsync(
            "/api/journal/day",
            [
                ("token", WebClient.Field(page, "token")), ("form_token", WebClient.Field(page, "form_token")), ("date", "2026-11-25"),
                ("kind", kind), ("number", number.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("fingerprint", fingerprint), ("action", action), .. extra,
            ]);
    }
}
