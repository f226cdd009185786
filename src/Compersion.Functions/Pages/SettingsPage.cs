using System.Globalization;
using Compersion.Core.Access;
using Compersion.Core.Import;
using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using NodaTime.Text;

namespace Compersion.Functions.Pages;

/// <summary>The settings page and the pages a settings link can lead to instead (expired, invalid, gone).</summary>
internal static class SettingsPage
{
    /// <summary>The largest import form accepted: the file limit plus room for the form around it.</summary>
    public const int ImportFormBytes = JournalFileParser.MaxBytes + (64 * 1024);

    /// <summary>The largest settings form accepted.</summary>
    public const int SettingsFormBytes = 16 * 1024;

    private static readonly LocalDatePattern DayWords = LocalDatePattern.CreateWithInvariantCulture("dddd d MMMM yyyy");

    private static readonly ZonedDateTimePattern Until = ZonedDateTimePattern.CreateWithInvariantCulture("dddd d MMMM 'at' HH':'mm", null);

    /// <summary>The settings page's address for a link token.</summary>
    public static string Url(string token) => Routes.Path(Routes.Settings) + "?token=" + Uri.EscapeDataString(token);

    /// <summary>The settings page for an open link (with a link to the journal when the link carries one).</summary>
    public static HtmlResult Render(HttpRequest request, FormTokens tokens, SettingsAccess opened, string token, string notice = "", bool noticeIsError = false, int status = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(opened);
        var subscriber = opened.Subscriber!;
        var expires = opened.ExpiresAt;
        var journalToken = opened.JournalToken;
        var today = opened.Today;
        var nonce = FormGuard.Nonce(request);
        var query = "token=" + Uri.EscapeDataString(token);
        var view = new SettingsView(
            token,
            tokens.TokenFor(token, nonce),
            subscriber.Email,
            expires is { } at ? $"This private link works until {Until.Format(at.InZone(subscriber.TimeZone))} ({subscriber.Zone}); after that, ask for a fresh one." : string.Empty,
            notice,
            noticeIsError,
            Choices.Time(subscriber.PromptTime),
            Choices.Zones(subscriber.Zone),
            Choices.Days(subscriber.DigestDay),
            Choices.Time(subscriber.DigestTime),
            Choices.Goals(subscriber.KindnessGoal),
            subscriber.MemoriesEnabled,
            subscriber.ReceiptsEnabled,
            subscriber.TwelveHourClock,
            subscriber.Status == SubscriberStatus.Unsubscribed,
            subscriber.Status == SubscriberStatus.Paused && subscriber.PausedUntil is null,
            subscriber.Status == SubscriberStatus.Paused && subscriber.PausedUntil is not null,
            subscriber.PausedUntil is { } until ? LocalDatePattern.Iso.Format(until) : string.Empty,
            subscriber.PausedUntil is { } back ? DayWords.Format(back) : string.Empty,
            LocalDatePattern.Iso.Format(today.PlusDays(1)),
            LocalDatePattern.Iso.Format(today.Plus(PauseEnd.Longest)),
            subscriber.PromptsEnabled,
            subscriber.DigestEnabled,
            Routes.Path(Routes.SettingsExport) + "?format=json&" + query,
            Routes.Path(Routes.SettingsExport) + "?format=markdown&" + query,
            Routes.Path(Routes.SettingsExport) + "?format=zip&" + query,
            Routes.Path(Routes.SettingsDelete) + "?" + query,
            JournalFileParser.MaxBytes / 1024,
            journalToken.Length == 0 ? string.Empty : JournalPage.Url(journalToken),
            opened.PendingEmail,
            subscriber.Extras);
        return new HtmlResult(status, PageTemplates.Render("Your settings", "settings.html", view));
    }

    /// <summary>The page for a link that does not open the settings: expired (with a button for a fresh link), invalid, or gone.</summary>
    public static HtmlResult NotOpen(HttpRequest request, FormTokens tokens, SettingsAccessOutcome outcome, string? token) =>
        NotOpen(request, tokens, outcome, token, "Settings", "It goes only there.", Routes.Path(Routes.SettingsLink), "SETTINGS");

    /// <summary>The page for a signed link that opens nothing, for settings and journal links alike.</summary>
    /// <param name="request">The request.</param>
    /// <param name="tokens">The form tokens (the expired page's button carries one).</param>
    /// <param name="outcome">Why the link opens nothing.</param>
    /// <param name="token">The link's token.</param>
    /// <param name="kind">"Settings" or "Journal".</param>
    /// <param name="freshWay">Said after the offer of a fresh link.</param>
    /// <param name="freshPath">Where the fresh-link button posts.</param>
    /// <param name="command">The reply command that mails a fresh link.</param>
    public static HtmlResult NotOpen(HttpRequest request, FormTokens tokens, SettingsAccessOutcome outcome, string? token, string kind, string freshWay, string freshPath, string command) => outcome switch
    {
        SettingsAccessOutcome.Expired => Page.Message(
            StatusCodes.Status400BadRequest,
            "This link has expired",
            [
                $"{kind} links work for 24 hours, to keep your journal private. That's all — nothing is wrong.",
                $"We can email a fresh link to the address we have for you. {freshWay}",
            ],
            new SignedButton(request, tokens, token!).Form(freshPath, "Email me a fresh link")),
        SettingsAccessOutcome.Gone => Page.Message(
            StatusCodes.Status404NotFound,
            "There's nothing here any more",
            ["Everything for this address was deleted, so this link has nothing to open. You're welcome back any time."],
            linkUrl: Routes.Path(Routes.SignUp),
            linkText: "Sign up again"),
        _ => Page.Message(
            StatusCodes.Status400BadRequest,
            "This link doesn't work",
            [$"It may have been cut short or changed. Copy the whole link from the email, or reply {command} to any of our emails for a fresh one."]),
    };

    /// <summary>Reads the settings form into a change, or the reason it can't be one.</summary>
    public static bool TryReadChange(IFormCollection form, Subscriber subscriber, NodaTime.LocalDate today, out SettingsChange? change, out string error)
    {
        ArgumentNullException.ThrowIfNull(form);
        var switches = new SettingsSwitches(form["status"], form["pauseUntil"], form["prompts"], form["digest"]);
        return SettingsChange.TryCreate(form["zone"], form["time"], form["digestDay"], form["digestTime"], form["goal"], form["memories"], form["receipts"], form["twelveHour"], switches, subscriber, today, out change, out error);
    }

    /// <summary>What is wrong with an import's file (none chosen, or too large) and the status to answer with; null when it can be read.</summary>
    public static (string Problem, int Status)? ImportProblem(IFormFile? file) =>
        file is null || file.Length == 0 ? ("Please choose a file to import.", StatusCodes.Status400BadRequest)
        : file.Length > JournalFileParser.MaxBytes ? ($"That file is larger than {JournalFileParser.MaxBytes / (1024 * 1024)} MB. Nothing was imported.", StatusCodes.Status413PayloadTooLarge)
        : null;

    /// <summary>Days as words.</summary>
    public static string Days(int count) => count == 1 ? "1 day" : string.Create(CultureInfo.InvariantCulture, $"{count} days");
}
