namespace Compersion.Functions.Pages;

/// <summary>
/// The site-relative paths page templates link and post to (<c>{{ routes.journal_day }}</c>), every one built from
/// <see cref="Routes"/>: a template never spells <c>/api/…</c>, so a route that moves moves its links with it.
/// </summary>
/// <param name="Stylesheet">The pages' stylesheet.</param>
/// <param name="Subscribe">The sign-up form's post.</param>
/// <param name="Settings">The settings page and its form's post.</param>
/// <param name="SettingsAddress">The change-of-address (and further address) form's post.</param>
/// <param name="SettingsImport">The journal upload's post.</param>
/// <param name="SettingsDelete">The delete form's post.</param>
/// <param name="Journal">The journal's calendar.</param>
/// <param name="JournalDay">A journal day (and its corrections' post).</param>
/// <param name="JournalSearch">The journal's search.</param>
/// <param name="JournalPeople">The journal's people page.</param>
/// <param name="JournalKindness">The journal's kindness page.</param>
internal sealed record PageRoutes(
    string Stylesheet,
    string Subscribe,
    string Settings,
    string SettingsAddress,
    string SettingsImport,
    string SettingsDelete,
    string Journal,
    string JournalDay,
    string JournalSearch,
    string JournalPeople,
    string JournalKindness)
{
    /// <summary>This site's paths.</summary>
    public static PageRoutes Site { get; } = new(
        Routes.Asset("site.css"),
        Routes.Path(Routes.Subscribe),
        Routes.Path(Routes.Settings),
        Routes.Path(Routes.SettingsAddress),
        Routes.Path(Routes.SettingsImport),
        Routes.Path(Routes.SettingsDelete),
        Routes.Path(Routes.Journal),
        Routes.Path(Routes.JournalDay),
        Routes.Path(Routes.JournalSearch),
        Routes.Path(Routes.JournalPeople),
        Routes.Path(Routes.JournalKindness));
}
