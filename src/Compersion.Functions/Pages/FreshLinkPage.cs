namespace Compersion.Functions.Pages;

/// <summary>The expired link page's button, for settings and journal links alike: mails a fresh link to the address on file.</summary>
internal static class FreshLinkPage
{
    /// <summary>Checks the button's form, asks for the fresh link, and says whether it is on its way.</summary>
    /// <param name="request">The button's post.</param>
    /// <param name="tokens">The form tokens.</param>
    /// <param name="send">Mails the fresh link for the expired token (false when the token names no one).</param>
    /// <param name="what">"settings" or "journal".</param>
    /// <param name="command">The reply command that also mails one.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public static async Task<IActionResult> SendAsync(HttpRequest request, FormTokens tokens, Func<string, CancellationToken, Task<bool>> send, string what, string command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        var (_, token, refusal) = await FormGuard.ReadCheckedAsync(tokens, request, SettingsPage.SettingsFormBytes, cancellationToken);
        return refusal ?? (await send(token, cancellationToken)
            ? Page.Message(StatusCodes.Status200OK, "A fresh link is on its way", [$"We've emailed a new {what} link to the address we have for you. It works for 24 hours."])
            : Page.Message(StatusCodes.Status400BadRequest, "This link doesn't work", [$"It may have been cut short or changed. Reply {command} to any of our emails for a fresh one."]));
    }
}
