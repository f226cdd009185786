namespace Compersion.Benchmarks;

/// <summary>Percentiles of a sorted sample, by the nearest-rank method.</summary>
internal static class Percentiles
{
    /// <summary>The value below or at which <paramref name="quantile"/> of the sorted sample lies (0.95 for p95).</summary>
    public static double Of(double[] sorted, double quantile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
