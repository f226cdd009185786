namespace Compersion.Functions;

/// <summary><c>GET /api/signup</c>: the sign-up form. It posts to <c>/api/subscribe</c>; a small same-origin script pre-selects the browser's zone.</summary>
/// <remarks>
/// No anti-forgery token here, by design: signing up is anonymous and carries no ambient authority (no session, no
/// cookie grants anything), so a forged post can do nothing the forger could not do by posting themselves, and the
/// double opt-in email means nothing happens to an address until its owner clicks.
/// </remarks>
public sealed class SignUpPageFunction
{
    /// <summary>Shows the empty form.</summary>
    [Function(nameof(SignUpPageFunction))]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Function classes expose one instance method, as the host indexes them.")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.SignUp)] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SignUpPages.Empty();
    }
}
