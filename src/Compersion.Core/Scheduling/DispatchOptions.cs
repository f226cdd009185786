using System.ComponentModel.DataAnnotations;

namespace Compersion.Core.Scheduling;

/// <summary>Tuning for the dispatcher (configuration section <c>Dispatch</c>).</summary>
public sealed class DispatchOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Dispatch";

    /// <summary>How far back a brand-new wheel starts looking, in minutes.</summary>
    /// <remarks>Rows are always written for a future instant, so a short look-back suffices; each minute walked costs one query.</remarks>
    [Range(1, 60 * 24 * 7)]
    public int InitialLookbackMinutes { get; set; } = 15;

    /// <summary>How long a run holds the wheel before another may take over (a crashed run's lease lapses), in minutes.</summary>
    /// <remarks>Renewed after every bucket walked, so it only has to outlast one bucket. Fractions are allowed (the fault suite uses a quarter minute).</remarks>
    [Range(0.05, 60.0)]
    public double LeaseMinutes { get; set; } = 5;

    /// <summary>Queue writes in flight at once.</summary>
    [Range(1, 256)]
    public int Parallelism { get; set; } = 32;
}
