using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Compersion.Core.Common;

/// <summary>Deterministic pseudo-random numbers from text, identical in every process and on every machine.</summary>
/// <remarks>
/// <see cref="string.GetHashCode()"/> is randomised per process, and <see cref="Random"/> with a seed
/// promises no stable sequence across runtime versions; a re-sent or re-composed mail must choose
/// exactly what the first one chose, so choices are drawn from SHA-256 and SplitMix64 instead.
/// </remarks>
internal static class StableHash
{
    /// <summary>A 64-bit value determined only by <paramref name="parts"/>.</summary>
    public static ulong Of(params ReadOnlySpan<string> parts)
    {
        var text = string.Join('\u001f', parts.ToArray());
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        return BinaryPrimitives.ReadUInt64LittleEndian(digest);
    }

    /// <summary>Advances a SplitMix64 state and returns the next value of its sequence.</summary>
    public static ulong Next(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>An index in <c>[0, count)</c> determined only by <paramref name="parts"/>.</summary>
    public static int Index(int count, params ReadOnlySpan<string> parts)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return (int)(Of(parts) % (ulong)count);
    }
}
