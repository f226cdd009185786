using System.Globalization;
using Compersion.Core.Access;
using Compersion.Core.Journal;
using Compersion.Core.Photos;
using Microsoft.Extensions.Primitives;
using NodaTime.Text;

namespace Compersion.Functions.Pages;

/// <summary>
/// What an open journal link answers: a view (the calendar, a day, search, people, kindness) with the photos it shows,
/// or the day page's correction form applied and answered. <see cref="LinkGate"/> opens the link first.
/// </summary>
/// <remarks>Only the link's subscriber's partition is read or written, so no link or form reaches anyone else's journal.</remarks>
public sealed class JournalPages(JournalAccessService journals, JournalCorrections corrections, JournalPhotos photos, FormTokens tokens, IJournalReader reads)
{
    // A kept page counts as one text or day per this many bytes of it: a year's calendar, some 80 KB, about as many as its days.
    private const int KeptBytesPerUnit = 256;

    // Searches longer than the search box allows are answered but not kept.
    private const int MaxKeptQuery = 100;

    /// <summary>The view a journal path names: its last segment (<c>/api/journal/day</c> → <c>day</c>, <c>/api/journal</c> → <c>journal</c>).</summary>
    /// <param name="path">The request path.</param>
    /// <param name="posting">Whether the request is a form post (only the day page takes one).</param>
    /// <param name="view">The view, or null when the path is no journal page (a 404 page then).</param>
    internal static bool TryView(PathString path, bool posting, out string view)
    {
        var value = path.Value?.TrimEnd('/') ?? string.Empty;
        view = value[(value.LastIndexOf('/') + 1)..];
        return JournalPage.Views.Contains(view) && (!posting || view == "day");
    }

    /// <summary>Shows the page <paramref name="view"/> of an open journal link.</summary>
    internal async Task<IActionResult> ShowAsync(HttpRequest request, Opened<JournalAccess> opened, string view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(opened);
        var access = opened.Access!;
        if (access.Subscriber is { } subscriber && KeptAs(view, request.Query, access.Today, opened.Token) is { } what)
        {
            return await reads.KeepAsync(
                subscriber.Id,
                what,
                async () => JournalPage.Render(request, tokens, access, opened.Token, view, request.Query, photos: await PhotosAsync(access, view, request.Query, cancellationToken)),
                page => 1 + (page.Utf8.Length / KeptBytesPerUnit),
                cancellationToken);
        }

        return JournalPage.Render(request, tokens, access, opened.Token, view, request.Query, photos: await PhotosAsync(access, view, request.Query, cancellationToken));
    }

    /// <summary>Applies the day page's checked correction form (or photo deletion): 303 back to the day, or the day again saying why nothing was saved.</summary>
    internal async Task<IActionResult> CorrectAsync(HttpRequest request, Opened<JournalAccess> opened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opened);
        var (form, token, subscriber) = (opened.Form!, opened.Token, opened.Access!.Subscriber!);
        if (form["action"] == "delete-photo")
        {
            // The photo is looked up under the link's subscriber only; one that is not theirs (or already gone) changes nothing,
            // and the day page says so.
            var deleted = JournalViews.TryParseDate(form["date"], out var day) && await photos.DeleteAsync(subscriber, day, form["photo"].ToString(), cancellationToken);
            return CorrectionForm.Saved(token, form, deleted ? "photo" : "photo-gone");
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

        var dayQuery = new QueryCollection(new Dictionary<string, StringValues> { ["date"] = form["date"] });
        var reread = await journals.OpenAsync(token, JournalPage.Needs("day", dayQuery), cancellationToken);
        return CorrectionForm.NotSaved(request, tokens, reread, token, form, result, await PhotosAsync(reread, "day", dayQuery, cancellationToken));
    }

    // What a page that holds nothing made for one request (no form token) is kept as, while the journal is unchanged, as
    // the bytes it is sent as: everything it shows besides the journal (its year or its words, the subscriber's today,
    // and the link, which is in every address on it with its expiry). The day page holds a form token: never kept.
    private static string? KeptAs(string view, IQueryCollection query, NodaTime.LocalDate today, string token) => view switch
    {
        "journal" when JournalPage.TryYear(query, today, out var year) => string.Create(CultureInfo.InvariantCulture, $"calendar {year} {LocalDatePattern.Iso.Format(today)} {token}"),
        "search" when query["q"].ToString() is { Length: <= MaxKeptQuery } words => string.Create(CultureInfo.InvariantCulture, $"search {LocalDatePattern.Iso.Format(today)} {token} {words}"),
        _ => null,
    };

    // The day page shows the day's photos and the calendar marks the year's days with photos; other pages read none.
    private async Task<IReadOnlyList<StoredPhoto>> PhotosAsync(JournalAccess opened, string view, IQueryCollection query, CancellationToken cancellationToken) =>
        (view, opened.Subscriber) switch
        {
            ("day", { } subscriber) when JournalViews.TryParseDate(query["date"], out var day) => await photos.ListAsync(subscriber.Id, day, cancellationToken),
            ("journal", { } subscriber) when JournalPage.TryYear(query, opened.Today, out var year) => await photos.ListYearAsync(subscriber.Id, year, cancellationToken),
            _ => [],
        };
}
