using Compersion.Core.Privacy;
using Compersion.Core.Subscribers;

namespace Compersion.Core.Tests.Fakes;

/// <summary>An <see cref="IPersonalDataStore"/> over the in-memory subscriber store: erasing the profile removes it.</summary>
internal sealed class InMemoryPersonalDataStore(InMemorySubscriberStore subscribers) : IPersonalDataStore
{
    public Task EraseRecordsAsync(string subscriberId, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<bool> EraseProfileAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return Task.FromResult(subscribers.Remove(subscriber.Id));
    }
}
