using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Compersion.Core.Scheduling;

/// <summary>A queued request to send one mail of one kind to one subscriber for one local date.</summary>
/// <param name="Id">Deterministic: subscriber + kind + local date; the same job dispatched twice has the same id.</param>
/// <param name="SubscriberId">Who receives it.</param>
/// <param name="Kind">What is sent.</param>
/// <param name="LocalDate">The subscriber's local date it is for.</param>
public sealed record OutboundJob(string Id, string SubscriberId, JobKind Kind, LocalDate LocalDate)
{
    /// <summary>Builds a job with its deterministic id.</summary>
    public static OutboundJob For(string subscriberId, JobKind kind, LocalDate localDate) =>
        new(IdFor(subscriberId, kind, localDate), subscriberId, kind, localDate);

    /// <summary>The deterministic id for (subscriber, kind, local date).</summary>
    public static string IdFor(string subscriberId, JobKind kind, LocalDate localDate) =>
        string.Create(CultureInfo.InvariantCulture, $"{subscriberId}-{kind.ToString().ToLowerInvariant()}-{LocalDatePattern.Iso.Format(localDate)}");

    /// <summary>The queue message body: compact JSON with an ISO date (the queue itself Base64-encodes it).</summary>
    public string ToJson() => JsonSerializer.Serialize(
        new Wire(SubscriberId, Kind.ToString().ToLowerInvariant(), LocalDatePattern.Iso.Format(LocalDate)),
        OutboundJobJsonContext.Default.Wire);

    /// <summary>Reads a queue message body; false for anything malformed (never throws on bad input).</summary>
    public static bool TryParse(string? json, out OutboundJob? job)
    {
        job = null;
        if (string.IsNullOrWhiteSpace(json))
        {
            return false;
        }

        Wire? wire;
        try
        {
            wire = JsonSerializer.Deserialize(json, OutboundJobJsonContext.Default.Wire);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException)
        {
            // ArgumentException: text that is not valid UTF-16 (a lone surrogate) cannot even be read as JSON.
            return false;
        }

        if (wire is null || !Subscribers.SubscriberId.IsValid(wire.Sid) ||
            !TryParseKind(wire.Kind, out var kind) ||
            wire.Date is null || !LocalDatePattern.Iso.Parse(wire.Date).TryGetValue(default, out var date))
        {
            return false;
        }

        job = For(wire.Sid!, kind, date);
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

    internal sealed record Wire(string? Sid, string? Kind, string? Date);
}
