using Compersion.Core.Access;
using Compersion.Core.Journal;
using Compersion.Core.Links;
using Compersion.Core.Photos;
using Compersion.Core.Security;
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
public sealed class JournalFunction(LinkGate gate, JournalAccessService journals, JournalCorrections corrections, JournalPhotos photos, FormTokens tokens)
{
    /// <summary>Shows one journal page, or applies a correction from the day page.</summary>
    [Function(nameof(JournalFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Routes.JournalViews)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var view = request.Path.Value?[(request.Path.Value.TrimEnd('/').LastIndexOf('/') + 1)..].TrimEnd('/') ?? string.Empty;
        var posting = HttpMethods.IsPost(request.Method);
        if (!JournalPage.Views.Contains(view) || (posting && view != "day"))
        {
            return CorrectionForm.NoSuchPage();
        }

        var opened = posting ? await gate.JournalFormAsync(request, CorrectionForm.Bytes, cancellationToken) : await gate.JournalAsync(request, cancellationToken);
        if (opened.Refusal is not null || !posting)
        {
            return opened.Refusal ?? JournalPage.Render(request, tokens, opened.Access!, opened.Token, view, request.Query, photos: await PhotosAsync(opened.Access!, view, request.Query, cancellationToken));
        }

        var (form, token, subscriber) = (opened.Form!, opened.Token, opened.Access!.Subscriber!);
        if (form["action"] == "delete-photo")
        {
            // The photo is looked up under the link's subscriber only; one that is not theirs (or already gone) changes nothing.
            var deleted = JournalViews.TryParseDate(form["date"], out var day) && await photos.DeleteAsync(subscriber, day, form["photo"].ToString(), cancellationToken);
            return CorrectionForm.Saved(token, form, deleted ? "photo" : string.Empty);
        }

        if (!CorrectionForm.TryRead(form, out var correction))
        {
            return CorrectionForm.Unreadable(token);
        }

        var result = await corrections.ApplyAsync(subscriber, correction!, cancellationToken);
        if (result.Outcome == CorrectionOutcome.Saved)
        {
            return CorrectionForm.Saved(token, form, form["action"].ToString().ToLowerInvariant());
        }

        var reread = await journals.OpenAsync(token, cancellationToken);
        return CorrectionForm.NotSaved(request, tokens, reread, token, form, result, await PhotosAsync(reread, "day", new QueryCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues> { ["date"] = form["date"] }), cancellationToken));
    }

    // The day page shows the day's photos and the calendar marks the year's days with photos; other pages read none.
    private async Task<IReadOnlyList<StoredPhoto>> PhotosAsync(JournalAccess opened, string view, IQueryCollection query, CancellationToken cancellationToken) =>
        (view, opened.Subscriber) switch
        {
            ("day", { } subscriber) when JournalViews.TryParseDate(query["date"], out var day) => await photos.ListAsync(subscriber.Id, day, cancellationToken),
            ("journal", { } subscriber) when JournalPage.TryYear(query, opened.Today, out var year) => await photos.ListYearAsync(subscriber.Id, year, cancellationToken),
            _ => [],
        };
}
