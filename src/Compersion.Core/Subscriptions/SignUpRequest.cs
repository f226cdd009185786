using System.Globalization;
using Compersion.Core.Scheduling;
using Compersion.Core.Subscribers;
using NodaTime.Text;

namespace Compersion.Core.Subscriptions;

/// <summary>A validated sign-up: a normalised address, a known zone and real local times.</summary>
/// <param name="Email">Normalised address.</param>
/// <param name="Zone">IANA zone id.</param>
/// <param name="PromptTime">Local time of the daily prompt.</param>
/// <param name="DigestDay">Local weekday of the digest.</param>
/// <param name="DigestTime">Local time of the digest.</param>
/// <param name="KindnessGoal">Secret kind acts aimed for each week, 0 to <see cref="Subscriber.MaxKindnessGoal"/>.</param>
/// <param name="TwelveHourClock">Whether the person reads times on a 12-hour clock (the sign-up page asks the browser's locale).</param>
public sealed record SignUpRequest(string Email, string Zone, LocalTime PromptTime, IsoDayOfWeek DigestDay, LocalTime DigestTime, int KindnessGoal = Subscriber.DefaultKindnessGoal, bool TwelveHourClock = false)
{
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    /// <summary>Validates raw form or JSON fields; on failure <paramref name="error"/> says what to fix, in words a person understands.</summary>
    public static bool TryCreate(string? email, string? zone, string? time, string? digestDay, string? digestTime, out SignUpRequest? request, out string error) =>
        TryCreate(email, zone, time, digestDay, digestTime, goal: null, out request, out error);

    /// <summary>Validates raw fields including the optional weekly kindness goal (blank gives <see cref="Subscriber.DefaultKindnessGoal"/>).</summary>
    public static bool TryCreate(string? email, string? zone, string? time, string? digestDay, string? digestTime, string? goal, out SignUpRequest? request, out string error) =>
        TryCreate(email, zone, time, digestDay, digestTime, goal, clock: null, out request, out error);

    /// <summary>Validates raw fields including the goal and the clock the person reads times on (<c>12</c> or <c>24</c>; blank gives 24).</summary>
    public static bool TryCreate(string? email, string? zone, string? time, string? digestDay, string? digestTime, string? goal, string? clock, out SignUpRequest? request, out string error)
    {
        request = null;
        if (!EmailAddress.TryNormalize(email, out var normalized))
        {
            error = "Please enter a valid email address, like name@example.com.";
            return false;
        }

        var zoneId = string.IsNullOrWhiteSpace(zone) ? string.Empty : zone.Trim();
        if (!LocalSchedule.IsKnownZone(zoneId))
        {
            error = "Please choose a time zone from the list, like Europe/Berlin or America/New_York.";
            return false;
        }

        if (!TryParseTime(time, Subscriber.DefaultPromptTime, out var promptTime))
        {
            error = "Please give the time as HH:mm on a 24-hour clock, like 07:30 or 20:00.";
            return false;
        }

        if (!TryParseDay(digestDay, out var day))
        {
            error = "Please give the digest day as a weekday name, like Sunday.";
            return false;
        }

        if (!TryParseTime(digestTime, Subscriber.DefaultDigestTime, out var digestAt))
        {
            error = "Please give the digest time as HH:mm on a 24-hour clock, like 18:00.";
            return false;
        }

        if (!TryParseGoal(goal, out var kindnessGoal))
        {
            error = $"Please choose a weekly kindness goal from 0 to {Subscriber.MaxKindnessGoal}.";
            return false;
        }

        if (!TryParseClock(clock, out var twelveHour))
        {
            error = "Please give the clock as 12 or 24.";
            return false;
        }

        request = new SignUpRequest(normalized, DateTimeZoneProviders.Tzdb[zoneId].Id, promptTime, day, digestAt, kindnessGoal, twelveHour);
        error = string.Empty;
        return true;
    }

    /// <summary>Parses a strict 24-hour <c>HH:mm</c> time; blank gives <paramref name="fallback"/>.</summary>
    public static bool TryParseTime(string? text, LocalTime fallback, out LocalTime time)
    {
        time = fallback;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = text.Trim();
        if (trimmed.Length == 4 && trimmed[1] == ':')
        {
            trimmed = "0" + trimmed;
        }

        var result = TimePattern.Parse(trimmed);
        time = result.Success ? result.Value : fallback;
        return result.Success;
    }

    /// <summary>Parses the clock times are shown on: <c>12</c> (true) or <c>24</c> (false); blank gives 24.</summary>
    public static bool TryParseClock(string? text, out bool twelveHour)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        twelveHour = trimmed == "12";
        return trimmed is "" or "12" or "24";
    }

    /// <summary>Parses a weekly kindness goal, a whole number from 0 to <see cref="Subscriber.MaxKindnessGoal"/>; blank gives the default.</summary>
    public static bool TryParseGoal(string? text, out int goal)
    {
        goal = Subscriber.DefaultKindnessGoal;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out goal) && goal is >= 0 and <= Subscriber.MaxKindnessGoal;
    }

    /// <summary>Parses an English weekday name or three-letter abbreviation; blank gives Sunday.</summary>
    public static bool TryParseDay(string? text, out IsoDayOfWeek day)
    {
        day = IsoDayOfWeek.Sunday;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = text.Trim();
        foreach (var candidate in Enum.GetValues<IsoDayOfWeek>())
        {
            if (candidate == IsoDayOfWeek.None)
            {
                continue;
            }

            var name = candidate.ToString();
            if (string.Equals(trimmed, name, StringComparison.OrdinalIgnoreCase) ||
                (trimmed.Length == 3 && name.StartsWith(trimmed, true, CultureInfo.InvariantCulture)))
            {
                day = candidate;
                return true;
            }
        }

        return false;
    }
}
