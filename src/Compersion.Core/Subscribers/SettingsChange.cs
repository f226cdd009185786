using NodaTime;

namespace Compersion.Core.Subscribers;

/// <summary>Every setting the settings page shows, as submitted: applied together, in one write.</summary>
/// <param name="Zone">IANA zone id (already validated).</param>
/// <param name="PromptTime">Local time of the daily prompt.</param>
/// <param name="DigestDay">Weekday of the weekly digest.</param>
/// <param name="DigestTime">Local time of the weekly digest.</param>
/// <param name="KindnessGoal">Kind acts aimed for each week.</param>
/// <param name="MemoriesEnabled">Whether prompts resurface an earlier item.</param>
/// <param name="ReceiptsEnabled">Whether complete replies also get a receipt.</param>
/// <param name="Paused">True to pause, false to resume, null to leave the status as it is (an unsubscribed person is never resubscribed here).</param>
public sealed record SettingsChange(
    string Zone,
    LocalTime PromptTime,
    IsoDayOfWeek DigestDay,
    LocalTime DigestTime,
    int KindnessGoal,
    bool MemoriesEnabled,
    bool ReceiptsEnabled,
    bool? Paused);
