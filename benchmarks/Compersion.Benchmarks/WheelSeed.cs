using Compersion.Core.Scheduling;
using Compersion.Core.Subscribers;
using NodaTime;

namespace Compersion.Benchmarks;

/// <summary>Schedule rows for the scenarios: the rows due in one minute, and the rest of a day's subscribers spread over the following 24 hours.</summary>
internal static class WheelSeed
{
    /// <summary>The minute every scenario dispatches: mid-June, far from any daylight-saving change, so every next occurrence is exactly a day later.</summary>
    public static readonly Instant DueAt = Instant.FromUtc(2026, 6, 15, 18, 0);

    /// <summary>Buckets the not-yet-due rows are spread over: every minute of the next day but the last, where dispatched rows roll to.</summary>
    public const int SpreadMinutes = (24 * 60) - 1;

    // Buckets written per store call; the store itself runs a few transactions at a time.
    private const int BucketsPerCall = 24;

    private static readonly string[] Zones =
    [
        "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney",
        "America/Sao_Paulo", "Asia/Kolkata", "Etc/UTC", "America/Los_Angeles",
    ];

    /// <summary>The zone and local prompt time of the <paramref name="index"/>th due subscriber, so that their prompt falls on <see cref="DueAt"/>.</summary>
    public static (string Zone, LocalDateTime Local) DueLocal(int index)
    {
        var zone = Zones[index % Zones.Length];
        return (zone, DueAt.InZone(DateTimeZoneProviders.Tzdb[zone]).LocalDateTime);
    }

    /// <summary><paramref name="count"/> prompt rows due at <see cref="DueAt"/> for new subscriber ids, across several zones.</summary>
    public static IReadOnlyList<ScheduleEntry> DueRows(int count) =>
    [
        .. Enumerable.Range(0, count).Select(index =>
        {
            var (zone, local) = DueLocal(index);
            return new ScheduleEntry(SubscriberId.New(), JobKind.Prompt, local.Date, DueAt, zone, local.TimeOfDay);
        }),
    ];

    /// <summary>Writes <paramref name="count"/> prompt rows spread evenly over the <see cref="SpreadMinutes"/> buckets after <see cref="DueAt"/>.</summary>
    /// <remarks>Rows are generated a few buckets at a time, so seeding 100,000 does not hold them all in memory.</remarks>
    public static async Task SpreadAsync(IScheduleStore store, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        for (var first = 1; first <= SpreadMinutes; first += BucketsPerCall)
        {
            var last = Math.Min(first + BucketsPerCall - 1, SpreadMinutes);
            var rows = new List<ScheduleEntry>();
            for (var minute = first; minute <= last; minute++)
            {
                var due = DueAt + Duration.FromMinutes(minute);
                var local = due.InUtc().LocalDateTime;
                var inBucket = (count / SpreadMinutes) + (minute <= count % SpreadMinutes ? 1 : 0);
                for (var i = 0; i < inBucket; i++)
                {
                    rows.Add(new ScheduleEntry(SubscriberId.New(), JobKind.Prompt, local.Date, due, "Etc/UTC", local.TimeOfDay));
                }
            }

            await store.UpsertAsync(rows, cancellationToken);
        }
    }
}
