namespace Compersion.Functions.Http;

/// <summary>The browser side of <see cref="FormTokens"/>: the SameSite=Strict cookie, and the check of a posted form.</summary>
internal static class FormGuard
{
    /// <summary>The browser's nonce: the one its cookie holds, or a new one set in a cookie on this response.</summary>
    public static string Nonce(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var existing = request.Cookies[FormTokens.CookieName];
        if (FormTokens.IsNonce(existing))
        {
            return existing!;
        }

        var nonce = FormTokens.NewNonce();
        request.HttpContext.Response.Cookies.Append(FormTokens.CookieName, nonce, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = request.IsHttps,
            Path = "/",
            IsEssential = true,
        });
        return nonce;
    }

    /// <summary>Checks the form's token against the cookie and the page's link token.</summary>
    public static FormCheck Check(FormTokens tokens, HttpRequest request, IFormCollection form, string context)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(form);
        return tokens.Check(context, request.Cookies[FormTokens.CookieName], form[FormTokens.FieldName].ToString());
    }

    /// <summary>Reads a form posted from a signed-link page and checks its token: the form and its link token, or the page that refuses it.</summary>
    /// <param name="tokens">The form tokens.</param>
    /// <param name="request">The request.</param>
    /// <param name="limit">The largest form accepted, in bytes.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <param name="unchanged">Said after a form that could not be read (e.g. " Nothing was deleted.").</param>
    public static async Task<(IFormCollection? Form, string Token, IActionResult? Refusal)> ReadCheckedAsync(FormTokens tokens, HttpRequest request, long limit, CancellationToken cancellationToken, string unchanged = "")
    {
        var (form, problem, status) = await FormReader.ReadAsync(request, limit, cancellationToken);
        if (form is null)
        {
            return (null, string.Empty, Page.Render(status, "That didn't go through", problem! + unchanged));
        }

        var token = form["token"].ToString();
        var check = Check(tokens, request, form, token);
        return check == FormCheck.Valid ? (form, token, null) : (null, token, Refused(check));
    }

    /// <summary>The 403 page for a form that failed the check: what went wrong, and that nothing changed.</summary>
    public static HtmlResult Refused(FormCheck check) => Page.Render(
        StatusCodes.Status403Forbidden,
        "That form can't be accepted",
        check switch
        {
            FormCheck.MissingCookie => "It arrived without the security cookie our pages set (it may have come from another site, or cookies are off for us). Nothing was changed. Open the link from your email again and try once more.",
            FormCheck.MissingToken => "It arrived without its security token, so it didn't come from our page. Nothing was changed. Open the link from your email again and try once more.",
            _ => "Its security token doesn't match this page or this browser. Nothing was changed. Open the link from your email again and try once more.",
        });
}
