using Compersion.Core.Subscribers;
using Compersion.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Compersion.Functions;

/// <summary><c>GET /api/confirm?token=…</c>: the double opt-in link.</summary>
public sealed class ConfirmFunction(SubscriptionService subscriptions)
{
    /// <summary>Confirms the sign-up the signed token names and schedules the first prompt.</summary>
    [Function(nameof(ConfirmFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "confirm")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await subscriptions.ConfirmAsync(request.Query["token"].ToString(), cancellationToken) switch
        {
            LinkOutcome.Done => Page.Render(200, "You're in", "A short welcome is on its way; your first prompt comes at the time you chose, and you just reply to it with five things you're grateful for, one about a person."),
            LinkOutcome.AlreadyDone => Page.Render(200, "Already confirmed", "You're all set; there's nothing more to do."),
            LinkOutcome.Expired => Page.Render(400, "This link has expired", "Confirmation links last three days. Sign up again and we'll send you a fresh one."),
            _ => Page.Render(400, "This link doesn't work", "It may have been cut short or changed. Copy the whole link from the email, or sign up again."),
        };
    }
}
