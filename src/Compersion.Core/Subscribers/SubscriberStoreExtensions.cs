namespace Compersion.Core.Subscribers;

/// <summary>Changes to a stored subscriber that need to know whether this call is the one that made them.</summary>
public static class SubscriberStoreExtensions
{
    /// <summary>
    /// Applies <paramref name="change"/> as <see cref="ISubscriberStore.UpdateAsync"/> does (read, change, write unless
    /// someone wrote in between, else again) and says whether the attempt that was written changed anything.
    /// </summary>
    /// <remarks>
    /// The change may run more than once; only its last run, the one written, counts. So of two calls confirming or
    /// unsubscribing at once, exactly one sees <see cref="SubscriberUpdate.Changed"/> (and sends the welcome, logs the
    /// change, counts it); the other finds it done.
    /// </remarks>
    /// <param name="subscribers">The store.</param>
    /// <param name="id">The subscriber.</param>
    /// <param name="change">Returns the changed subscriber, or the input unchanged to write nothing. May run more than once.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    public static async Task<SubscriberUpdate> ApplyAsync(this ISubscriberStore subscribers, string id, Func<Subscriber, Subscriber> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscribers);
        ArgumentNullException.ThrowIfNull(change);
        Subscriber? before = null;
        var changed = false;
        var after = await subscribers.UpdateAsync(
            id,
            s =>
            {
                before = s;
                var next = change(s);
                changed = next != s;
                return next;
            },
            cancellationToken);
        return after is null ? new SubscriberUpdate(null, null, Changed: false) : new SubscriberUpdate(before, after, changed);
    }
}
