using Compersion.Core.Subscribers;

namespace Compersion.Core.Tests.Fakes;

/// <summary>An <see cref="ISubscriberStore"/> in memory: enough for use cases that read and save profiles.</summary>
internal sealed class InMemorySubscriberStore : ISubscriberStore
{
    private readonly Dictionary<string, Subscriber> byId = [];

    public Task<Subscriber?> FindByIdAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(byId.GetValueOrDefault(id));

    // As the table store: the registered address or a confirmed further one.
    public Task<Subscriber?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) =>
        Task.FromResult(byId.Values.FirstOrDefault(s => s.Owns(email)));

    public Task<Subscriber> AddOrGetAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);

        // As the table store: one profile per address, whoever asks first.
        if (byId.Values.FirstOrDefault(s => s.Owns(subscriber.Email)) is { } sameAddress)
        {
            return Task.FromResult(sameAddress);
        }

        return Task.FromResult(byId.TryAdd(subscriber.Id, subscriber) ? subscriber : byId[subscriber.Id]);
    }

    public Task SaveAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        byId[subscriber.Id] = subscriber;
        return Task.CompletedTask;
    }

    public Task<Subscriber?> UpdateAsync(string id, Func<Subscriber, Subscriber> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!byId.TryGetValue(id, out var current))
        {
            return Task.FromResult<Subscriber?>(null);
        }

        var updated = change(current);
        byId[id] = updated;
        return Task.FromResult<Subscriber?>(updated);
    }

    public Task<AddressChange> ChangeAddressAsync(string id, Func<Subscriber, Subscriber> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!byId.TryGetValue(id, out var before))
        {
            return Task.FromResult(new AddressChange(AddressChangeStatus.Gone, null, null));
        }

        var after = change(before);
        if (after == before)
        {
            return Task.FromResult(new AddressChange(AddressChangeStatus.Unchanged, before, before));
        }

        if (byId.Values.Any(other => other.Id != id && after.AllAddresses.Any(other.Owns)))
        {
            return Task.FromResult(new AddressChange(AddressChangeStatus.Taken, before, before));
        }

        byId[id] = after;
        return Task.FromResult(new AddressChange(AddressChangeStatus.Changed, before, after));
    }

    public bool Remove(string id) => byId.Remove(id);

    public IAsyncEnumerable<Subscriber> ListAsync(CancellationToken cancellationToken = default) => byId.Values.ToList().ToAsyncEnumerable();
}
