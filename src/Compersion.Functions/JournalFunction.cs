using System.Globalization;
using Compersion.Core.Journal;
using Compersion.Core.Mail;
using Compersion.Core.Photos;
using Compersion.Core.Security;
using Compersion.Core.Subscribers;
using Compersion.Functions.Http;
using Compersion.Functions.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Compersion.Functions;

/// <summary>
/// <c>/api/journal/{view}?token=…</c>: the journal on the web — the year calendar with "on this day" (no view), a day
/// (<c>day?date=</c>), search (<c>search?q=</c>), people and kindness — reached only through a signed journal link;
/// and the day page's corrections (<c>POST /api/journal/day</c>, a form with its anti-forgery token), 303 back to the day.
/// </summary>
/// <remarks>The token names the subscriber and only their partition is read or written, so no link or form reaches anyone else's journal.</remarks>
public sealed class JournalFunction(JournalAccessService access, JournalCorrections corrections, JournalPhotos photos, FormTokens tokens)
{
    /// <summary>The largest correction form accepted (an item is at most 1,000 characters).</summary>
    private const int CorrectionFormBytes = 16 * 1024;

    /// <summary>Shows one journal page, or applies a correction from the day page.</summary>
    [Function(nameof(JournalFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Routes.JournalViews)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var view = request.Path.Value?[(request.Path.Value.TrimEnd('/').LastIndexOf('/') + 1)..].TrimEnd('/') ?? string.Empty;
        if (!JournalPage.Views.Contains(view) || (HttpMethods.IsPost(request.Method) && view != "day"))
        {
            return Page.Render(StatusCodes.Status404NotFound, "Not here", "There is no such page in your journal.");
        }

        if (HttpMethods.IsGet(request.Method))
        {
            var token = request.Query["token"].ToString();
            var opened = await access.OpenAsync(token, cancellationToken);
            return opened.Outcome == SettingsAccessOutcome.Open
                ? JournalPage.Render(request, tokens, opened, token, view, request.Query, photos: await DayPhotosAsync(opened, view, request.Query["date"], cancellationToken))
                : JournalPage.NotOpen(request, tokens, opened.Outcome, token);
        }

        var (form, problem, status) = await FormReader.ReadAsync(request, CorrectionFormBytes, cancellationToken);
        if (form is null)
        {
            return Page.Render(status, "That didn't go through", problem!);
        }

        var posted = form["token"].ToString();
        var check = FormGuard.Check(tokens, request, form, posted);
        if (check != FormCheck.Valid)
        {
            return FormGuard.Refused(check);
        }

        var current = await access.OpenAsync(posted, cancellationToken);
        if (current.Outcome != SettingsAccessOutcome.Open)
        {
            return JournalPage.NotOpen(request, tokens, current.Outcome, posted);
        }

        if (form["action"] == "delete-photo")
        {
            // The photo is looked up under the link's subscriber only; one that is not theirs (or already gone) changes nothing.
            var deleted = JournalViews.TryParseDate(form["date"], out var photoDate) &&
                          await photos.DeleteAsync(current.Subscriber!, photoDate, form["photo"].ToString(), cancellationToken);
            return new SeeOtherResult(JournalPage.DayUrl(posted, form["date"].ToString()) + (deleted ? "&saved=photo" : string.Empty));
        }

        if (!TryRead(form, out var correction))
        {
            return Page.Message(StatusCodes.Status400BadRequest, "That correction can't be read", ["It arrived without the day or item it is for. Nothing was changed. Open the day from your calendar and try once more."], linkUrl: JournalPage.Url(posted), linkText: "Back to your calendar");
        }

        var result = await corrections.ApplyAsync(current.Subscriber!, correction!, cancellationToken);
        var iso = form["date"].ToString();
        if (result.Outcome == CorrectionOutcome.Saved)
        {
            return new SeeOtherResult(JournalPage.DayUrl(posted, iso) + "&saved=" + form["action"].ToString().ToLowerInvariant());
        }

        var reread = await access.OpenAsync(posted, cancellationToken);
        return JournalPage.Render(
            request,
            tokens,
            reread,
            posted,
            "day",
            new QueryCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues> { ["date"] = iso }),
            result.Message,
            noticeIsError: true,
            status: result.Outcome == CorrectionOutcome.Stale ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest,
            photos: await DayPhotosAsync(reread, "day", iso, cancellationToken));
    }

    // The day page shows the day's photos; other pages read none.
    private async Task<IReadOnlyList<StoredPhoto>> DayPhotosAsync(JournalAccess opened, string view, string? date, CancellationToken cancellationToken) =>
        view == "day" && opened.Subscriber is { } subscriber && JournalViews.TryParseDate(date, out var day)
            ? await photos.ListAsync(subscriber.Id, day, cancellationToken)
            : [];

    private static bool TryRead(IFormCollection form, out Correction? correction)
    {
        correction = null;
        if (!JournalViews.TryParseDate(form["date"], out var date) ||
            form["kind"].ToString() is not ("item" or "act") ||
            !int.TryParse(form["number"], NumberStyles.None, CultureInfo.InvariantCulture, out var number) ||
            !Enum.TryParse<CorrectionAction>(form["action"], ignoreCase: true, out var action) || !Enum.IsDefined(action) ||
            form["action"].ToString().Any(char.IsDigit))
        {
            return false;
        }

        correction = new Correction(date, form["kind"] == "act", number, form["fingerprint"].ToString(), action, form["text"].ToString(), form["category"].ToString(), form["recipient"].ToString());
        return true;
    }
}
