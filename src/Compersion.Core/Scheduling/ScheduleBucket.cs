using System.Globalization;
using NodaTime.Text;

namespace Compersion.Core.Scheduling;

/// <summary>A one-minute slot of the timing wheel, keyed <c>yyyyMMddHHmm</c> in UTC.</summary>
/// <remarks>Keys sort lexically in time order, so a range of buckets is a range of partition keys.</remarks>
public readonly record struct ScheduleBucket(Instant Start) : IComparable<ScheduleBucket>
{
    private static readonly InstantPattern KeyPattern = InstantPattern.CreateWithInvariantCulture("yyyyMMddHHmm");

    /// <summary>The width of a bucket.</summary>
    public static readonly Duration Width = Duration.FromMinutes(1);

    /// <summary>The bucket containing an instant.</summary>
    public static ScheduleBucket Of(Instant instant)
    {
        var ticks = instant.ToUnixTimeTicks();
        var width = Width.BclCompatibleTicks;
        var floored = ticks - (((ticks % width) + width) % width);
        return new ScheduleBucket(Instant.FromUnixTimeTicks(floored));
    }

    /// <summary>Parses a bucket key.</summary>
    public static bool TryParse(string key, out ScheduleBucket bucket)
    {
        var result = KeyPattern.Parse(key);
        bucket = result.Success ? new ScheduleBucket(result.Value) : default;
        return result.Success;
    }

    /// <summary>The partition key of this bucket.</summary>
    public string Key => KeyPattern.Format(Start);

    /// <summary>The next bucket.</summary>
    public ScheduleBucket Next => new(Start + Width);

    /// <inheritdoc />
    public int CompareTo(ScheduleBucket other) => Start.CompareTo(other.Start);

    /// <summary>Whether this bucket is earlier than another.</summary>
    public static bool operator <(ScheduleBucket left, ScheduleBucket right) => left.CompareTo(right) < 0;

    /// <summary>Whether this bucket is later than another.</summary>
    public static bool operator >(ScheduleBucket left, ScheduleBucket right) => left.CompareTo(right) > 0;

    /// <summary>Whether this bucket is not later than another.</summary>
    public static bool operator <=(ScheduleBucket left, ScheduleBucket right) => left.CompareTo(right) <= 0;

    /// <summary>Whether this bucket is not earlier than another.</summary>
    public static bool operator >=(ScheduleBucket left, ScheduleBucket right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => Key.ToString(CultureInfo.InvariantCulture);
}
