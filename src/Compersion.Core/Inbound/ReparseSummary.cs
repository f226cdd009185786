namespace Compersion.Core.Inbound;

/// <summary>How many archived posts a reparse run left in each outcome.</summary>
/// <param name="Counts">Posts per outcome; an outcome no post had is absent.</param>
public sealed record ReparseSummary(IReadOnlyDictionary<ReparseOutcome, int> Counts)
{
    /// <summary>How many posts had <paramref name="outcome"/>.</summary>
    public int this[ReparseOutcome outcome] => Counts.GetValueOrDefault(outcome);

    /// <summary>Photos kept that were not kept before (in a dry run: that a run with <c>apply</c> would keep now).</summary>
    public int PhotosAdded { get; init; }

    /// <summary>How many posts were read.</summary>
    public int Total => Counts.Values.Sum();
}
