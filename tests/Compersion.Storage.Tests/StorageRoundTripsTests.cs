using System.Net;
using System.Net.Sockets;
using Compersion.Core.Subscribers;
using Compersion.Development;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Compersion.Storage.Tests;

public sealed class StorageRoundTripsTests(AzuriteFixture fixture) : StorageTestBase(fixture)
{
    [Fact]
    public async Task Count_AfterStorageCalls_CountsOneRequestEach()
    {
        var roundTrips = Harness.Get<StorageRoundTrips>();
        var store = Harness.Get<ISubscriberStore>();
        roundTrips.Reset();

        await store.FindByIdAsync(SubscriberId.New());
        await store.FindByIdAsync(SubscriberId.New());

        Assert.Equal(2, roundTrips.Count);
    }

    [Fact]
    public async Task Reset_AfterCalls_StartsAgainFromZero()
    {
        var roundTrips = Harness.Get<StorageRoundTrips>();
        await Harness.Get<ISubscriberStore>().FindByIdAsync(SubscriberId.New());

        roundTrips.Reset();

        Assert.Equal(0, roundTrips.Count);
    }

    [Fact]
    public async Task Count_RequestThatIsRetried_CountsEveryAttempt()
    {
        using var services = new ServiceCollection()
            .AddLogging()
            .AddCompersionStorage(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = ConnectionStringToClosedPort() })
                .Build())
            .AddStorageRoundTripCounting()
            .BuildServiceProvider();
        var roundTrips = services.GetRequiredService<StorageRoundTrips>();

        var find = () => services.GetRequiredService<ISubscriberStore>().FindByIdAsync(SubscriberId.New());

        await Assert.ThrowsAnyAsync<Exception>(find);
        Assert.Equal(4, roundTrips.Count);
    }

    private static string ConnectionStringToClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteProcess.AccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
    }
}
