using Compersion.Core.Subscribers;
using Compersion.Core.Tests.Fakes;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Subscribers;

/// <summary>Whether this call made a change: what decides who sends the welcome, logs an unsubscribe or counts a pause.</summary>
public sealed class SubscriberStoreExtensionsTests
{
    [Fact]
    public async Task ApplyAsync_ChangeWritten_ReportsChangedWithBothStates()
    {
        var store = new InMemorySubscriberStore();
        await store.AddOrGetAsync(Subscriber());

        var update = await store.ApplyAsync(AlexId, s => s.Unsubscribe());

        Assert.True(update.Changed);
        Assert.Equal(SubscriberStatus.Active, update.Before!.Status);
        Assert.Equal(SubscriberStatus.Unsubscribed, update.After!.Status);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await store.FindByIdAsync(AlexId))!.Status);
    }

    [Fact]
    public async Task ApplyAsync_AlreadyInThatState_ReportsUnchanged()
    {
        var store = new InMemorySubscriberStore();
        await store.AddOrGetAsync(Subscriber() with { Status = SubscriberStatus.Unsubscribed });

        var update = await store.ApplyAsync(AlexId, s => s.Unsubscribe());

        Assert.False(update.Changed);
        Assert.Equal(SubscriberStatus.Unsubscribed, update.After!.Status);
    }

    [Fact]
    public async Task ApplyAsync_NoSuchSubscriber_ReportsNeitherStateAndNoChange()
    {
        var update = await new InMemorySubscriberStore().ApplyAsync(AlexId, s => s.Unsubscribe());

        Assert.Equal(new SubscriberUpdate(null, null, Changed: false), update);
    }

    [Fact]
    public async Task ApplyAsync_AnotherCallWritesTheSameChangeFirst_OnlyThatCallReportsChanged()
    {
        var store = new RacingSubscriberStore();
        await store.AddOrGetAsync(Subscriber());

        var update = await store.ApplyAsync(AlexId, s => s.Unsubscribe());

        Assert.True(store.RivalChanged);
        Assert.False(update.Changed);
        Assert.Equal(SubscriberStatus.Unsubscribed, update.Before!.Status);
    }

    // The first attempt loses its conditional write to a rival making the same change, as two link clicks at once do; the
    // store then reads again and re-applies the change, as the table store does on a precondition failure.
    private sealed class RacingSubscriberStore : ISubscriberStore
    {
        private readonly InMemorySubscriberStore inner = new();

        public bool RivalChanged { get; private set; }

        public Task<Subscriber?> FindByIdAsync(string id, CancellationToken cancellationToken = default) => inner.FindByIdAsync(id, cancellationToken);

        public Task<Subscriber?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) => inner.FindByEmailAsync(email, cancellationToken);

        public Task<Subscriber> AddOrGetAsync(Subscriber subscriber, CancellationToken cancellationToken = default) => inner.AddOrGetAsync(subscriber, cancellationToken);

        public Task SaveAsync(Subscriber subscriber, CancellationToken cancellationToken = default) => inner.SaveAsync(subscriber, cancellationToken);

        public async Task<Subscriber?> UpdateAsync(string id, Func<Subscriber, Subscriber> change, CancellationToken cancellationToken = default)
        {
            var first = await inner.FindByIdAsync(id, cancellationToken);
            _ = change(first!);
            var rival = await inner.ApplyAsync(id, change, cancellationToken);
            RivalChanged = rival.Changed;
            return await inner.UpdateAsync(id, change, cancellationToken);
        }

        public IAsyncEnumerable<Subscriber> ListAsync(CancellationToken cancellationToken = default) => inner.ListAsync(cancellationToken);

        public Task<AddressChange> ChangeAddressAsync(string id, Func<Subscriber, Subscriber> change, CancellationToken cancellationToken = default) =>
            inner.ChangeAddressAsync(id, change, cancellationToken);
    }
}
