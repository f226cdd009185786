namespace Compersion.Benchmarks;

/// <summary>A wall clock that stands still at a set instant, so the dispatcher sees exactly the bucket a scenario seeded.</summary>
/// <remarks>
/// Only <see cref="GetUtcNow"/> is pinned. Timers and timestamps stay real, so Polly's per-attempt timeout,
/// its retry delays and the storage client's back-off behave as they do in production.
/// </remarks>
internal sealed class PinnedClock(DateTimeOffset now) : TimeProvider
{
    private long utcTicks = now.UtcTicks;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref utcTicks), TimeSpan.Zero);

    /// <summary>Moves the clock to <paramref name="value"/> and keeps it there.</summary>
    public void Set(DateTimeOffset value) => Interlocked.Exchange(ref utcTicks, value.UtcTicks);
}
