using Compersion.Core.Subscriptions;

namespace Compersion.Functions;

/// <summary><c>POST /api/subscribe</c>: sign up (double opt-in). The answer never says whether the address was known.</summary>
/// <remarks>
/// Content negotiation: a browser posting the sign-up page's form (form-encoded, <c>Accept: text/html</c>) gets a
/// page — the thank-you explaining the confirmation email, or the form again with what to fix. Everyone else (JSON,
/// or a form from curl) gets the JSON answer as before.
/// </remarks>
public sealed class SubscribeFunction(SubscriptionService subscriptions)
{
    /// <summary>Validates the form or JSON body and queues a confirmation email.</summary>
    [Function(nameof(SubscribeFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Subscribe)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var browser = request.HasFormContentType && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
        var (signUp, error, fields) = await SignUpForm.ReadWithFieldsAsync(request.Body, request.ContentType, request.ContentLength, cancellationToken);
        if (signUp is null)
        {
            return browser ? SignUpPages.Again(error!, fields) : new BadRequestObjectResult(new { error });
        }

        await subscriptions.SignUpAsync(signUp, cancellationToken);
        return browser ? SignUpPages.CheckInbox() : new AcceptedResult((string?)null, new { message = SignUpPages.Accepted });
    }
}
