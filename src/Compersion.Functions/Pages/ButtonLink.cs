namespace Compersion.Functions.Pages;

/// <summary>
/// The one shape of a link mailed for a single decision (confirm a sign-up, confirm an address, move the mail back):
/// GET shows a page with one button and changes nothing, since mail scanners fetch links; POST is that button's form,
/// whose anti-forgery token is checked first, and acts.
/// </summary>
public sealed class ButtonLink(FormTokens tokens)
{
    /// <summary>Answers a button link's request.</summary>
    /// <param name="request">The request: GET with <c>?token=</c>, or the button's form.</param>
    /// <param name="show">GET: the page for the link's token (it may change nothing); its <see cref="SignedButton"/> makes the button.</param>
    /// <param name="act">POST, the form checked: acts on the posted link token and answers.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    internal async Task<IActionResult> AnswerAsync(
        HttpRequest request,
        Func<SignedButton, CancellationToken, Task<IActionResult>> show,
        Func<string, CancellationToken, Task<IActionResult>> act,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(show);
        ArgumentNullException.ThrowIfNull(act);
        if (HttpMethods.IsGet(request.Method))
        {
            return await show(new SignedButton(request, tokens, request.Query["token"].ToString()), cancellationToken);
        }

        var (_, posted, refusal) = await FormGuard.ReadCheckedAsync(tokens, request, SettingsPage.SettingsFormBytes, cancellationToken);
        return refusal ?? await act(posted, cancellationToken);
    }
}
