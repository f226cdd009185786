namespace Compersion.Email;

/// <summary>One event from SendGrid's Event Webhook, reduced to opaque ids (the recipient's address is never kept).</summary>
/// <param name="EventType">SendGrid's event name as sent (<c>delivered</c>, <c>bounce</c>, <c>dropped</c>, <c>spamreport</c> …).</param>
/// <param name="SubscriberId">The <c>sid</c> custom arg, when present and shaped like a subscriber id.</param>
/// <param name="EventId">SendGrid's <c>sg_event_id</c>, unique per event: the key for handling a redelivered post once.</param>
/// <param name="Timestamp">When the event happened (SendGrid's <c>timestamp</c>), when present.</param>
/// <param name="MessageId">SendGrid's <c>sg_message_id</c>; it starts with the <c>X-Message-Id</c> returned by the send.</param>
/// <param name="JobId">The <c>job</c> custom arg, when present.</param>
public sealed record DeliveryEvent(
    string EventType,
    string? SubscriberId,
    string? EventId,
    DateTimeOffset? Timestamp,
    string? MessageId = null,
    string? JobId = null)
{
    /// <summary>Whether the event means mail to this subscriber must stop: a bounce, a drop, a spam report or an unsubscribe.</summary>
    public bool StopsDelivery => EventType is "bounce" or "dropped" or "spamreport" or "unsubscribe" or "group_unsubscribe";
}
