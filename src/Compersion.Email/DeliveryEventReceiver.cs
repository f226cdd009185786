using Compersion.Core.Subscriptions;
using Microsoft.Extensions.Logging;

namespace Compersion.Email;

/// <summary>Handles one SendGrid Event Webhook post: verify the signature over the raw bytes, then pause whoever bounced or complained.</summary>
/// <remarks>Redelivered posts are harmless: pausing an already-paused subscriber changes nothing.</remarks>
public sealed partial class DeliveryEventReceiver(
    SendGridEventWebhook webhook,
    SubscriptionService subscriptions,
    TimeProvider time,
    ILogger<DeliveryEventReceiver> logger)
{
    /// <summary>Processes a post; the result says whether it was accepted and why not.</summary>
    public async Task<EventWebhookResult> ReceiveAsync(byte[] rawBody, string? signature, string? timestamp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rawBody);
        var verification = webhook.Verify(rawBody, signature, timestamp, time.GetUtcNow());
        if (!verification.IsVerified)
        {
            LogRejected(logger, verification.Reason ?? "unknown");
            return verification;
        }

        if (!SendGridEventWebhook.TryParse(rawBody, out var events))
        {
            LogMalformed(logger);
            return verification;
        }

        var stopping = events.Where(e => e.StopsDelivery && e.SubscriberId is not null).Select(e => e.SubscriberId!).ToList();
        var paused = await subscriptions.PauseForDeliveryProblemsAsync(stopping, cancellationToken);
        LogReceived(logger, events.Count, paused);
        return verification;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event webhook post rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event webhook post was signed but not a JSON array of events; ignored")]
    private static partial void LogMalformed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event webhook: {Events} events, {Paused} subscribers paused")]
    private static partial void LogReceived(ILogger logger, int events, int paused);
}
