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

    /// <summary>Saves changed settings or status of an existing subscriber.</summary>
    Task SaveAsync(Subscriber subscriber, CancellationToken cancellationToken = default);

    /// <summary>Every subscriber, for operator verbs; not used on any hot path.</summary>
    IAsyncEnumerable<Subscriber> ListAsync(CancellationToken cancellationToken = default);
}
