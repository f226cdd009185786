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
/// <param name="TwelveHourClock">Whether mail shows times on a 12-hour clock.</param>
/// <param name="Paused">True to pause, false to resume, null to leave the status as it is (an unsubscribed person is never resubscribed here).</param>
public sealed record SettingsChange(
    string Zone,
    LocalTime PromptTime,
    IsoDayOfWeek DigestDay,
    LocalTime DigestTime,
    int KindnessGoal,
    bool MemoriesEnabled,
    bool ReceiptsEnabled,
    bool TwelveHourClock,
    bool? Paused)
{
    /// <summary>Validates the settings form's fields; on failure <paramref name="error"/> says what to fix.</summary>
    /// <param name="zone">IANA zone id.</param>
    /// <param name="time">Prompt time, HH:mm.</param>
    /// <param name="digestDay">Weekday name.</param>
    /// <param name="digestTime">Digest time, HH:mm.</param>
    /// <param name="goal">Weekly kindness goal.</param>
    /// <param name="memories">A checkbox: present ("on") means on.</param>
    /// <param name="receipts">A checkbox: present ("on") means on.</param>
    /// <param name="twelveHour">A checkbox: present ("on") means times in mail on a 12-hour clock.</param>
    /// <param name="status"><c>active</c>, <c>paused</c>, or absent to leave the status alone.</param>
    /// <param name="change">The validated change.</param>
    /// <param name="error">What to fix, in words a person understands.</param>
    public static bool TryCreate(
        string? zone, string? time, string? digestDay, string? digestTime, string? goal, string? memories, string? receipts, string? twelveHour, string? status,
        out SettingsChange? change, out string error)
    {
        change = null;
        var zoneId = zone?.Trim() ?? string.Empty;
        if (!Scheduling.LocalSchedule.IsKnownZone(zoneId))
        {
            error = "Please choose a time zone from the list, like Europe/Berlin or America/New_York.";
            return false;
        }

        if (string.IsNullOrWhiteSpace(time) || !SignUpRequest.TryParseTime(time, Subscriber.DefaultPromptTime, out var promptTime))
        {
            error = "Please give the prompt time as HH:mm on a 24-hour clock, like 07:30 or 20:00.";
            return false;
        }

        if (string.IsNullOrWhiteSpace(digestDay) || !SignUpRequest.TryParseDay(digestDay, out var day))
        {
            error = "Please choose the day of your weekly digest, like Sunday.";
            return false;
        }

        if (string.IsNullOrWhiteSpace(digestTime) || !SignUpRequest.TryParseTime(digestTime, Subscriber.DefaultDigestTime, out var digestAt))
        {
            error = "Please give the digest time as HH:mm on a 24-hour clock, like 18:00.";
            return false;
        }

        if (string.IsNullOrWhiteSpace(goal) || !SignUpRequest.TryParseGoal(goal, out var kindnessGoal))
        {
            error = $"Please choose a weekly kindness goal from 0 to {Subscriber.MaxKindnessGoal}.";
            return false;
        }

        var state = status?.Trim().ToUpperInvariant() ?? string.Empty;
        if (state is not ("" or "ACTIVE" or "PAUSED"))
        {
            error = "Please choose whether your emails are on or paused.";
            return false;
        }

        bool? paused = state == string.Empty ? null : state == "PAUSED";
        change = new SettingsChange(NodaTime.DateTimeZoneProviders.Tzdb[zoneId].Id, promptTime, day, digestAt, kindnessGoal, IsOn(memories), IsOn(receipts), IsOn(twelveHour), paused);
        error = string.Empty;
        return true;
    }

    private static bool IsOn(string? checkbox) => !string.IsNullOrEmpty(checkbox);
}
