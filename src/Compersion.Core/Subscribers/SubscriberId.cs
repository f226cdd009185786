using System.Security.Cryptography;
using Compersion.Core.Common;

namespace Compersion.Core.Subscribers;

/// <summary>Opaque subscriber ids: 80 random bits as 16 lowercase base32 characters.</summary>
public static class SubscriberId
{
    /// <summary>Bytes in an id.</summary>
    public const int ByteLength = 10;

    /// <summary>Characters in an id.</summary>
    public const int Length = 16;

    /// <summary>A new random id.</summary>
    public static string New() => Base32.Encode(RandomNumberGenerator.GetBytes(ByteLength));

    /// <summary>Whether a string is shaped like an id (safe as a table key).</summary>
    public static bool IsValid(string? id)
    {
        if (id is null || id.Length != Length)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[ByteLength];
        return Base32.TryDecode(id, bytes, out var written) && written == ByteLength && Base32.Encode(bytes) == id;
    }

    internal static bool TryGetBytes(string id, Span<byte> destination) =>
        IsValid(id) && Base32.TryDecode(id, destination, out _);
}
