using System.Net;
using System.Text.Json;
using Compersion.Cli.Inbox;
using Compersion.Core.Export;
using Compersion.Core.Subscribers;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Compersion.Cli.Tests;

/// <summary>The web pages over HTTP through serve: links, forms and their refusals, as a browser would meet them.</summary>
public sealed class WebSurfaceTests
{
    private static readonly DateTimeOffset Evening = OpenedSettings.Evening;

    [Fact]
    public async Task SettingsLink_FromThePromptFooter_OpensTheirSettingsPage()
    {
        await using var opened = await OpenedSettings.OpenAsync("ana@example.com");
        var (_, _, web, link) = opened;

        var (status, html) = await web.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Your settings", WebClient.Heading(html));
        Assert.Contains("ana@example.com", html, StringComparison.Ordinal);
        Assert.Contains("value=\"20:00\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettingsLink_AfterADay_ExpiredPageWhoseButtonMailsAFreshLinkToTheAddressOnFile()
    {
        await using var opened = await OpenedSettings.OpenAsync("bea@example.com");
        var (local, _, web, link) = opened;
        local.Clock.SetTo(Evening.AddHours(24).AddMinutes(1));

        var (status, html) = await web.GetAsync(link);
        var sent = await web.PostAsync("/api/settings/link", ("token", WebClient.Field(html, "token")), ("form_token", WebClient.Field(html, "form_token")));
        var fresh = Assert.Single(Outbox.Read(local.Outbox, "settings"));
        var (freshStatus, freshPage) = await web.GetAsync(Outbox.Link(fresh, "/api/settings"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("This link has expired", WebClient.Heading(html));
        Assert.DoesNotContain("bea@example.com", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal("bea@example.com", fresh.To.Mailboxes.Single().Address);
        Assert.Equal(HttpStatusCode.OK, freshStatus);
        Assert.Equal("Your settings", WebClient.Heading(freshPage));
    }

    [Fact]
    public async Task SettingsLink_FreshLinkAskedForFiveTimesInADay_OneMailThatDayAndAnotherTheNext()
    {
        await using var opened = await OpenedSettings.OpenAsync("ada@example.com");
        var (local, _, web, link) = opened;
        local.Clock.SetTo(Evening.AddHours(24).AddMinutes(1));
        var (_, html) = await web.GetAsync(link);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add((await web.PostAsync("/api/settings/link", ("token", WebClient.Field(html, "token")), ("form_token", WebClient.Field(html, "form_token")))).StatusCode);
        }

        var firstDay = Outbox.Read(local.Outbox, "settings").Count;
        local.Clock.SetTo(Evening.AddHours(48));
        (_, html) = await web.GetAsync(link);
        await web.PostAsync("/api/settings/link", ("token", WebClient.Field(html, "token")), ("form_token", WebClient.Field(html, "form_token")));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer));
        Assert.Equal(1, firstDay);
        Assert.Equal(2, Outbox.Read(local.Outbox, "settings").Count);
    }

    [Fact]
    public async Task SettingsLink_Tampered_400AndNoSettingsShown()
    {
        await using var opened = await OpenedSettings.OpenAsync("cai@example.com");
        var (_, _, web, link) = opened;

        var (status, html) = await web.GetAsync(link[..^1] + (link[^1] == 'a' ? 'b' : 'a'));
        var (missing, _) = await web.GetAsync("/api/settings");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("This link doesn't work", WebClient.Heading(html));
        Assert.DoesNotContain("cai@example.com", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, missing);
    }

    [Theory]
    [InlineData("no-token", "without its security token")]
    [InlineData("wrong-token", "doesn't match")]
    [InlineData("no-cookie", "without the security cookie")]
    public async Task SettingsPost_Forged_403WithTheReasonAndNothingChanged(string forgery, string reason)
    {
        await using var opened = await OpenedSettings.OpenAsync("dev@example.com");
        var (local, _, web, link) = opened;
        var (_, page) = await web.GetAsync(link);
        var token = WebClient.Field(page, "token");
        using var stranger = new WebClient(local.Host.BaseUrl);
        var fields = new List<(string, string)> { ("token", token), ("zone", "Asia/Tokyo"), ("time", "06:00"), ("digestDay", "Monday"), ("digestTime", "09:00"), ("goal", "5"), ("status", "paused") };
        var client = web;
        switch (forgery)
        {
            case "wrong-token":
                fields.Add(("form_token", "AAAAAAAAAAAAAAAAAAAAAA"));
                break;
            case "no-cookie":
                fields.Add(("form_token", WebClient.Field(page, "form_token")));
                client = stranger;
                break;
        }

        var response = await client.PostAsync("/api/settings", [.. fields]);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(reason, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var stored = await local.Host.Services.GetRequiredService<ISubscriberStore>().FindByEmailAsync("dev@example.com");
        Assert.Equal(("Europe/Berlin", SubscriberStatus.Active, 1), (stored!.Zone, stored.Status, stored.KindnessGoal));
    }

    [Fact]
    public async Task SettingsPost_TimeNotATime_400SayingHowToWriteItAndNothingChanged()
    {
        await using var opened = await OpenedSettings.OpenAsync("eli@example.com");
        var (local, _, web, link) = opened;
        var (_, page) = await web.GetAsync(link);

        var response = await web.PostAsync(
            "/api/settings",
            ("token", WebClient.Field(page, "token")), ("form_token", WebClient.Field(page, "form_token")),
            ("zone", "Asia/Tokyo"), ("time", "25:99"), ("digestDay", "Monday"), ("digestTime", "09:00"), ("goal", "2"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("HH:mm", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await local.Host.Services.GetRequiredService<ISubscriberStore>().FindByEmailAsync("eli@example.com");
        Assert.Equal("Europe/Berlin", stored!.Zone);
    }

    [Fact]
    public async Task Delete_SameLinkTwice_SecondTimeSaysAlreadyUsedAndNoSecondFarewell()
    {
        await using var opened = await OpenedSettings.OpenAsync("fay@example.com");
        var (local, _, web, _) = opened;
        var (_, confirm) = await web.GetAsync(opened.DeleteLink);
        (string, string)[] form = [("token", WebClient.Field(confirm, "token")), ("form_token", WebClient.Field(confirm, "form_token"))];

        var first = await web.PostAsync("/api/settings/delete", form);
        var second = await web.PostAsync("/api/settings/delete", form);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, second.StatusCode);
        Assert.Contains("already been used", WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Single(Outbox.Read(local.Outbox, "deleted"));
        Assert.Null(await local.Host.Services.GetRequiredService<ISubscriberStore>().FindByEmailAsync("fay@example.com"));
    }

    [Fact]
    public async Task Delete_ConfirmPageLeftOpenOverThirtyMinutes_ExpiredAndNothingDeleted()
    {
        await using var opened = await OpenedSettings.OpenAsync("gus@example.com");
        var (local, _, web, _) = opened;
        var (_, confirm) = await web.GetAsync(opened.DeleteLink);
        local.Clock.SetTo(Evening.AddMinutes(32));

        var response = await web.PostAsync("/api/settings/delete", ("token", WebClient.Field(confirm, "token")), ("form_token", WebClient.Field(confirm, "form_token")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Nothing was deleted", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.NotNull(await local.Host.Services.GetRequiredService<ISubscriberStore>().FindByEmailAsync("gus@example.com"));
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("settings-token")]
    [InlineData("forged")]
    public async Task Delete_TamperedOrWrongPurposeOrForged_RefusedAndNothingDeleted(string attack)
    {
        await using var opened = await OpenedSettings.OpenAsync("hal@example.com");
        var (local, _, web, link) = opened;
        var (_, confirm) = await web.GetAsync(opened.DeleteLink);
        var token = WebClient.Field(confirm, "token");
        var settingsToken = link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        var formToken = WebClient.Field(confirm, "form_token");

        var response = attack switch
        {
            "tampered" => await web.PostAsync("/api/settings/delete", ("token", token[..^1] + (token[^1] == 'a' ? 'b' : 'a')), ("form_token", formToken)),
            "settings-token" => await web.PostAsync("/api/settings/delete", ("token", settingsToken), ("form_token", Assert.IsType<string>(WebClient.Field((await web.GetAsync(link)).Html, "form_token")))),
            _ => await web.PostAsync("/api/settings/delete", ("token", token)),
        };

        // A tampered token no longer matches the form token made for it, so it is refused as a forgery (403); a genuine
        // token of another purpose passes the form check and is refused as a link (400).
        Assert.Equal(attack == "settings-token" ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotNull(await local.Host.Services.GetRequiredService<ISubscriberStore>().FindByEmailAsync("hal@example.com"));
        Assert.Empty(Outbox.Read(local.Outbox, "deleted"));
    }

    [Theory]
    [InlineData("## 2026-11-20\nfine\n## 2026-02-30\nnot a real day\n", "Line 3")]
    [InlineData("[{\"date\": \"2026-11-20\", \"body\": \"ok\"}, {\"body\": \"no date\"}]", "Entry 2")]
    [InlineData("Just some notes without dates", "should start with a date heading")]
    public async Task Import_MalformedFile_400WithAClearErrorAndNothingImported(string file, string reason)
    {
        await using var opened = await OpenedSettings.OpenAsync("ida@example.com");
        var (local, _, web, link) = opened;
        var (_, page) = await web.GetAsync(link);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebClient.Field(page, "token")), "token" },
            { new StringContent(WebClient.Field(page, "form_token")), "form_token" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(file)), "file", "export.txt" },
        };

        var response = await web.Http.PostAsync("/api/settings/import", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty((await local.Host.Services.GetRequiredService<ExportService>().ExportAsync("ida@example.com"))!.Entries);
    }

    [Fact]
    public async Task SettingsCommand_Reply_MailsAPrivateLinkThatOpensTheSettings()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = await local.PromptAsync("jon@example.com", Evening);

        await local.PostInboundAsync(InboundParsePost.Raw(InboundParsePost.Reply(prompt, "SETTINGS")));
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var answer = Assert.Single(Outbox.Read(local.Outbox, "settings"));
        using var web = new WebClient(local.Host.BaseUrl);
        var (status, html) = await web.GetAsync(Outbox.Link(answer, "/api/settings"));

        Assert.Equal("jon@example.com", answer.To.Mailboxes.Single().Address);
        Assert.Contains("24 hours", answer.TextBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("jon@example.com", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportCommand_Reply_MailsTheJournalAsJsonAndMarkdownAttachments()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = await local.PromptAsync("kim@example.com", Evening);
        await local.ReplyAsync(prompt, "1. Lunch with Sam\n2. The rain\nkindness: watered the neighbour's plants");

        await local.PostInboundAsync(InboundParsePost.Raw(InboundParsePost.Reply(prompt, "EXPORT")));
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        var export = Assert.Single(Outbox.Read(local.Outbox, "export"));
        var files = export.Attachments.OfType<MimePart>().ToDictionary(a => a.FileName!, Text);
        Assert.Equal(["compersion-journal.json", "compersion-journal.md"], files.Keys.Order(StringComparer.Ordinal));
        using var json = JsonDocument.Parse(files["compersion-journal.json"]);
        var day = Assert.Single(json.RootElement.GetProperty("entries").EnumerateArray());
        Assert.Equal("Lunch with Sam", day.GetProperty("items")[0].GetProperty("text").GetString());
        Assert.True(day.GetProperty("items")[0].GetProperty("social").GetBoolean());
        Assert.Equal("watered the neighbour's plants", day.GetProperty("acts")[0].GetProperty("text").GetString());
        Assert.Contains("1. Lunch with Sam\n", files["compersion-journal.md"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignUp_BrowserFormWithBadGoal_400PageSayingWhyWithTheAddressKeptAndNothingStored()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening);
        using var web = new WebClient(local.Host.BaseUrl);

        var response = await web.PostAsync("/api/subscribe", ("email", "lea@example.com"), ("zone", "Europe/Berlin"), ("time", "20:00"), ("goal", "99"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        Assert.Contains("from 0 to 14", html, StringComparison.Ordinal);
        Assert.Contains("value=\"lea@example.com\"", html, StringComparison.Ordinal);
        Assert.Null(await local.Host.Services.GetRequiredService<ISubscriberStore>().FindByEmailAsync("lea@example.com"));
    }

    [Fact]
    public async Task SignUp_BrowserFormWithGoal_ThankYouPageAndTheGoalKept()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening);
        using var web = new WebClient(local.Host.BaseUrl);

        var response = await web.PostAsync("/api/subscribe", ("email", "max@example.com"), ("zone", "Asia/Kolkata"), ("time", "07:30"), ("digestDay", "Friday"), ("digestTime", "19:00"), ("goal", "3"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Check your inbox", WebClient.Heading(await response.Content.ReadAsStringAsync()));
        var stored = await local.Host.Services.GetRequiredService<ISubscriberStore>().FindByEmailAsync("max@example.com");
        Assert.Equal((SubscriberStatus.Pending, 3, "Asia/Kolkata"), (stored!.Status, stored.KindnessGoal, stored.Zone));
    }

    [Theory]
    [InlineData("/api/signup")]
    [InlineData("/api/settings?token=nope")]
    [InlineData("/api/confirm?token=nope")]
    [InlineData("/outbox")]
    public async Task Page_AnyPage_StrictContentSecurityPolicyWithoutInlineScriptOrStyle(string path)
    {
        await using var local = await LocalHostFixture.StartAsync(Evening);
        using var web = new WebClient(local.Host.BaseUrl);

        using var response = await web.Http.GetAsync(path);

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Inbox_MailOutsideTheOutboxFolderOrForgedReply_RefusedAndNothingPosted()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = await local.PromptAsync("ned@example.com", Evening);
        var name = Path.GetFileName(Directory.GetFiles(local.Outbox, "*-prompt-*.eml").Single());
        using var web = new WebClient(local.Host.BaseUrl);

        using var traversal = await web.Http.GetAsync("/outbox/html?mail=" + Uri.EscapeDataString("../local-secrets.json"));
        using var html = await web.Http.GetAsync("/outbox/html?mail=" + Uri.EscapeDataString(name));
        var forged = await web.PostAsync("/outbox/reply", ("mail", name), ("text", "1. Forged gratitude"));
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
        Assert.Contains("sandbox", string.Join(";", html.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Contains("<base target=\"_top\">", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Empty((await local.Host.Services.GetRequiredService<ExportService>().ExportAsync("ned@example.com"))!.Entries);
        Assert.NotNull(prompt);
    }

    private static string Text(MimePart part)
    {
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content);
        return System.Text.Encoding.UTF8.GetString(content.ToArray());
    }
}
