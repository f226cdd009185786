using Compersion.Core.Subscriptions;

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
        return HttpMethods.IsGet(request.Method)
            ? MailLinkPages.UnsubscribeButton(token)
            : MailLinkPages.Unsubscribed(await subscriptions.UnsubscribeAsync(token, cancellationToken));
    }
}
