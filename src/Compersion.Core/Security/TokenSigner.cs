using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Compersion.Core.Common;
using Compersion.Core.Subscribers;
using Microsoft.Extensions.Options;

namespace Compersion.Core.Security;

/// <summary>Signs and verifies the compact HMAC tokens used in reply addresses and links.</summary>
/// <remarks>
/// Layout (28 bytes, 45 base32 characters): purpose (1) · key id (1) · subscriber id (10) ·
/// value (4, big-endian) · HMAC-SHA256 truncated to 12 bytes over the first 16. Short enough that
/// <c>reply+token@domain</c> stays within the 64-character local-part limit; lowercase base32
/// survives mail systems that lowercase local parts. The key id picks the secret from the ring
/// (current, previous), so rotating the secret leaves tokens already in inboxes working.
/// </remarks>
public sealed class TokenSigner
{
    private const int BodyLength = 16;
    private const int MacLength = 12;
    private const int TokenLength = BodyLength + MacLength;

    /// <summary>Characters in every token (base32 of 28 bytes).</summary>
    public const int EncodedLength = 45;

    private readonly (byte Id, byte[] Key)[] keys;

    /// <summary>Creates a signer over the configured key ring.</summary>
    public TokenSigner(IOptions<TokenOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ring = new List<(byte, byte[])> { Derive(options.Value.CurrentSecret) };
        if (!string.IsNullOrEmpty(options.Value.PreviousSecret))
        {
            ring.Add(Derive(options.Value.PreviousSecret));
        }

        keys = [.. ring];
    }

    /// <summary>Signs a token with the current secret.</summary>
    public string Sign(TokenPurpose purpose, string subscriberId, int value)
    {
        Span<byte> token = stackalloc byte[TokenLength];
        token[0] = (byte)purpose;
        token[1] = keys[0].Id;
        if (!SubscriberId.TryGetBytes(subscriberId, token.Slice(2, SubscriberId.ByteLength)))
        {
            throw new ArgumentException("Not a subscriber id.", nameof(subscriberId));
        }

        BinaryPrimitives.WriteInt32BigEndian(token.Slice(12, 4), value);
        Mac(keys[0].Key, token[..BodyLength], token[BodyLength..]);
        return Base32.Encode(token);
    }

    /// <summary>Verifies a token against every key in the ring; false for anything malformed, tampered or signed with an unknown key.</summary>
    public bool TryVerify(string? text, out SignedToken? token)
    {
        token = null;
        if (text is null || text.Length != EncodedLength)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[TokenLength];
        if (!Base32.TryDecode(text, bytes, out var written) || written != TokenLength ||
            !string.Equals(Base32.Encode(bytes), text, StringComparison.OrdinalIgnoreCase) || !Enum.IsDefined((TokenPurpose)bytes[0]))
        {
            // One spelling per token: no trailing characters, no stray padding bits, no unknown purpose.
            return false;
        }

        Span<byte> expected = stackalloc byte[MacLength];
        foreach (var (id, key) in keys)
        {
            if (id != bytes[1])
            {
                continue;
            }

            Mac(key, bytes[..BodyLength], expected);
            if (CryptographicOperations.FixedTimeEquals(expected, bytes[BodyLength..]))
            {
                token = new SignedToken(
                    (TokenPurpose)bytes[0],
                    Base32.Encode(bytes.Slice(2, SubscriberId.ByteLength)),
                    BinaryPrimitives.ReadInt32BigEndian(bytes.Slice(12, 4)));
                return true;
            }
        }

        return false;
    }

    /// <summary>Verifies a token as <see cref="TryVerify(string?, out SignedToken?)"/> does, and that it was signed for <paramref name="purpose"/>.</summary>
    public bool TryVerify(string? text, TokenPurpose purpose, [NotNullWhen(true)] out SignedToken? token)
    {
        if (TryVerify(text, out token) && token!.Purpose == purpose)
        {
            return true;
        }

        token = null;
        return false;
    }

    /// <summary>A reply token for a prompt or digest of one local date.</summary>
    public string ForReply(TokenPurpose purpose, string subscriberId, LocalDate date) =>
        Sign(purpose, subscriberId, date.DaysSinceEpoch());

    /// <summary>A link token that lapses at <paramref name="expires"/> (for unsubscribe links, which never lapse, the issue instant).</summary>
    public string ForLink(TokenPurpose purpose, string subscriberId, Instant expires) =>
        Sign(purpose, subscriberId, checked((int)(expires.ToUnixTimeSeconds() / 60)));

    /// <summary>Checks a link token for one purpose at <paramref name="now"/>.</summary>
    public LinkCheck CheckLink(string? text, TokenPurpose purpose, Instant now, out string? subscriberId)
    {
        subscriberId = null;
        if (!TryVerify(text, purpose, out var token))
        {
            return LinkCheck.Invalid;
        }

        subscriberId = token.SubscriberId;
        if (purpose != TokenPurpose.Unsubscribe && Instant.FromUnixTimeSeconds(token.Value * 60L) < now)
        {
            return LinkCheck.Expired;
        }

        return LinkCheck.Valid;
    }

    /// <summary>A MAC of <paramref name="context"/> under the current secret (22 base64url characters), for stateless form tokens.</summary>
    /// <remarks>Keyed apart from link tokens (the context is prefixed), so a MAC can never pass as a token or the reverse.</remarks>
    public string MacFor(string context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return FormMac(keys[0].Key, context);
    }

    /// <summary>Whether <paramref name="presented"/> is the MAC of <paramref name="context"/> under any secret in the ring (constant time).</summary>
    public bool VerifyMac(string context, string? presented)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (presented is null)
        {
            return false;
        }

        var given = Encoding.ASCII.GetBytes(presented);
        var matched = false;
        foreach (var (_, key) in keys)
        {
            matched |= CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(FormMac(key, context)), given);
        }

        return matched;
    }

    private static string FormMac(byte[] key, string context)
    {
        Span<byte> full = stackalloc byte[32];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("compersion-form:" + context), full);
        return Convert.ToBase64String(full[..16]).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static (byte Id, byte[] Key) Derive(string secret)
    {
        var key = SHA256.HashData(Encoding.UTF8.GetBytes("compersion-token-key:" + secret));
        var id = SHA256.HashData(Encoding.UTF8.GetBytes("compersion-token-id:" + secret))[0];
        return (id, key);
    }

    private static void Mac(byte[] key, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        Span<byte> full = stackalloc byte[32];
        HMACSHA256.HashData(key, body, full);
        full[..MacLength].CopyTo(destination);
    }
}
