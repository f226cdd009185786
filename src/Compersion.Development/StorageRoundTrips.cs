namespace Compersion.Development;

/// <summary>Counts HTTP requests sent to storage, retries included.</summary>
/// <remarks>
/// Opt-in: <see cref="DevelopmentServiceCollectionExtensions.AddStorageRoundTripCounting"/> makes every storage client
/// report here, so a benchmark can reset the counter, run a scenario and report round trips per prompt.
/// </remarks>
public sealed class StorageRoundTrips
{
    private long count;

    /// <summary>Requests sent since creation or the last <see cref="Reset"/>.</summary>
    public long Count => Interlocked.Read(ref count);

    /// <summary>Sets the count back to zero.</summary>
    public void Reset() => Interlocked.Exchange(ref count, 0);

    internal void Increment() => Interlocked.Increment(ref count);
}
