namespace Compersion.Core.Security;

/// <summary>The outcome of checking a form's anti-forgery token.</summary>
public enum FormCheck
{
    /// <summary>The token matches the cookie and the page it was issued for.</summary>
    Valid = 0,

    /// <summary>The browser sent no (or a malformed) anti-forgery cookie: a cross-site post, or cookies are off.</summary>
    MissingCookie = 1,

    /// <summary>The form carried no token.</summary>
    MissingToken = 2,

    /// <summary>The token was made for another cookie or another page, or altered.</summary>
    Mismatch = 3,
}
