using System.Globalization;
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
}
