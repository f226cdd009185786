using System.Globalization;
using Compersion.Core.Access;
using Compersion.Core.Journal;
using Compersion.Core.Photos;
using Microsoft.Extensions.Primitives;

namespace Compersion.Functions.Pages;

/// <summary>The day page's correction form: read into a <see cref="Correction"/>, and the answers to it.</summary>
internal static class CorrectionForm
{
    /// <summary>The largest correction form accepted (an item is at most 1,000 characters).</summary>
    public const int Bytes = 16 * 1024;

    /// <summary>The form's correction, or false when it lacks the day, the item or a known action.</summary>
    public static bool TryRead(IFormCollection form, out Correction? correction)
    {
        ArgumentNullException.ThrowIfNull(form);
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

    /// <summary>Back to the day after a saved change (303), with what the day page then says.</summary>
    public static SeeOtherResult Saved(string token, IFormCollection form, string action)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new SeeOtherResult(JournalPage.DayUrl(token, form["date"].ToString()) + (action.Length == 0 ? string.Empty : "&saved=" + action));
    }

    /// <summary>The page for a form that names no day or item.</summary>
    public static HtmlResult Unreadable(string token) =>
        Page.Message(StatusCodes.Status400BadRequest, "That correction can't be read", ["It arrived without the day or item it is for. Nothing was changed. Open the day from your calendar and try once more."], linkUrl: JournalPage.Url(token), linkText: "Back to your calendar");

    /// <summary>The day again, as it is now, saying why the change was not saved (409 when the item changed meanwhile).</summary>
    public static HtmlResult NotSaved(HttpRequest request, FormTokens tokens, JournalAccess reread, string token, IFormCollection form, CorrectionResult result, IReadOnlyList<StoredPhoto> photos)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(result);
        var query = new QueryCollection(new Dictionary<string, StringValues> { ["date"] = form["date"].ToString() });
        var status = result.Outcome == CorrectionOutcome.Stale ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return JournalPage.Render(request, tokens, reread, token, "day", query, result.Message, noticeIsError: true, status: status, photos: photos);
    }

    /// <summary>The 404 page for a journal path that is no page.</summary>
    public static IActionResult NoSuchPage() => Page.Render(StatusCodes.Status404NotFound, "Not here", "There is no such page in your journal.");
}
