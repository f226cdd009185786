namespace Compersion.Core.Import;

/// <summary>The journal exports the settings page can import.</summary>
public enum ImportFormat
{
    /// <summary>Dabble.me's text export: <c>## yyyy-MM-dd</c> heading lines, each followed by that day's text.</summary>
    DabbleText = 0,

    /// <summary>Dabble.me's JSON export: an array of <c>{"date": "yyyy-MM-dd", "body": "…html…"}</c>.</summary>
    DabbleJson = 1,

    /// <summary>OhLife-style text: lines that are just a date (<c>2013-05-21</c>), each followed by that day's text.</summary>
    DatedText = 2,
}
