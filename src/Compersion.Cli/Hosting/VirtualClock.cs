namespace Compersion.Cli.Hosting;

/// <summary>A clock the demo moves by hand, so days pass in seconds through the real pipeline.</summary>
internal sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    /// <summary>Sets the clock (never backwards).</summary>
    public void SetTo(DateTimeOffset when)
    {
        if (when.UtcTicks > Interlocked.Read(ref _ticks))
        {
            Interlocked.Exchange(ref _ticks, when.UtcTicks);
        }
    }
}
