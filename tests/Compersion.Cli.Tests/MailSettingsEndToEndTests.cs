using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Compersion.Cli.Tests;

/// <summary>The settings people ask for, through <c>serve</c> over Azurite: a pause that ends by itself, and one mail off without the other.</summary>
public sealed class MailSettingsEndToEndTests
{
    // Wednesday 25 November 2026; Berlin is UTC+1, so a 20:00 prompt is due at 19:00 UTC.
    private static readonly DateTimeOffset Noon = new(2026, 11, 25, 11, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PauseUntilADate_NoPromptUntilTheDateThenOneOnIt()
    {
        await using var local = await LocalHostFixture.StartAsync(Noon);
        var prompt = await local.PromptAsync("pia@example.com", Evening(0));

        await local.ReplyAsync(prompt, "PAUSE 2026-11-27");
        var answer = Assert.Single(Outbox.Read(local.Outbox, "command"));
        await EveningAsync(local, 1);
        var duringThePause = Prompts(local, "pia@example.com");
        await EveningAsync(local, 2);
        var afterThePause = Prompts(local, "pia@example.com");

        Assert.Contains("start again by themselves on Friday 27 November 2026", answer.TextBody, StringComparison.Ordinal);
        Assert.Single(duringThePause);
        Assert.Equal(2, afterThePause.Count);
        Assert.Contains("27 November", afterThePause[^1].Subject, StringComparison.Ordinal);
        var stored = await local.Host.Services.GetRequiredService<ISubscriberStore>().FindByEmailAsync("pia@example.com");
        Assert.Equal(SubscriberStatus.Active, stored!.Status);
        Assert.Null(stored.PausedUntil);
    }

    [Fact]
    public async Task DigestOff_PromptsKeepComingButNoDigest()
    {
        await using var local = await LocalHostFixture.StartAsync(Noon);
        await AddLongstandingAsync(local, "quin@example.com");
        await AddLongstandingAsync(local, "rue@example.com");
        await EveningAsync(local, 0);
        var prompt = Prompts(local, "quin@example.com").Single();

        await local.ReplyAsync(prompt, "DIGEST OFF");
        await EveningAsync(local, 1);

        Assert.Equal(2, Prompts(local, "quin@example.com").Count);
        Assert.DoesNotContain(Outbox.Read(local.Outbox, "digest"), mail => To(mail) == "quin@example.com");
        Assert.Single(Outbox.Read(local.Outbox, "digest"), mail => To(mail) == "rue@example.com");
        Assert.Contains("Reply DIGEST ON whenever you'd like it back", Assert.Single(Outbox.Read(local.Outbox, "command")).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettingsPage_PauseUntilADateAndPromptOff_SavedShownAndAPastDateRefused()
    {
        await using var opened = await OpenedSettings.OpenAsync("sol@example.com", Evening(0));
        var (local, _, web, link) = opened;
        var (_, page) = await web.GetAsync(link);
        (string, string)[] Form(string until) =>
        [
            ("token", WebClient.Field(page, "token")), ("form_token", WebClient.Field(page, "form_token")),
            ("zone", "Europe/Berlin"), ("time", "20:00"), ("digestDay", "Sunday"), ("digestTime", "18:00"), ("goal", "1"),
            ("status", "until"), ("pauseUntil", until), ("prompts", "off"), ("digest", "on"),
        ];

        var past = await web.PostAsync("/api/settings", Form("2026-11-20"));
        var unchanged = await local.Host.Services.GetRequiredService<ISubscriberStore>().FindByEmailAsync("sol@example.com");
        var saved = await web.PostAsync("/api/settings", Form("2026-12-28"));
        var (_, after) = await web.GetAsync(link);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("Please choose a date after today", await past.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Active, unchanged!.Status);
        Assert.Equal(System.Net.HttpStatusCode.SeeOther, saved.StatusCode);
        var stored = await local.Host.Services.GetRequiredService<ISubscriberStore>().FindByEmailAsync("sol@example.com");
        Assert.Equal(SubscriberStatus.Paused, stored!.Status);
        Assert.Equal(new NodaTime.LocalDate(2026, 12, 28), stored.PausedUntil);
        Assert.False(stored.PromptsEnabled);
        Assert.True(stored.DigestEnabled);
        Assert.Contains("Your emails start again on Monday 28 December 2026.", after, StringComparison.Ordinal);
        Assert.Contains("id=\"status-until\" name=\"status\" value=\"until\" checked", after, StringComparison.Ordinal);
        Assert.Contains("id=\"prompts-off\" name=\"prompts\" value=\"off\" checked", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddressChange_ConfirmedByTheLinkAtTheNewAddress_MailMovesAndTheOldAddressNeverReadsTheJournal()
    {
        await using var opened = await OpenedSettings.OpenAsync("tao@example.com", Evening(0));
        var (local, prompt, web, oldSettings) = opened;
        var oldJournal = Outbox.Link(prompt, "/api/journal");
        var (_, settings) = await web.GetAsync(oldSettings);

        var asked = await web.PostAsync("/api/settings/address", ("token", WebClient.Field(settings, "token")), ("form_token", WebClient.Field(settings, "form_token")), ("email", "tao@new.example"));
        var confirmation = Assert.Single(Outbox.Read(local.Outbox, "address"));
        var stillOld = await local.Host.Services.GetRequiredService<ISubscriberStore>().FindByEmailAsync("tao@example.com");
        using var newInbox = new WebClient(local.Host.BaseUrl);
        var (pageStatus, page) = await newInbox.GetAsync(Outbox.Link(confirmation, "/api/address/confirm"));
        var confirmed = await newInbox.PostAsync("/api/address/confirm", ("token", WebClient.Field(page, "token")), ("form_token", WebClient.Field(page, "form_token")));
        await local.ReplyAsync(prompt, "1. Coffee with Ana on the balcony", from: "tao@new.example");
        await local.ReplyAsync(prompt, "1. Written from the old address", from: "tao@example.com");
        var (oldJournalStatus, oldJournalPage) = await web.GetAsync(oldJournal);
        var (oldSettingsStatus, oldSettingsPage) = await web.GetAsync(oldSettings);
        await EveningAsync(local, 1);

        Assert.Equal(System.Net.HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal("tao@new.example", To(confirmation));
        Assert.Equal(SubscriberStatus.Active, stillOld!.Status);
        Assert.Equal(System.Net.HttpStatusCode.OK, pageStatus);
        Assert.Equal(System.Net.HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("come to this address from now on", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var notice = Assert.Single(Outbox.Read(local.Outbox, "address"), mail => To(mail) == "tao@example.com");
        Assert.Contains("t•••@new.example", notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/journal", notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/settings", notice.TextBody, StringComparison.Ordinal);
        var export = await local.Host.Services.GetRequiredService<Compersion.Core.Export.ExportService>().ExportAsync("tao@new.example");
        var item = Assert.Single(Assert.Single(export!.Entries).Items);
        Assert.StartsWith("Coffee with Ana", item.Text, StringComparison.Ordinal);
        Assert.Null(await local.Host.Services.GetRequiredService<Compersion.Core.Export.ExportService>().ExportAsync("tao@example.com"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, oldJournalStatus);
        Assert.DoesNotContain("Coffee with Ana", oldJournalPage, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, oldSettingsStatus);
        Assert.DoesNotContain("tao@new.example", oldSettingsPage, StringComparison.Ordinal);
        Assert.Single(Prompts(local, "tao@new.example"));
        Assert.Single(Prompts(local, "tao@example.com"));
    }

    // 19:00:30 UTC (20:00:30 in Berlin) on the day `days` after the 25th, with the dispatcher run and the queues drained.
    private static DateTimeOffset Evening(int days) => new DateTimeOffset(2026, 11, 25, 19, 0, 30, TimeSpan.Zero).AddDays(days);

    private static async Task EveningAsync(LocalHostFixture local, int days)
    {
        local.Clock.SetTo(Evening(days));
        await local.Host.RunTimerAsync("DispatchDueFunction", CancellationToken.None);
        await local.Host.DrainQueuesAsync(CancellationToken.None);
    }

    // A Berlin subscriber prompted at 20:00 with the digest on Thursdays at 18:00, who joined a week ago (so a digest is due).
    private static async Task AddLongstandingAsync(LocalHostFixture local, string email)
    {
        Assert.True(SignUpRequest.TryCreate(email, "Europe/Berlin", "20:00", "Thursday", "18:00", out var request, out var error), error);
        var subscriber = await local.Host.Services.GetRequiredService<SubscriptionService>().AddConfirmedAsync(request!);
        await local.Host.Services.GetRequiredService<ISubscriberStore>().UpdateAsync(
            subscriber.Id,
            s => s with { CreatedAt = s.CreatedAt - NodaTime.Duration.FromDays(7), ConfirmedAt = s.CreatedAt - NodaTime.Duration.FromDays(7) });
    }

    private static List<MimeMessage> Prompts(LocalHostFixture local, string email) =>
        [.. Outbox.Read(local.Outbox, "prompt").Where(mail => To(mail) == email)];

    private static string To(MimeMessage mail) => mail.To.Mailboxes.Single().Address;
}
