namespace Compersion.Core.Subscribers;

/// <summary>Where subscribers are kept (a port; Storage implements it over Tables).</summary>
public interface ISubscriberStore
{
    /// <summary>Finds a subscriber by their opaque id.</summary>
    Task<Subscriber?> FindByIdAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Finds a subscriber by address (looked up through the address hash).</summary>
    Task<Subscriber?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>Adds a new subscriber; returns the one already registered for that address instead if there is one.</summary>
    Task<Subscriber> AddOrGetAsync(Subscriber subscriber, CancellationToken cancellationToken = default);

    /// <summary>Saves an existing subscriber whole, including a changed address (operator use).</summary>
    /// <remarks>Conditional on the version it reads first, never a blind overwrite; for settings and status changes use
    /// <see cref="UpdateAsync"/>, which applies a change to the latest stored state.</remarks>
    Task SaveAsync(Subscriber subscriber, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies a change to the stored subscriber with optimistic concurrency: read, change, write only if nobody
    /// wrote in between, else read again and re-apply. The change sees the latest stored state, so concurrent
    /// changes (a STOP and a reply's bookkeeping) never undo each other.
    /// </summary>
    /// <param name="id">The subscriber.</param>
    /// <param name="change">Returns the changed subscriber (same id and address), or the input unchanged to write nothing. May run more than once.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>The stored subscriber afterwards, or null when there is none.</returns>
    Task<Subscriber?> UpdateAsync(string id, Func<Subscriber, Subscriber> change, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies a change that may move the subscriber to another address, with optimistic concurrency as
    /// <see cref="UpdateAsync"/>: the new address is claimed in the address index first (refused when another
    /// subscriber holds it), the profile is written only if nobody wrote in between, and the old address is released.
    /// </summary>
    /// <param name="id">The subscriber.</param>
    /// <param name="change">Returns the changed subscriber (same id), or the input unchanged to write nothing. May run more than once.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    Task<AddressChange> ChangeAddressAsync(string id, Func<Subscriber, Subscriber> change, CancellationToken cancellationToken = default);

    /// <summary>Every subscriber, for operator verbs; not used on any hot path.</summary>
    IAsyncEnumerable<Subscriber> ListAsync(CancellationToken cancellationToken = default);
}
