namespace Compersion.Functions.Pages;

/// <summary>The frame of every page.</summary>
/// <param name="Title">The page title (before " · Compersion").</param>
/// <param name="Content">Already-rendered, already-escaped HTML of the page's main.</param>
/// <param name="Script">A same-origin script to load, or empty.</param>
/// <param name="Wide">Whether the page uses the full width (the local inbox).</param>
internal sealed record LayoutView(string Title, string Content, string Script, bool Wide = false) : PageView;

/// <summary>A hidden form field.</summary>
/// <param name="Name">The field name.</param>
/// <param name="Value">Its value.</param>
internal sealed record HiddenField(string Name, string Value);

/// <summary>A single-button form on a message page.</summary>
/// <param name="Action">Where it posts.</param>
/// <param name="Fields">Its hidden fields.</param>
/// <param name="Button">The button's words.</param>
internal sealed record ButtonForm(string Action, IReadOnlyList<HiddenField> Fields, string Button);

/// <summary>A short answer page: a heading, paragraphs, optionally one button and one link.</summary>
/// <param name="Title">The heading.</param>
/// <param name="Paragraphs">The words.</param>
/// <param name="HasForm">Whether <paramref name="Form"/> is shown.</param>
/// <param name="Form">The form (ignored unless <paramref name="HasForm"/>).</param>
/// <param name="LinkUrl">A link under the words, or empty.</param>
/// <param name="LinkText">Its words.</param>
internal sealed record MessageView(string Title, IReadOnlyList<string> Paragraphs, bool HasForm, ButtonForm Form, string LinkUrl, string LinkText) : PageView;

/// <summary>An option of a select.</summary>
/// <param name="Value">The value posted.</param>
/// <param name="Label">What it reads.</param>
/// <param name="Selected">Whether it is chosen.</param>
internal sealed record Option(string Value, string Label, bool Selected);

/// <summary>The sign-up page.</summary>
/// <param name="Error">Why the last post was refused, or empty.</param>
/// <param name="Email">The address typed so far.</param>
/// <param name="Time">Prompt time, HH:mm.</param>
/// <param name="Zones">Every IANA zone.</param>
/// <param name="Days">The weekdays.</param>
/// <param name="DigestTime">Digest time, HH:mm.</param>
/// <param name="Goals">0–14.</param>
/// <param name="Clock">The clock the browser's locale reads times on (<c>12</c>, <c>24</c>), as posted; empty until the page's script fills it.</param>
internal sealed record SignUpView(string Error, string Email, string Time, IReadOnlyList<Option> Zones, IReadOnlyList<Option> Days, string DigestTime, IReadOnlyList<Option> Goals, string Clock) : PageView;

/// <summary>The settings page.</summary>
/// <param name="Token">The settings link token (posted back with every form).</param>
/// <param name="FormToken">The anti-forgery token for this page and browser.</param>
/// <param name="Email">Whose settings.</param>
/// <param name="Expires">When the link lapses, in words.</param>
/// <param name="Notice">A message after an action, or empty.</param>
/// <param name="NoticeIsError">Whether the notice is a problem.</param>
/// <param name="Time">Prompt time, HH:mm.</param>
/// <param name="Zones">Every IANA zone.</param>
/// <param name="Days">The weekdays.</param>
/// <param name="DigestTime">Digest time, HH:mm.</param>
/// <param name="Goals">0–14.</param>
/// <param name="Memories">Whether memories are on.</param>
/// <param name="Receipts">Whether receipts are on.</param>
/// <param name="TwelveHour">Whether mail shows times on a 12-hour clock.</param>
/// <param name="Unsubscribed">Whether they unsubscribed (no status choice then).</param>
/// <param name="Paused">Whether they are paused until they turn emails on.</param>
/// <param name="PausedUntil">Whether they are paused until a date.</param>
/// <param name="PauseUntil">The date a pause ends (<c>yyyy-MM-dd</c>), or empty.</param>
/// <param name="PauseUntilWords">The same date in words, or empty.</param>
/// <param name="PauseMin">The earliest date a pause may end: tomorrow.</param>
/// <param name="PauseMax">The latest: a year from today.</param>
/// <param name="Prompts">Whether the daily prompt is on.</param>
/// <param name="Digest">Whether the weekly digest is on.</param>
/// <param name="ExportJsonUrl">The JSON download.</param>
/// <param name="ExportMarkdownUrl">The Markdown download.</param>
/// <param name="ExportZipUrl">The zip download: the JSON, the Markdown and the photos.</param>
/// <param name="DeleteUrl">The delete confirm step.</param>
/// <param name="MaxImportKb">The import size limit.</param>
/// <param name="JournalUrl">The journal, with a journal token lapsing with this link; empty when not known.</param>
/// <param name="PendingEmail">A new address waiting for its confirmation link, or empty.</param>
/// <param name="ExtraAddresses">The further addresses whose replies are saved too (<c>ADD ADDRESS</c>).</param>
internal sealed record SettingsView(
    string Token,
    string FormToken,
    string Email,
    string Expires,
    string Notice,
    bool NoticeIsError,
    string Time,
    IReadOnlyList<Option> Zones,
    IReadOnlyList<Option> Days,
    string DigestTime,
    IReadOnlyList<Option> Goals,
    bool Memories,
    bool Receipts,
    bool TwelveHour,
    bool Unsubscribed,
    bool Paused,
    bool PausedUntil,
    string PauseUntil,
    string PauseUntilWords,
    string PauseMin,
    string PauseMax,
    bool Prompts,
    bool Digest,
    string ExportJsonUrl,
    string ExportMarkdownUrl,
    string ExportZipUrl,
    string DeleteUrl,
    int MaxImportKb,
    string JournalUrl,
    string PendingEmail,
    IReadOnlyList<string> ExtraAddresses) : PageView;

/// <summary>The delete confirm step.</summary>
/// <param name="DeleteToken">The single-use delete token.</param>
/// <param name="FormToken">The anti-forgery token for it.</param>
/// <param name="Email">Whose data.</param>
/// <param name="Days">Days in their journal.</param>
/// <param name="SettingsUrl">Back to settings.</param>
/// <param name="ExportMarkdownUrl">The Markdown download, to keep a copy first.</param>
internal sealed record DeleteView(string DeleteToken, string FormToken, string Email, int Days, string SettingsUrl, string ExportMarkdownUrl) : PageView;
