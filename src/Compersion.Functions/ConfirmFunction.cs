using Compersion.Core.Subscriptions;

namespace Compersion.Functions;

/// <summary><c>/api/confirm?token=…</c>: the double opt-in link. GET shows a button (a mail scanner fetching the link confirms nothing); POST confirms.</summary>
/// <remarks>A GET of a link whose sign-up is already confirmed finishes it as a re-click always did (schedule, welcome, each once), so nothing a crash left half-done waits for a form.</remarks>
public sealed class ConfirmFunction(SubscriptionService subscriptions, ButtonLink link)
{
    /// <summary>Shows the confirm button, or confirms the sign-up the signed token names and schedules the first prompt.</summary>
    [Function(nameof(ConfirmFunction))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Routes.Confirm)] HttpRequest request,
        CancellationToken cancellationToken) =>
        link.AnswerAsync(
            request,
            async (button, ct) => SignUpPages.Confirmation(await subscriptions.OpenConfirmationAsync(button.Token, ct), button),
            async (token, ct) => SignUpPages.Confirmed(await subscriptions.ConfirmAsync(token, ct)),
            cancellationToken);
}
