using Compersion.Core.Common;
using Compersion.Core.Journal;

namespace Compersion.Functions.Pages;

/// <summary>The web pages' Liquid templates (<c>Pages/*.liquid</c>), rendered through <see cref="LiquidTemplates"/> as the mail is, each with a template set of its own.</summary>
/// <remarks>Every value a template prints is HTML-encoded, so user text (an address, an import error quoting a line) can never become markup.</remarks>
internal static class PageTemplates
{
    public static LiquidTemplates Instance { get; } = new(
        typeof(PageTemplates).Assembly,
        "Compersion.Functions.Pages.",
        [typeof(LayoutView), typeof(PageRoutes), typeof(HiddenField), typeof(ButtonForm), typeof(MessageView), typeof(Option), typeof(SignUpView), typeof(SettingsView), typeof(DeleteView),
            typeof(JournalFrameView), typeof(JournalCalendarPage), typeof(JournalDayPage), typeof(JournalActForm), typeof(JournalPhotoView), typeof(JournalSearchPage), typeof(JournalPeoplePage), typeof(JournalKindnessPage),
            typeof(CalendarView), typeof(CalendarMonth), typeof(CalendarWeek), typeof(CalendarCell), typeof(LookBack), typeof(DayView), typeof(DayItemView), typeof(DayActView),
            typeof(SearchView), typeof(SearchDay), typeof(SearchHit), typeof(PeopleView), typeof(PersonRow), typeof(DatedText), typeof(KindnessView), typeof(GridRow), typeof(WeekRow)]);

    /// <summary>A whole page: <paramref name="template"/> rendered into the layout.</summary>
    public static string Render(string title, string template, object view, string script = "") =>
        Instance.RenderHtml("layout.html", new LayoutView(title, Instance.RenderHtml(template, view), script));
}
