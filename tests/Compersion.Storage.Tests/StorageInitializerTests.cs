using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace Compersion.Storage.Tests;

public sealed class StorageInitializerTests(AzuriteFixture fixture) : StorageTestBase(fixture)
{
    [Fact]
    public async Task EnsureCreatedAsync_CalledAgain_SucceedsAndEveryTableAndQueueExists()
    {
        var initializer = Harness.Get<StorageInitializer>();

        await initializer.EnsureCreatedAsync(CancellationToken.None);

        var tables = new List<string>();
        await foreach (var table in Harness.Get<TableServiceClient>().QueryAsync(t => t.Name.CompareTo(Harness.TablePrefix) >= 0))
        {
            tables.Add(table.Name);
        }

        string[] expected = ["inbound", "outbox", "schedule", .. Enumerable.Range(0, 60).Select(minute => $"schedule{minute:00}"), "subscriberemails", "subscriberposts", .. Enumerable.Range(0, 32).Select(shard => $"subscribers{shard:00}")];
        Assert.Equal(expected.Select(name => Harness.TablePrefix + name), tables.Where(name => name.StartsWith(Harness.TablePrefix, StringComparison.Ordinal)).Order());
        var queues = Harness.Get<QueueServiceClient>();
        Assert.True((await queues.GetQueueClient(QueueNames.Outbound).ExistsAsync()).Value);
        Assert.True((await queues.GetQueueClient(QueueNames.OutboundPoison).ExistsAsync()).Value);
    }
}
