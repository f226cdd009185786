using Compersion.Email;

namespace Compersion.Functions;

/// <summary><c>POST /api/events/sendgrid</c>: SendGrid's Event Webhook. Its ECDSA signature is the authority; unsigned or stale → 401.</summary>
public sealed class SendGridEventsFunction(DeliveryEventReceiver receiver)
{
    /// <summary>Verifies the exact raw body and pauses subscribers whose mail bounced or was reported.</summary>
    [Function(nameof(SendGridEventsFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.SendGridEvents)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await BodyReader.ReadLimitedAsync(request.Body, request.ContentLength, RequestLimits.EventWebhookBytes, cancellationToken);
        if (body is null)
        {
            return new ObjectResult(new { error = "Event batch too large." }) { StatusCode = StatusCodes.Status413PayloadTooLarge };
        }

        var result = await receiver.ReceiveAsync(
            body,
            request.Headers[SendGridEventWebhook.SignatureHeader].ToString(),
            request.Headers[SendGridEventWebhook.TimestampHeader].ToString(),
            cancellationToken);
        return result.IsVerified ? new OkResult() : new UnauthorizedObjectResult(new { error = result.Reason });
    }
}
