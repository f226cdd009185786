namespace Compersion.Storage.Sending;

/// <summary>The states an outbox row can be in, stored by name in its <c>Status</c> column.</summary>
internal enum OutboxRowStatus
{
    /// <summary>A worker owns the send; with a <c>StartedAt</c> it has called (or is calling) the provider, without one it has not.</summary>
    Claimed,

    /// <summary>The provider accepted the mail.</summary>
    Sent,

    /// <summary>The send may or may not have happened (timeout, 5xx); never re-sent automatically.</summary>
    Uncertain,

    /// <summary>Nothing was sent; a later delivery may claim the row again.</summary>
    Released,

    /// <summary>Deliberately not sent (unsubscribed, backed off); never sent.</summary>
    Skipped,
}
