using System.Globalization;
using Compersion.Core.Access;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using NodaTime.Text;

namespace Compersion.Functions.Pages;

/// <summary>The journal pages (<c>/api/journal/…?token=…</c>): each a view Core built, rendered into the journal's frame.</summary>
internal static class JournalPage
{
    /// <summary>Where the expired page's button posts.</summary>
    public const string LinkPath = Routes.Prefix + Routes.JournalLink;

    /// <summary>The views, by the last segment of the path.</summary>
    public static readonly IReadOnlySet<string> Views = new[] { Routes.Journal, Routes.JournalDay, Routes.JournalSearch, Routes.JournalPeople, Routes.JournalKindness }
        .Select(route => route[(route.LastIndexOf('/') + 1)..])
        .ToHashSet(StringComparer.Ordinal);

    private static readonly ZonedDateTimePattern Until = ZonedDateTimePattern.CreateWithInvariantCulture("dddd d MMMM 'at' HH':'mm", null);

    /// <summary>The journal's address for a link token.</summary>
    public static string Url(string token) => Routes.Path(Routes.Journal) + "?token=" + Uri.EscapeDataString(token);

    /// <summary>What the day page says after a saved correction, by the <c>saved</c> parameter of its 303.</summary>
    public static readonly IReadOnlyDictionary<string, string> SavedNotices = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["edit"] = "Saved your change. Your digest and your export follow it.",
        ["delete"] = "Deleted. It's gone from your journal, your digest and your export.",
        ["move"] = "Moved. Your digest and your export follow it.",
        ["classify"] = "Saved: your choice of category and recipient is kept from now on.",
        ["photo"] = "Deleted the photo. It's gone from your journal and your export.",
        ["photo-gone"] = "That photo isn't in this day of your journal (it may have been deleted already). Nothing was changed.",
    };

    /// <summary>Where a photo (or its thumbnail) is served, through the journal link.</summary>
    public static string PhotoUrl(string token, Core.Photos.StoredPhoto photo, string size = "") =>
        PhotoPath + "?token=" + Uri.EscapeDataString(token) + "&date=" + NodaTime.Text.LocalDatePattern.Iso.Format(photo.Date) + "&id=" + photo.Id + (size.Length > 0 ? "&size=" + size : string.Empty);

    /// <summary>The photo route.</summary>
    public const string PhotoPath = Routes.Prefix + Routes.JournalPhoto;

    /// <summary>The day page's address.</summary>
    public static string DayUrl(string token, string iso) => Routes.Path(Routes.JournalDay) + "?token=" + Uri.EscapeDataString(token) + "&date=" + iso;

    /// <summary>Renders the page <paramref name="view"/> of an open journal; <paramref name="photos"/> are the day's (the day page) or the year's (the calendar).</summary>
    public static HtmlResult Render(HttpRequest request, FormTokens tokens, JournalAccess opened, string token, string view, IQueryCollection query, string notice = "", bool noticeIsError = false, int status = StatusCodes.Status200OK, IReadOnlyList<Core.Photos.StoredPhoto>? photos = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(opened);
        ArgumentNullException.ThrowIfNull(query);
        var book = opened.Book!;
        var today = opened.Today;
        string title;
        string content;
        switch (view)
        {
            case "day":
                if (!JournalViews.TryParseDate(query["date"], out var date) || date > today.PlusDays(1))
                {
                    return Page.Message(StatusCodes.Status400BadRequest, "Which day?", ["That date isn't one we can show. Pick a day from your calendar."], linkUrl: Url(token), linkText: "Back to your calendar");
                }

                var day = JournalViews.Day(book, date);
                title = day.Title;
                if (notice.Length == 0 && SavedNotices.TryGetValue(query["saved"].ToString(), out var saved))
                {
                    notice = saved;
                }

                content = Render("journal-day.html", new JournalDayPage(
                    token,
                    tokens.TokenFor(token, FormGuard.Nonce(request)),
                    notice,
                    noticeIsError,
                    day,
                    [.. day.Acts.Select(act => new JournalActForm(
                        act,
                        [.. KindnessNames.Categories.Select(KindnessNames.Name).Select(name => new Option(name, name, name == act.Category))],
                        [.. KindnessNames.Recipients.Select(KindnessNames.Name).Select(name => new Option(name, name, name == act.Recipient))]))],
                    [.. (photos ?? []).Select(photo => new JournalPhotoView(photo.Id, photo.Name, photo.HasThumbnail, PhotoUrl(token, photo, "thumb"), PhotoUrl(token, photo), PhotoUrl(token, photo, "download")))]));
                break;
            case "search":
                var search = JournalViews.Search(book, query["q"]);
                title = search.Query.Length == 0 ? "Search your journal" : "Search: " + search.Query;
                content = Render("journal-search.html", new JournalSearchPage(token, search));
                break;
            case "people":
                title = "People in your journal";
                content = Render("journal-people.html", new JournalPeoplePage(token, JournalViews.People(book, today)));
                break;
            case "kindness":
                title = "Your secret kindness";
                content = Render("journal-kindness.html", new JournalKindnessPage(token, JournalViews.Kindness(book, today, opened.Subscriber!.KindnessGoal)));
                break;
            default:
                if (!TryYear(query, today, out var year))
                {
                    return Page.Message(StatusCodes.Status400BadRequest, "Which year?", ["That year isn't one we can show."], linkUrl: Url(token), linkText: "Back to this year");
                }

                title = year == today.Year ? "Your journal" : string.Create(CultureInfo.InvariantCulture, $"Your journal in {year}");
                content = Render("journal-calendar.html", new JournalCalendarPage(token, JournalViews.Calendar(book, year, today, photos), JournalViews.OnThisDay(book, today)));
                view = "calendar";
                break;
        }

        var frame = new JournalFrameView(
            token,
            view,
            view == "search" ? query["q"].ToString() : string.Empty,
            SettingsPage.Url(opened.SettingsToken),
            opened.ExpiresAt is { } at ? $"This private link works until {Until.Format(at.InZone(opened.Subscriber!.TimeZone))} ({opened.Subscriber.Zone}). Anyone with it can read your journal, so keep it to yourself." : string.Empty,
            content);
        return new HtmlResult(status, PageTemplates.Render(title, "journal.html", frame));
    }

    /// <summary>What the page <paramref name="view"/> reads of the journal, given the subscriber's today.</summary>
    public static Func<NodaTime.LocalDate, JournalNeeds> Needs(string view, IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return view switch
        {
            "day" => JournalViews.TryParseDate(query["date"], out var date) ? _ => JournalNeeds.Day(date) : _ => JournalNeeds.Nothing,
            "search" => _ => JournalNeeds.Everything,
            "people" => JournalNeeds.People,
            "kindness" => JournalNeeds.Kindness,
            _ => JournalNeeds.Calendar,
        };
    }

    /// <summary>The calendar's year: <c>year=</c> when given (2000 to this year), else this year.</summary>
    public static bool TryYear(IQueryCollection query, NodaTime.LocalDate today, out int year)
    {
        ArgumentNullException.ThrowIfNull(query);
        year = today.Year;
        return query["year"].ToString() is not { Length: > 0 } asked ||
               (int.TryParse(asked, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year >= 2000 && year <= today.Year);
    }

    /// <summary>The page for a link that does not open the journal: expired, invalid, or gone.</summary>
    /// <remarks>The expired page has a button that mails a fresh journal link to the address on file, as the settings page's does.</remarks>
    public static HtmlResult NotOpen(HttpRequest request, FormTokens tokens, SettingsAccessOutcome outcome, string? token) =>
        SettingsPage.NotOpen(request, tokens, outcome, token, "Journal", "It goes only there. Replying JOURNAL to any of our emails works too.", LinkPath, "JOURNAL");

    private static string Render(string template, object view) => PageTemplates.Instance.RenderHtml(template, view);
}
