using Compersion.Core.Inbound;

namespace Compersion.Functions;

/// <summary><c>POST /api/inbound/sendgrid</c>: SendGrid Inbound Parse. Archive, queue, then 200; 5xx only when storing failed.</summary>
public sealed class ReceiveInboundMailFunction(InboundReceiver receiver)
{
    /// <summary>Streams the raw post into the archive and queues a pointer for ingestion.</summary>
    [Function(nameof(ReceiveInboundMailFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.InboundParse)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await receiver.ReceiveAsync(request.Body, request.ContentType, cancellationToken) == InboundReceipt.Stored
            ? new OkResult()
            : new StatusCodeResult(StatusCodes.Status503ServiceUnavailable);
    }
}
