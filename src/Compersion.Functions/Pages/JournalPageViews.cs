using Compersion.Core.Journal;

namespace Compersion.Functions.Pages;

/// <summary>The frame of every journal page: the navigation, the search box, the page, and when the link lapses.</summary>
/// <param name="Token">The journal link token (carried by every link and the search form).</param>
/// <param name="Active">Which page is shown: calendar, day, search, people or kindness.</param>
/// <param name="Query">What the search box holds.</param>
/// <param name="SettingsUrl">The settings page, with a settings token lapsing with this link.</param>
/// <param name="Expires">When the link lapses, in words.</param>
/// <param name="Content">Already-rendered, already-escaped HTML of the page.</param>
internal sealed record JournalFrameView(string Token, string Active, string Query, string SettingsUrl, string Expires, string Content);

/// <summary>The journal's first page: on this day, the run toward 22, and the year calendar.</summary>
/// <param name="Token">The journal link token.</param>
/// <param name="Calendar">The year.</param>
/// <param name="OnThisDay">A week, a month and a year ago.</param>
internal sealed record JournalCalendarPage(string Token, CalendarView Calendar, IReadOnlyList<LookBack> OnThisDay);

/// <summary>A day's page.</summary>
/// <param name="Token">The journal link token.</param>
/// <param name="Day">The day.</param>
internal sealed record JournalDayPage(string Token, DayView Day);

/// <summary>The search results page.</summary>
/// <param name="Token">The journal link token.</param>
/// <param name="Search">The results.</param>
internal sealed record JournalSearchPage(string Token, SearchView Search);

/// <summary>The people page.</summary>
/// <param name="Token">The journal link token.</param>
/// <param name="People">Who appears.</param>
internal sealed record JournalPeoplePage(string Token, PeopleView People);

/// <summary>The kindness page.</summary>
/// <param name="Token">The journal link token.</param>
/// <param name="Kindness">The twelve weeks.</param>
internal sealed record JournalKindnessPage(string Token, KindnessView Kindness);
