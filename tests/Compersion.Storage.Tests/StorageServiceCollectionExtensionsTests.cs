using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Scheduling;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Compersion.Storage.Tests;

public sealed class StorageServiceCollectionExtensionsTests
{
    [Fact]
    public void AddCompersionStorage_DevelopmentStorage_ResolvesEveryPortAsOneSingleton()
    {
        using var services = CreateServices(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        Assert.Same(services.GetRequiredService<ISubscriberStore>(), services.GetRequiredService<ISubscriberStore>());
        Assert.NotNull(services.GetRequiredService<IScheduleStore>());
        Assert.NotNull(services.GetRequiredService<IJobQueue>());
        Assert.NotNull(services.GetRequiredService<IOutbox>());
        Assert.NotNull(services.GetRequiredService<IEntryStore>());
        Assert.NotNull(services.GetRequiredService<IActStore>());
        Assert.NotNull(services.GetRequiredService<ISubscriberJournal>());
        Assert.NotNull(services.GetRequiredService<StorageInitializer>());
        Assert.Equal(10002, services.GetRequiredService<TableServiceClient>().Uri.Port);
        Assert.Equal(10001, services.GetRequiredService<QueueServiceClient>().Uri.Port);
    }

    [Fact]
    public void AddCompersionStorage_IdentityBasedAccount_PointsAtTheAccountsEndpoints()
    {
        using var services = CreateServices(new() { ["AzureWebJobsStorage:accountName"] = "compersionprod", ["AzureWebJobsStorage:credential"] = "managedidentity" });

        Assert.Equal(new Uri("https://compersionprod.table.core.windows.net/"), services.GetRequiredService<TableServiceClient>().Uri);
        Assert.Equal(new Uri("https://compersionprod.queue.core.windows.net/"), services.GetRequiredService<QueueServiceClient>().Uri);
        Assert.Equal(new Uri("https://compersionprod.blob.core.windows.net/"), services.GetRequiredService<BlobServiceClient>().Uri);
    }

    [Fact]
    public void AddCompersionStorage_ServiceUris_EachClientUsesItsOwnOverTheAccountName()
    {
        using var services = CreateServices(new()
        {
            ["AzureWebJobsStorage:accountName"] = "ignored",
            ["AzureWebJobsStorage:tableServiceUri"] = "https://tables.example.net",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://queues.example.net",
            ["AzureWebJobsStorage:blobServiceUri"] = "https://blobs.example.net",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "11111111-2222-3333-4444-555555555555",
        });

        Assert.Equal(new Uri("https://tables.example.net/"), services.GetRequiredService<TableServiceClient>().Uri);
        Assert.Equal(new Uri("https://queues.example.net/"), services.GetRequiredService<QueueServiceClient>().Uri);
        Assert.Equal(new Uri("https://blobs.example.net/"), services.GetRequiredService<BlobServiceClient>().Uri);
    }

    [Fact]
    public void AddCompersionStorage_ConnectionStringAndIdentitySettings_ConnectionStringWins()
    {
        using var services = CreateServices(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true", ["AzureWebJobsStorage:accountName"] = "compersionprod" });

        Assert.Equal(10000, services.GetRequiredService<BlobServiceClient>().Uri.Port);
    }

    [Fact]
    public void AddCompersionStorage_NoConnection_FailsNamingTheSetting()
    {
        using var services = CreateServices([]);

        var exception = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<TableServiceClient>());

        Assert.Contains("AzureWebJobsStorage", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCompersionStorage_TablePrefixThatCannotStartATableName_FailsValidation()
    {
        using var services = CreateServices(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true", ["Storage:TablePrefix"] = "1-bad" });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);
    }

    private static ServiceProvider CreateServices(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddCompersionStorage(configuration).BuildServiceProvider();
    }
}
