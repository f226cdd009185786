using Compersion.Core.Links;
using Compersion.Core.Subscriptions;
using Compersion.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Compersion.Functions;

/// <summary><c>/api/unsubscribe?token=…</c>: one-click unsubscribe (RFC 8058). No function key: the token is the authority.</summary>
/// <remarks>
/// GET only shows a button (mail scanners prefetch links and must not unsubscribe anyone);
/// POST — the mail client's one-click request, or the button — unsubscribes, idempotently.
/// </remarks>
public sealed class UnsubscribeFunction(SubscriptionService subscriptions)
{
    /// <summary>Shows the button (GET) or unsubscribes (POST).</summary>
    [Function(nameof(UnsubscribeFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Routes.Unsubscribe)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = request.Query["token"].ToString();
        if (HttpMethods.IsGet(request.Method))
        {
            return Page.Render(200, "Unsubscribe?", "One click and no more emails will come. Your journal stays yours.", $"unsubscribe?token={Uri.EscapeDataString(token)}", "Unsubscribe");
        }

        return await subscriptions.UnsubscribeAsync(token, cancellationToken) switch
        {
            LinkOutcome.Done or LinkOutcome.AlreadyDone => Page.Render(200, "You're unsubscribed", "No more emails will come. Thank you for the gratitude you wrote — be kind to yourself."),
            _ => Page.Render(400, "This link doesn't work", "It may have been cut short or changed. Copy the whole link from the email, or reply STOP to any of our emails."),
        };
    }
}
