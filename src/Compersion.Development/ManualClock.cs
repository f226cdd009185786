namespace Compersion.Development;

/// <summary>A clock that moves only when told to, so scenarios see exactly the instant they set up.</summary>
/// <remarks>
/// Only <see cref="GetUtcNow"/> is under control. Timers and timestamps stay real, so Polly's per-attempt
/// timeouts, retry delays and the storage client's back-off behave as in production. The demo and the
/// end-to-end tests move it forward day by day; the benchmarks pin it to the minute they seeded.
/// </remarks>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long utcTicks = start.UtcTicks;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref utcTicks), TimeSpan.Zero);

    /// <summary>Moves the clock forward by <paramref name="by"/>.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref utcTicks, by.Ticks);

    /// <summary>Moves the clock to <paramref name="when"/> if that is later than now (never backwards).</summary>
    public void SetTo(DateTimeOffset when)
    {
        var target = when.UtcTicks;
        long current;
        do
        {
            current = Interlocked.Read(ref utcTicks);
            if (target <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref utcTicks, target, current) != current);
    }

    /// <summary>Puts the clock at <paramref name="when"/>, forwards or backwards.</summary>
    public void Set(DateTimeOffset when) => Interlocked.Exchange(ref utcTicks, when.UtcTicks);
}
