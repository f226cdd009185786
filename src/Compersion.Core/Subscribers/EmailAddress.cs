using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;

namespace Compersion.Core.Subscribers;

/// <summary>Normalising, validating and hashing email addresses.</summary>
/// <remarks>
/// Addresses never become table keys or log fields as they are: <see cref="Hash"/> gives a stable,
/// key-safe stand-in (lowercase hex), so nothing personal lands in a partition key.
/// </remarks>
public static class EmailAddress
{
    /// <summary>Longest address accepted (RFC 5321 path limit).</summary>
    public const int MaxLength = 254;

    /// <summary>Parses a single bare address (no display name), trimmed and with a lowercased domain.</summary>
    public static bool TryNormalize(string? input, out string normalized)
    {
        normalized = string.Empty;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var trimmed = input.Trim();
        if (trimmed.Length > MaxLength || trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) || trimmed.Contains('<', StringComparison.Ordinal))
        {
            return false;
        }

        if (!MailAddress.TryCreate(trimmed, out var address) || address.Address != trimmed || !string.IsNullOrEmpty(address.DisplayName))
        {
            return false;
        }

        var at = trimmed.LastIndexOf('@');
        var domain = trimmed[(at + 1)..];
        if (at < 1 || !domain.Contains('.', StringComparison.Ordinal) || domain.StartsWith('.') || domain.EndsWith('.'))
        {
            return false;
        }

        normalized = string.Concat(trimmed.AsSpan(0, at + 1), domain.ToLowerInvariant());
        return true;
    }

    /// <summary>A stable, key-safe hash of an address (case-insensitive).</summary>
    public static string Hash(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant()));
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>An address with its local part hidden but its first letter (<c>n•••@example.org</c>), for telling an old address where mail went.</summary>
    public static string Mask(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.LastIndexOf('@');
        return at <= 0 ? "•••" : string.Concat(email.AsSpan(0, 1), "•••", email.AsSpan(at));
    }
}
