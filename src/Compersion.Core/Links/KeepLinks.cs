using Compersion.Core.Security;
using Compersion.Core.Sending;

namespace Compersion.Core.Links;

/// <summary>Signed links that keep one held mail (<c>/api/keep?token=…&amp;post=…&amp;mac=…</c>): a reply whose sender could not be verified.</summary>
/// <remarks>
/// The token (<see cref="TokenPurpose.Keep"/>) names the subscriber and lapses after <see cref="Lifetime"/>; the MAC binds
/// it to one archived post, so a link keeps that mail and no other, and only for the subscriber it was mailed to.
/// </remarks>
public static class KeepLinks
{
    /// <summary>How long a keep link works (as long as a confirmation link).</summary>
    public static readonly Duration Lifetime = Duration.FromDays(3);

    /// <summary>The link for one held post, lapsing <see cref="Lifetime"/> after <paramref name="now"/>.</summary>
    public static string Url(TokenSigner signer, MailOptions options, string subscriberId, string archiveName, Instant now)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(archiveName);
        var token = signer.ForLink(TokenPurpose.Keep, subscriberId, now + Lifetime);
        return $"{Routes.Url(options, Routes.Keep)}?token={token}&post={Uri.EscapeDataString(archiveName)}&mac={signer.MacFor(Context(token, archiveName))}";
    }

    /// <summary>Checks a keep link's three parts at <paramref name="now"/>; on success names whose post it is.</summary>
    public static LinkCheck Check(TokenSigner signer, string? token, string? archiveName, string? mac, Instant now, out string? subscriberId)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var check = signer.CheckLink(token, TokenPurpose.Keep, now, out subscriberId);
        if (check == LinkCheck.Invalid || string.IsNullOrEmpty(archiveName) || !signer.VerifyMac(Context(token!, archiveName), mac))
        {
            subscriberId = null;
            return LinkCheck.Invalid;
        }

        return check;
    }

    private static string Context(string token, string archiveName) => "keep|" + token + "|" + archiveName;
}
