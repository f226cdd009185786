using Compersion.Core.Sending;

namespace Compersion.Core.Links;

/// <summary>
/// Every HTTP route the app answers, in one place: the functions' <c>[HttpTrigger(Route = …)]</c> attributes and every
/// link Core writes into mail and pages use these, so a link can never point at a route that moved.
/// </summary>
/// <remarks>Routes are relative to the Functions host's <see cref="Prefix"/>; <see cref="Path"/> and <see cref="Url"/> add it.</remarks>
public static class Routes
{
    /// <summary>The Functions host's route prefix (host.json's default).</summary>
    public const string Prefix = "/api/";

    /// <summary>The sign-up page.</summary>
    public const string SignUp = "signup";

    /// <summary>The sign-up form's post.</summary>
    public const string Subscribe = "subscribe";

    /// <summary>The double opt-in confirmation (GET shows a button, POST confirms).</summary>
    public const string Confirm = "confirm";

    /// <summary>One-click unsubscribe (RFC 8058) and its page.</summary>
    public const string Unsubscribe = "unsubscribe";

    /// <summary>The settings page behind a signed link.</summary>
    public const string Settings = "settings";

    /// <summary>A fresh settings link mailed to the address on file.</summary>
    public const string SettingsLink = "settings/link";

    /// <summary>A change of address (or a further address) asked for on the settings page.</summary>
    public const string SettingsAddress = "settings/address";

    /// <summary>The journal download.</summary>
    public const string SettingsExport = "settings/export";

    /// <summary>The journal upload.</summary>
    public const string SettingsImport = "settings/import";

    /// <summary>Delete everything (a confirm page, then the post).</summary>
    public const string SettingsDelete = "settings/delete";

    /// <summary>The link that confirms a new or further address.</summary>
    public const string AddressConfirm = "address/confirm";

    /// <summary>The link in the notice to an old address that moves the mail back there (7 days).</summary>
    public const string AddressUndo = "address/undo";

    /// <summary>The web journal (its calendar); its other views are <see cref="JournalDay"/>, <see cref="JournalSearch"/>, <see cref="JournalPeople"/> and <see cref="JournalKindness"/>.</summary>
    public const string Journal = "journal";

    /// <summary>The journal's day page (and its corrections' post).</summary>
    public const string JournalDay = "journal/day";

    /// <summary>The journal's search.</summary>
    public const string JournalSearch = "journal/search";

    /// <summary>The journal's people page.</summary>
    public const string JournalPeople = "journal/people";

    /// <summary>The journal's kindness page.</summary>
    public const string JournalKindness = "journal/kindness";

    /// <summary>The web journal's route template, with its optional view.</summary>
    public const string JournalViews = "journal/{view?}";

    /// <summary>A photo from a reply, served only through the journal link of its own subscriber.</summary>
    public const string JournalPhoto = "journal/photo";

    /// <summary>A fresh journal link mailed to the address on file.</summary>
    public const string JournalLink = "journal/link";

    /// <summary>Keep a held mail's gratitudes (the second factor's link).</summary>
    public const string Keep = "keep";

    /// <summary>The entries API.</summary>
    public const string Entries = "entries";

    /// <summary>Static page assets.</summary>
    public const string Assets = "assets/{file}";

    /// <summary>SendGrid Inbound Parse posts replies here.</summary>
    public const string InboundParse = "inbound/sendgrid";

    /// <summary>SendGrid's event webhook.</summary>
    public const string SendGridEvents = "events/sendgrid";

    /// <summary>The site-relative path of <paramref name="route"/>: <c>/api/settings</c>.</summary>
    public static string Path(string route)
    {
        ArgumentException.ThrowIfNullOrEmpty(route);
        return Prefix + route;
    }

    /// <summary>The site-relative path of a static page asset (<see cref="Assets"/>): <c>/api/assets/site.css</c>.</summary>
    public static string Asset(string file)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        return Path(Assets.Replace("{file}", file, StringComparison.Ordinal));
    }

    /// <summary>The absolute URL of <paramref name="route"/> on the public site.</summary>
    public static string Url(MailOptions options, string route)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.PublicBaseUrl.TrimEnd('/') + Path(route);
    }
}
