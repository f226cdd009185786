using System.Globalization;
using System.Text.RegularExpressions;

namespace Compersion.Core.Photos;

/// <summary>Which of a reply's attachments are photos worth keeping: the rules, with no I/O.</summary>
/// <remarks>
/// Not photos: a signature's logo or a tracking pixel — an inline image the HTML references (<c>cid:</c>) inside the
/// signature or after the sign-off, or any image of at most <see cref="TinySide"/> pixels a side or under
/// <see cref="TinyBytes"/> bytes. These are dropped without a word; a photo that is refused (too large, not an image, an
/// image bomb, more than <see cref="MaxPerDay"/> a day) gets a line in the receipt.
/// </remarks>
public static partial class PhotoRules
{
    /// <summary>The largest photo kept: 10 MB.</summary>
    public const long MaxBytes = 10L * 1024 * 1024;

    /// <summary>Photos kept per subscriber and day, whichever replies brought them.</summary>
    public const int MaxPerDay = 4;

    /// <summary>An image at most this many pixels wide and high is a logo, icon or tracking pixel.</summary>
    public const int TinySide = 64;

    /// <summary>An image file smaller than this is a logo, icon or tracking pixel.</summary>
    public const int TinyBytes = 2 * 1024;

    /// <summary>Attachments looked at per mail; a mail with more is not a day's photos.</summary>
    public const int MaxAttachments = 12;

    private static readonly string[] PhotoExtensions = [".jpg", ".jpeg", ".jpe", ".png", ".webp", ".heic", ".heif", ".hif"];

    /// <summary>Whether an attachment presents itself as a photo (an <c>image/</c> type, or a photo's file extension).</summary>
    /// <remarks>A PDF or a calendar invite is not a photo and is passed over silently; whether a "photo" really is one, its bytes decide.</remarks>
    public static bool LooksLikePhoto(MailAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        if (attachment.MediaType is { } type && type.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var name = attachment.FileName ?? string.Empty;
        return PhotoExtensions.Any(extension => name.EndsWith(extension, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether an image is a signature's logo: referenced by <c>cid:</c> in the HTML only inside a signature block or after the sign-off separator.</summary>
    /// <param name="html">The mail's HTML body.</param>
    /// <param name="contentId">The image's Content-ID.</param>
    /// <remarks>An inline image placed in the message itself (a photo pasted into the reply) is a photo.</remarks>
    public static bool IsSignatureImage(string? html, string? contentId)
    {
        if (string.IsNullOrEmpty(html) || string.IsNullOrEmpty(contentId))
        {
            return false;
        }

        var reference = html.IndexOf("cid:" + contentId, StringComparison.OrdinalIgnoreCase);
        if (reference < 0)
        {
            return false;
        }

        try
        {
            var signature = SignatureStart().Match(html);
            return signature.Success && signature.Index < reference;
        }
        catch (RegexMatchTimeoutException)
        {
            // HTML this contrived is not a mail client's signature; the image is judged as a photo.
            return false;
        }
    }

    /// <summary>Whether a decoded image is a logo, icon or tracking pixel by its size alone.</summary>
    public static bool IsTiny(long bytes, int width, int height) =>
        bytes < TinyBytes || (width > 0 && height > 0 && width <= TinySide && height <= TinySide);

    /// <summary>The name to show for an attachment in a receipt or on the day page: its last path segment, without control characters, at most 60 characters.</summary>
    public static string DisplayName(string? fileName, int position)
    {
        var name = (fileName ?? string.Empty).Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        if (name.Length > 60)
        {
            name = name[..57] + "…";
        }

        return name.Length > 0 ? name : string.Create(CultureInfo.InvariantCulture, $"photo {position}");
    }

    // Where a signature begins in HTML mail, as the common clients mark it: Gmail, Thunderbird, Outlook (desktop and web),
    // Apple Mail's and others' "-- " separator line.
    [GeneratedRegex("""class\s*=\s*["'][^"']*\b(?:gmail_signature|moz-signature|signature)\b|id\s*=\s*["'](?:Signature|divtagdefaultwrapper-signature|ms-outlook-mobile-signature)["']|(?:^|<br\s*/?>|<div>|<p>|</div>|</p>)\s*--(?:\s|&nbsp;)*(?:<br\s*/?>|</div>|</p>)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SignatureStart();
}
