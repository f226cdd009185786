using Compersion.Core.Journal;

namespace Compersion.Functions.Pages;

/// <summary>The frame of every journal page: the navigation, the search box, the page, and when the link lapses.</summary>
/// <param name="Token">The journal link token (carried by every link and the search form).</param>
/// <param name="Active">Which page is shown: calendar, day, search, people or kindness.</param>
/// <param name="Query">What the search box holds.</param>
/// <param name="SettingsUrl">The settings page, with a settings token lapsing with this link.</param>
/// <param name="Expires">When the link lapses, in words.</param>
/// <param name="Content">Already-rendered, already-escaped HTML of the page.</param>
internal sealed record JournalFrameView(string Token, string Active, string Query, string SettingsUrl, string Expires, string Content) : PageView;

/// <summary>The journal's first page: on this day, the run toward 22, and the year calendar.</summary>
/// <param name="Token">The journal link token.</param>
/// <param name="Calendar">The year.</param>
/// <param name="OnThisDay">A week, a month and a year ago.</param>
internal sealed record JournalCalendarPage(string Token, CalendarView Calendar, IReadOnlyList<LookBack> OnThisDay) : PageView;

/// <summary>A day's page, with a correction form under each gratitude and act.</summary>
/// <param name="Token">The journal link token.</param>
/// <param name="FormToken">The anti-forgery token for this page and browser.</param>
/// <param name="Notice">What the last correction did, or empty.</param>
/// <param name="NoticeIsError">Whether the notice is a problem.</param>
/// <param name="Day">The day.</param>
/// <param name="Acts">The day's acts with their category and recipient choices.</param>
/// <param name="Photos">The day's photos.</param>
internal sealed record JournalDayPage(string Token, string FormToken, string Notice, bool NoticeIsError, DayView Day, IReadOnlyList<JournalActForm> Acts, IReadOnlyList<JournalPhotoView> Photos) : PageView;

/// <summary>A photo on the day page: its thumbnail linking to the photo, or (a HEIC that could not be decoded) a download.</summary>
/// <param name="Id">The photo's id (the delete button names it).</param>
/// <param name="Name">The file name the mail gave it (escaped on output).</param>
/// <param name="HasThumbnail">Whether there is a thumbnail to show.</param>
/// <param name="ThumbnailUrl">The thumbnail's address, through the journal link.</param>
/// <param name="Url">The photo's address, through the journal link.</param>
/// <param name="DownloadUrl">The photo's address as a download.</param>
internal sealed record JournalPhotoView(string Id, string Name, bool HasThumbnail, string ThumbnailUrl, string Url, string DownloadUrl);

/// <summary>A kind act on the day page, with the lists to choose its category and recipient from.</summary>
/// <param name="Act">The act.</param>
/// <param name="Categories">Every category, its own selected.</param>
/// <param name="Recipients">Every recipient, its own selected.</param>
internal sealed record JournalActForm(DayActView Act, IReadOnlyList<Option> Categories, IReadOnlyList<Option> Recipients);

/// <summary>The search results page.</summary>
/// <param name="Token">The journal link token.</param>
/// <param name="Search">The results.</param>
internal sealed record JournalSearchPage(string Token, SearchView Search) : PageView;

/// <summary>The people page.</summary>
/// <param name="Token">The journal link token.</param>
/// <param name="People">Who appears.</param>
internal sealed record JournalPeoplePage(string Token, PeopleView People) : PageView;

/// <summary>The kindness page.</summary>
/// <param name="Token">The journal link token.</param>
/// <param name="Kindness">The twelve weeks.</param>
internal sealed record JournalKindnessPage(string Token, KindnessView Kindness) : PageView;
