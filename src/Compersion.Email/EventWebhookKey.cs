using System.Security.Cryptography;

namespace Compersion.Email;

/// <summary>Decodes and checks the configured Event Webhook verification key.</summary>
internal static class EventWebhookKey
{
    private const int P256KeySize = 256;

    /// <summary>The DER SubjectPublicKeyInfo bytes when <paramref name="base64"/> holds an ECDSA P-256 public key; otherwise null.</summary>
    public static byte[]? TryDecode(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return null;
        }

        byte[] spki;
        try
        {
            spki = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            return null;
        }

        try
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(spki, out var read);
            return read == spki.Length && ecdsa.KeySize == P256KeySize ? spki : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
