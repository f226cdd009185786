using System.Security.Cryptography;

namespace Compersion.Core.Security;

/// <summary>Stateless anti-forgery tokens for the web forms: an HMAC bound to the page's signed link token and to a cookie.</summary>
/// <remarks>
/// <para>Why not ASP.NET Core Antiforgery: it needs Data Protection keys shared by every Functions instance, which
/// means a key store (blob + Key Vault) to run and rotate. These tokens need nothing but the <see cref="TokenSigner"/>
/// key ring every instance already has (<c>Tokens__CurrentSecret</c>, <c>Tokens__PreviousSecret</c>), so they verify on
/// any instance and survive a secret rotation.</para>
/// <para>How: a page with a form sets a random nonce in a <c>SameSite=Strict</c>, <c>HttpOnly</c> cookie
/// (<see cref="CookieName"/>) and puts <c>HMAC(secret, context | nonce)</c> in a hidden field (<see cref="FieldName"/>);
/// the context is the page's own signed link token (settings or delete), so a token lifted from one page or one person
/// is useless on another. A forged cross-site post carries no cookie (SameSite=Strict) and cannot read or compute the
/// field, so it fails. The signed link token stays the authority; this only proves the post came from our page.</para>
/// </remarks>
public sealed class FormTokens(TokenSigner signer)
{
    /// <summary>The cookie holding the browser's nonce.</summary>
    public const string CookieName = "compersion-form";

    /// <summary>The hidden form field holding the token.</summary>
    public const string FieldName = "form_token";

    private const int NonceBytes = 16;
    private const int NonceLength = 22;

    /// <summary>A fresh random nonce for the cookie (22 base64url characters).</summary>
    public static string NewNonce() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(NonceBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Whether a cookie value has the shape of one of our nonces.</summary>
    public static bool IsNonce(string? value) =>
        value is { Length: NonceLength } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The token for a form on the page of <paramref name="context"/>, for the browser holding <paramref name="nonce"/>.</summary>
    public string TokenFor(string context, string nonce)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(nonce);
        return signer.MacFor(context + "|" + nonce);
    }

    /// <summary>Checks a posted form: the cookie's nonce, the field's token, and the context the page was for.</summary>
    public FormCheck Check(string context, string? cookieNonce, string? presented)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsNonce(cookieNonce))
        {
            return FormCheck.MissingCookie;
        }

        if (string.IsNullOrEmpty(presented))
        {
            return FormCheck.MissingToken;
        }

        return signer.VerifyMac(context + "|" + cookieNonce, presented) ? FormCheck.Valid : FormCheck.Mismatch;
    }
}
