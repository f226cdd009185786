using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime.Text;

namespace Compersion.Core.Scheduling;

/// <summary>A queued request to send one mail of one kind to one subscriber for one local date.</summary>
/// <param name="Id">Deterministic: subscriber + kind + local date; the same job dispatched twice has the same id.</param>
/// <param name="SubscriberId">Who receives it.</param>
/// <param name="Kind">What is sent.</param>
/// <param name="LocalDate">The subscriber's local date it is for.</param>
/// <remarks>
/// A job dispatched from the timing wheel also carries the zone and local time of the row it came from
/// (<see cref="Zone"/>, <see cref="LocalTime"/>), so the handler can find the row the dispatcher wrote next
/// (<see cref="Following"/>) and stop it rolling when its subscriber has left, even after they were deleted.
/// </remarks>
public sealed record OutboundJob(string Id, string SubscriberId, JobKind Kind, LocalDate LocalDate)
{
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.ExtendedIso;

    /// <summary>The zone of the schedule row this job was dispatched from; null for jobs not from the wheel.</summary>
    public string? Zone { get; init; }

    /// <summary>The local time of the schedule row this job was dispatched from; null for jobs not from the wheel.</summary>
    public LocalTime? LocalTime { get; init; }

    /// <summary>Builds a job with its deterministic id.</summary>
    public static OutboundJob For(string subscriberId, JobKind kind, LocalDate localDate) =>
        new(IdFor(subscriberId, kind, localDate), subscriberId, kind, localDate);

    /// <summary>The job a schedule row dispatches, remembering the row's zone and time.</summary>
    public static OutboundJob From(ScheduleEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return For(entry.SubscriberId, entry.Kind, entry.LocalDate) with { Zone = entry.Zone, LocalTime = entry.LocalTime };
    }

    /// <summary>The row the dispatcher wrote after this job's row (the next day's prompt, the next week's digest); null when unknown.</summary>
    public ScheduleEntry? Following()
    {
        if (Zone is null || LocalTime is not { } time || !LocalSchedule.IsKnownZone(Zone) || Kind is not (JobKind.Prompt or JobKind.Digest))
        {
            return null;
        }

        var row = new ScheduleEntry(
            SubscriberId, Kind, LocalDate, LocalSchedule.InstantFor(DateTimeZoneProviders.Tzdb[Zone], LocalDate, time), Zone, time, Kind == JobKind.Digest ? LocalDate.DayOfWeek : null);
        return LocalSchedule.Following(row);
    }

    /// <summary>The deterministic id for (subscriber, kind, local date).</summary>
    public static string IdFor(string subscriberId, JobKind kind, LocalDate localDate) =>
        string.Create(CultureInfo.InvariantCulture, $"{subscriberId}-{kind.ToString().ToLowerInvariant()}-{LocalDatePattern.Iso.Format(localDate)}");

    /// <summary>The job on its own as compact JSON with an ISO date; queue messages carry jobs in an <see cref="OutboundBatch"/>.</summary>
    public string ToJson() => JsonSerializer.Serialize(ToWire(), OutboundJobJsonContext.Default.Wire);

    internal Wire ToWire() => new(
        SubscriberId,
        Kind.ToString().ToLowerInvariant(),
        LocalDatePattern.Iso.Format(LocalDate),
        Zone,
        LocalTime is { } time ? TimePattern.Format(time) : null);

    /// <summary>Reads a queue message body; false for anything malformed (never throws on bad input).</summary>
    public static bool TryParse(string? json, out OutboundJob? job)
    {
        job = null;
        return OutboundJobJsonContext.TryRead(json, OutboundJobJsonContext.Default.Wire, out var wire) && TryRead(wire, out job);
    }

    internal static bool TryRead(Wire wire, out OutboundJob? job)
    {
        job = null;
        if (!Subscribers.SubscriberId.IsValid(wire.Sid) ||
            !TryParseKind(wire.Kind, out var kind) ||
            wire.Date is null || !LocalDatePattern.Iso.Parse(wire.Date).TryGetValue(default, out var date))
        {
            return false;
        }

        job = For(wire.Sid!, kind, date);
        if (LocalSchedule.IsKnownZone(wire.Zone) && wire.At is not null && TimePattern.Parse(wire.At).TryGetValue(default, out var at))
        {
            // Both or neither: a row's zone without its time (or a zone no longer known) finds no row.
            job = job with { Zone = wire.Zone, LocalTime = at };
        }

        return true;
    }

    // A kind's name in any case and nothing else: Enum.TryParse would also accept "0" or "prompt,digest" (read as digest).
    private static bool TryParseKind(string? text, out JobKind kind)
    {
        foreach (var candidate in Enum.GetValues<JobKind>())
        {
            if (string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    internal sealed record Wire(
        string? Sid,
        string? Kind,
        string? Date,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Zone = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? At = null);
}
