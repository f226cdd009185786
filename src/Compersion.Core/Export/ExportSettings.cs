namespace Compersion.Core.Export;

/// <summary>A subscriber's settings as exported.</summary>
/// <param name="Id">Opaque id.</param>
/// <param name="Status">pending, active, paused or unsubscribed.</param>
/// <param name="Zone">IANA zone.</param>
/// <param name="PromptTime">HH:mm.</param>
/// <param name="DigestDay">Weekday name.</param>
/// <param name="DigestTime">HH:mm.</param>
/// <param name="KindnessGoal">Acts per week.</param>
/// <param name="MemoriesEnabled">Whether prompts resurface earlier items.</param>
/// <param name="ReceiptsEnabled">Whether complete replies get a receipt.</param>
/// <param name="TwelveHourClock">Whether mail shows times on a 12-hour clock.</param>
/// <param name="PausedUntil">While paused until a date: that date (yyyy-MM-dd); null otherwise.</param>
/// <param name="PromptsEnabled">Whether the daily prompt is on.</param>
/// <param name="DigestEnabled">Whether the weekly digest is on.</param>
public sealed record ExportSettings(
    string Id,
    string Status,
    string Zone,
    string PromptTime,
    string DigestDay,
    string DigestTime,
    int KindnessGoal,
    bool MemoriesEnabled,
    bool ReceiptsEnabled,
    bool TwelveHourClock,
    string? PausedUntil = null,
    bool PromptsEnabled = true,
    bool DigestEnabled = true);
