using Compersion.Core.Subscribers;

namespace Compersion.Storage.Tests.Subscribers;

public sealed class TableSubscriberStoreUpdateTests(AzuriteFixture fixture) : StorageTestBase(fixture)
{
    [Fact]
    public async Task UpdateAsync_TwentyConcurrentChangesToDifferentFields_NoneLost()
    {
        var store = Harness.Get<ISubscriberStore>();
        var subscriber = await store.AddOrGetAsync(TestData.NewSubscriber());

        await Task.WhenAll(
            Enumerable.Range(1, 10).Select(_ => store.UpdateAsync(subscriber.Id, s => s with { KindnessGoal = s.KindnessGoal + 1 }))
                .Append(store.UpdateAsync(subscriber.Id, s => s with { Status = SubscriberStatus.Unsubscribed })));

        var stored = await store.FindByIdAsync(subscriber.Id);
        Assert.Equal(subscriber.KindnessGoal + 10, stored!.KindnessGoal);
        Assert.Equal(SubscriberStatus.Unsubscribed, stored.Status);
    }

    [Fact]
    public async Task UpdateAsync_UnknownSubscriber_Null()
    {
        var store = Harness.Get<ISubscriberStore>();

        var result = await store.UpdateAsync(SubscriberId.New(), s => s with { KindnessGoal = 3 });

        Assert.Null(result);
    }
}
