using Azure.Data.Tables;
using Compersion.Development;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Compersion.Storage.Tests;

/// <summary>The storage services as the app registers them, over the shared Azurite, with tables no other test uses.</summary>
internal sealed class StorageHarness : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private StorageHarness(ServiceProvider services, string tablePrefix)
    {
        this.services = services;
        TablePrefix = tablePrefix;
    }

    public string TablePrefix { get; }

    public static async Task<StorageHarness> CreateAsync(AzuriteFixture fixture)
    {
        var tablePrefix = "t" + Guid.NewGuid().ToString("N")[..12];
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = fixture.ConnectionString,
                ["Storage:TablePrefix"] = tablePrefix,
            })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddCompersionStorage(configuration)
            .AddStorageRoundTripCounting()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(CancellationToken.None);
        return new StorageHarness(services, tablePrefix);
    }

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    /// <summary>A raw client for one of this harness's tables, to look at rows the way the service stores them.</summary>
    public TableClient Table(string name) => Get<TableServiceClient>().GetTableClient(TablePrefix + name);

    /// <summary>The subscribers shard a subscriber's partition lives in.</summary>
    public TableClient SubscribersTable(string subscriberId) => Table(TableNames.SubscriberShard(StorageTables.ShardOf(subscriberId)));

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
