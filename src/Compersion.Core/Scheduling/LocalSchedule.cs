using NodaTime.TimeZones;

namespace Compersion.Core.Scheduling;

/// <summary>Local-time arithmetic for "at this time every day (or week) in this zone".</summary>
/// <remarks>
/// A local time that does not exist on a date (spring-forward gap) is sent at the instant the gap
/// ends (02:30 in a 02:00→03:00 gap is sent at 03:00); an ambiguous one (fall-back) is sent once,
/// at its first occurrence. Zones come from NodaTime's bundled tz database, so the behaviour does
/// not depend on the machine's tzdata.
/// </remarks>
public static class LocalSchedule
{
    private static readonly ZoneLocalMappingResolver Resolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    /// <summary>Whether a zone id is a known IANA zone.</summary>
    public static bool IsKnownZone(string? zoneId) =>
        !string.IsNullOrWhiteSpace(zoneId) && DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) is not null;

    /// <summary>The instant a job for a local date at a local time is due.</summary>
    public static Instant InstantFor(DateTimeZone zone, LocalDate date, LocalTime time)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return zone.ResolveLocal(date.At(time), Resolver).ToInstant();
    }

    /// <summary>The first daily occurrence strictly after <paramref name="after"/>.</summary>
    public static (LocalDate Date, Instant DueAt) NextDaily(DateTimeZone zone, LocalTime time, Instant after)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var date = after.InZone(zone).Date.PlusDays(-1);
        while (true)
        {
            var due = InstantFor(zone, date, time);
            if (due > after)
            {
                return (date, due);
            }

            date = date.PlusDays(1);
        }
    }

    /// <summary>The first daily occurrence for a local date on or after <paramref name="fromDate"/>, strictly after <paramref name="after"/>.</summary>
    public static (LocalDate Date, Instant DueAt) NextDaily(DateTimeZone zone, LocalTime time, LocalDate fromDate, Instant after)
    {
        var next = NextDaily(zone, time, after);
        while (next.Date < fromDate)
        {
            next = (next.Date.PlusDays(1), InstantFor(zone, next.Date.PlusDays(1), time));
        }

        return next;
    }

    /// <summary>The first weekly occurrence (on <paramref name="weekday"/>) strictly after <paramref name="after"/>.</summary>
    public static (LocalDate Date, Instant DueAt) NextWeekly(DateTimeZone zone, IsoDayOfWeek weekday, LocalTime time, Instant after)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var date = after.InZone(zone).Date.PlusDays(-1);
        while (true)
        {
            if (date.DayOfWeek == weekday)
            {
                var due = InstantFor(zone, date, time);
                if (due > after)
                {
                    return (date, due);
                }
            }

            date = date.PlusDays(1);
        }
    }

    /// <summary>The send instants of the daily job for <paramref name="days"/> consecutive local dates.</summary>
    public static IEnumerable<(LocalDate Date, Instant DueAt)> Daily(DateTimeZone zone, LocalTime time, LocalDate from, int days)
    {
        for (var i = 0; i < days; i++)
        {
            var date = from.PlusDays(i);
            yield return (date, InstantFor(zone, date, time));
        }
    }

    /// <summary>The entry that follows a dispatched one, for the same subscriber and kind.</summary>
    public static ScheduleEntry Following(ScheduleEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var zone = DateTimeZoneProviders.Tzdb[entry.Zone];
        var nextDate = entry.Weekday is null ? entry.LocalDate.PlusDays(1) : entry.LocalDate.PlusWeeks(1);
        return entry with { LocalDate = nextDate, DueAt = InstantFor(zone, nextDate, entry.LocalTime), Version = null };
    }
}
