using Compersion.Core.Journal;
using Compersion.Core.Subscribers;
using Compersion.Development;
using Compersion.Storage.Journal;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Compersion.Storage.Tests.Journal;

/// <summary>The cache's bound: what a changed journal kept under its old stamps never crowds out its newest read.</summary>
public sealed class JournalCacheTests(AzuriteFixture fixture) : StorageTestBase(fixture)
{
    [Fact]
    public async Task ReadAsync_JournalChangedMoreTimesThanTheCacheHolds_NewestReadStillKept()
    {
        using var cache = new JournalCache(Harness.Get<StorageTables>(), Options.Create(new StorageOptions { JournalCacheSize = 20 }));
        var reader = new CachedJournalReader(Harness.Get<TableJournalReader>(), cache);
        var subscriber = await Harness.Get<ISubscriberStore>().AddOrGetAsync(TestData.NewSubscriber());
        var entries = Harness.Get<IEntryStore>();
        for (var day = 1; day <= 8; day++)
        {
            // Each read holds 1 + 2 × day texts: from the fifth on, two stamps' reads would not fit in 20 together.
            await entries.AppendAsync(subscriber.Id, new LocalDate(2026, 11, day), [new JournalItem("tea"), new JournalItem("rain")]);
            await reader.ReadAsync(subscriber.Id, null);
        }

        var roundTrips = Harness.Get<StorageRoundTrips>();
        roundTrips.Reset();
        var again = await reader.ReadAsync(subscriber.Id, null);

        Assert.Equal(1, roundTrips.Count);
        Assert.Equal(16, again.Entries.SelectMany(entry => entry.Items).Count());
    }

    [Fact]
    public async Task ReadAsync_SizeZero_EveryReadFromStorage()
    {
        using var cache = new JournalCache(Harness.Get<StorageTables>(), Options.Create(new StorageOptions { JournalCacheSize = 0 }));
        var reader = new CachedJournalReader(Harness.Get<TableJournalReader>(), cache);
        var subscriber = await Harness.Get<ISubscriberStore>().AddOrGetAsync(TestData.NewSubscriber());
        await reader.ReadAsync(subscriber.Id, null);
        var roundTrips = Harness.Get<StorageRoundTrips>();
        roundTrips.Reset();

        await reader.ReadAsync(subscriber.Id, null);

        // The profile's point read and the rows' query, as without a cache (a read from memory costs one).
        Assert.Equal(2, roundTrips.Count);
    }
}
