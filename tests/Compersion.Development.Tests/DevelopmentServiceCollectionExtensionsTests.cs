using Compersion.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Compersion.Development.Tests;

public sealed class DevelopmentServiceCollectionExtensionsTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AddStorageRoundTripCounting_CalledTwice_CountsEachRequestOnce()
    {
        await using var services = CreateServices(count: 2);
        var roundTrips = services.GetRequiredService<StorageRoundTrips>();
        roundTrips.Reset();

        await services.GetRequiredService<Azure.Data.Tables.TableServiceClient>().GetTableClient("probe").CreateIfNotExistsAsync();

        Assert.Equal(1, roundTrips.Count);
    }

    [Fact]
    public async Task AddCompersionStorage_WithoutCounting_RegistersNoCounterAndNoPolicy()
    {
        await using var services = CreateServices(count: 0);

        Assert.Null(services.GetService<StorageRoundTrips>());
        Assert.Empty(services.GetServices<StorageRequestPolicy>());
    }

    private ServiceProvider CreateServices(int count)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = fixture.ConnectionString })
            .Build();
        var services = new ServiceCollection().AddLogging().AddCompersionStorage(configuration);
        for (var i = 0; i < count; i++)
        {
            services.AddStorageRoundTripCounting();
        }

        return services.BuildServiceProvider();
    }
}
