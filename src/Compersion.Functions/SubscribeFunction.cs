using Compersion.Core.Subscribers;
using Compersion.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Compersion.Functions;

/// <summary><c>POST /api/subscribe</c>: sign up (double opt-in). The answer never says whether the address was known.</summary>
public sealed class SubscribeFunction(SubscriptionService subscriptions)
{
    internal const string Accepted = "Thank you! We've sent you an email with a link to confirm. Nothing else arrives until you click it.";

    /// <summary>Validates the form or JSON body and queues a confirmation email.</summary>
    [Function(nameof(SubscribeFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "subscribe")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (signUp, error) = await SignUpForm.ReadAsync(request.Body, request.ContentType, request.ContentLength, cancellationToken);
        if (signUp is null)
        {
            return new BadRequestObjectResult(new { error });
        }

        await subscriptions.SignUpAsync(signUp, cancellationToken);
        return new AcceptedResult((string?)null, new { message = Accepted });
    }
}
