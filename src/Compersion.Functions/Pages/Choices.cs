using System.Globalization;
using Compersion.Core.Subscribers;
using NodaTime;
using NodaTime.TimeZones;

namespace Compersion.Functions.Pages;

/// <summary>The options of the zone, weekday and goal selects.</summary>
internal static class Choices
{
    // The canonical zones people pick from (one per region of the tz database), plus UTC; sorted by id.
    private static readonly string[] ZoneIds =
    [
        .. TzdbDateTimeZoneSource.Default.ZoneLocations!.Select(location => location.ZoneId)
            .Append("UTC")
            .Distinct(StringComparer.Ordinal)
            .Where(id => DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is not null)
            .Order(StringComparer.Ordinal),
    ];

    private static readonly IsoDayOfWeek[] Week =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];

    /// <summary>Every zone, <paramref name="selected"/> chosen (and listed even when it is an alias not in the list).</summary>
    public static IReadOnlyList<Option> Zones(string? selected)
    {
        var ids = selected is { Length: > 0 } && Array.BinarySearch(ZoneIds, selected, StringComparer.Ordinal) < 0 && DateTimeZoneProviders.Tzdb.GetZoneOrNull(selected) is not null
            ? ZoneIds.Append(selected).Order(StringComparer.Ordinal)
            : ZoneIds.AsEnumerable();
        return [.. ids.Select(id => new Option(id, id.Replace('_', ' '), string.Equals(id, selected, StringComparison.Ordinal)))];
    }

    /// <summary>The weekdays, Monday first.</summary>
    public static IReadOnlyList<Option> Days(IsoDayOfWeek selected) =>
        [.. Week.Select(day => new Option(day.ToString(), day.ToString(), day == selected))];

    /// <summary>Weekly kindness goals, 0 to the maximum.</summary>
    public static IReadOnlyList<Option> Goals(int selected) =>
        [.. Enumerable.Range(0, Subscriber.MaxKindnessGoal + 1).Select(goal => new Option(
            goal.ToString(CultureInfo.InvariantCulture),
            goal switch { 0 => "None for now", 1 => "1 a week", _ => string.Create(CultureInfo.InvariantCulture, $"{goal} a week") },
            goal == selected))];

    /// <summary>HH:mm.</summary>
    public static string Time(LocalTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
