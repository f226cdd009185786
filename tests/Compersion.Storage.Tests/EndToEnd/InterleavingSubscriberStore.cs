using Compersion.Core.Subscribers;

namespace Compersion.Storage.Tests.EndToEnd;

/// <summary>The real subscriber store, with a hook that runs once right after a sign-up found an existing subscriber.</summary>
internal sealed class InterleavingSubscriberStore(ISubscriberStore inner) : ISubscriberStore
{
    private Func<Task>? afterAddOrGet;

    /// <summary>Runs <paramref name="action"/> once, after the next <see cref="AddOrGetAsync"/> returns and before its caller writes.</summary>
    public void AfterNextAddOrGet(Func<Task> action) => afterAddOrGet = action;

    public async Task<Subscriber> AddOrGetAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        var stored = await inner.AddOrGetAsync(subscriber, cancellationToken);
        if (Interlocked.Exchange(ref afterAddOrGet, null) is { } action)
        {
            await action();
        }

        return stored;
    }

    public Task<Subscriber?> FindByIdAsync(string id, CancellationToken cancellationToken = default) => inner.FindByIdAsync(id, cancellationToken);

    public Task<Subscriber?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) => inner.FindByEmailAsync(email, cancellationToken);

    public Task SaveAsync(Subscriber subscriber, CancellationToken cancellationToken = default) => inner.SaveAsync(subscriber, cancellationToken);

    public Task<Subscriber?> UpdateAsync(string id, Func<Subscriber, Subscriber> change, CancellationToken cancellationToken = default) =>
        inner.UpdateAsync(id, change, cancellationToken);

    public Task<AddressChange> ChangeAddressAsync(string id, Func<Subscriber, Subscriber> change, CancellationToken cancellationToken = default) =>
        inner.ChangeAddressAsync(id, change, cancellationToken);

    public IAsyncEnumerable<Subscriber> ListAsync(CancellationToken cancellationToken = default) => inner.ListAsync(cancellationToken);
}
