using Compersion.Core.Subscribers;

namespace Compersion.Core.Subscriptions;

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
/// <param name="PausedUntil">With <paramref name="Paused"/> true: the first local date mail comes again; null to pause until they turn it on.</param>
/// <param name="PromptsEnabled">Whether the daily prompt is sent.</param>
/// <param name="DigestEnabled">Whether the weekly digest is sent.</param>
public sealed record SettingsChange(
    string Zone,
    LocalTime PromptTime,
    IsoDayOfWeek DigestDay,
    LocalTime DigestTime,
    int KindnessGoal,
    bool MemoriesEnabled,
    bool ReceiptsEnabled,
    bool TwelveHourClock,
    bool? Paused,
    LocalDate? PausedUntil = null,
    bool PromptsEnabled = true,
    bool DigestEnabled = true)
{
    /// <summary>Validates the settings form's fields, with the pause's end date and each mail on or off.</summary>
    /// <param name="zone">IANA zone id.</param>
    /// <param name="time">Prompt time, HH:mm.</param>
    /// <param name="digestDay">Weekday name.</param>
    /// <param name="digestTime">Digest time, HH:mm.</param>
    /// <param name="goal">Weekly kindness goal.</param>
    /// <param name="memories">A checkbox: present ("on") means on.</param>
    /// <param name="receipts">A checkbox: present ("on") means on.</param>
    /// <param name="twelveHour">A checkbox: present ("on") means times in mail on a 12-hour clock.</param>
    /// <param name="switches">The pause and the on/off choices, as posted.</param>
    /// <param name="current">The subscriber as stored: what an absent on/off choice leaves.</param>
    /// <param name="change">The validated change.</param>
    /// <param name="today">The subscriber's local date now: a pause must end after it.</param>
    /// <param name="error">What to fix, in words a person understands.</param>
    public static bool TryCreate(
        string? zone, string? time, string? digestDay, string? digestTime, string? goal, string? memories, string? receipts, string? twelveHour, SettingsSwitches switches, Subscriber current,
        LocalDate today, out SettingsChange? change, out string error)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(switches);
        var status = switches.Status;
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
        if (state is not ("" or "ACTIVE" or "PAUSED" or "UNTIL"))
        {
            error = "Please choose whether your emails are on or paused.";
            return false;
        }

        LocalDate? until = null;
        if (state == "UNTIL")
        {
            if (NodaTime.Text.LocalDatePattern.Iso.Parse(switches.PauseUntil?.Trim() ?? string.Empty) is not { Success: true } date)
            {
                error = "Please choose the date your emails start again, like " + PauseEnd.Example(today) + ".";
                return false;
            }

            if (!new PauseEnd(Date: date.Value).TryResolve(today, out var resolved, out _))
            {
                error = resolved <= today
                    ? "Please choose a date after today for your emails to start again."
                    : "A pause can last up to a year: please choose a date within the next year.";
                return false;
            }

            until = resolved;
        }

        if (!TryReadSwitch(switches.Prompts, current.PromptsEnabled, out var prompts) || !TryReadSwitch(switches.Digest, current.DigestEnabled, out var digest))
        {
            error = "Please choose whether your daily prompt and your weekly digest are on or off.";
            return false;
        }

        bool? paused = state == string.Empty ? null : state is "PAUSED" or "UNTIL";
        change = new SettingsChange(NodaTime.DateTimeZoneProviders.Tzdb[zoneId].Id, promptTime, day, digestAt, kindnessGoal, IsOn(memories), IsOn(receipts), IsOn(twelveHour), paused, until, prompts, digest);
        error = string.Empty;
        return true;
    }

    // A radio pair: "on" or "off"; absent keeps what is stored.
    private static bool TryReadSwitch(string? posted, bool current, out bool on)
    {
        var value = posted?.Trim().ToUpperInvariant() ?? string.Empty;
        on = value switch
        {
            "ON" => true,
            "OFF" => false,
            _ => current,
        };
        return value is "" or "ON" or "OFF";
    }

    private static bool IsOn(string? checkbox) => !string.IsNullOrEmpty(checkbox);
}
