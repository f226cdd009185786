using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace Compersion.Storage.Tests;

public sealed class StorageCredentialChoiceTests
{
    [Fact]
    public void From_ManagedIdentityWithClientId_TheUserAssignedIdentity()
    {
        var section = Section(new() { ["AzureWebJobsStorage:credential"] = "managedidentity", ["AzureWebJobsStorage:clientId"] = "11111111-2222-3333-4444-555555555555" });

        var choice = StorageCredentialChoice.From(section);

        Assert.Equal(new StorageCredentialChoice(true, "11111111-2222-3333-4444-555555555555"), choice);
        Assert.IsType<ManagedIdentityCredential>(choice.Create());
    }

    [Fact]
    public void From_ManagedIdentityWithoutClientId_TheSystemAssignedIdentity()
    {
        var section = Section(new() { ["AzureWebJobsStorage:credential"] = "ManagedIdentity" });

        var choice = StorageCredentialChoice.From(section);

        Assert.Equal(new StorageCredentialChoice(true, null), choice);
        Assert.IsType<ManagedIdentityCredential>(choice.Create());
    }

    [Fact]
    public void From_NoCredentialSetting_DefaultAzureCredentialAndClientIdIgnored()
    {
        var section = Section(new() { ["AzureWebJobsStorage:accountName"] = "compersionprod", ["AzureWebJobsStorage:clientId"] = "11111111-2222-3333-4444-555555555555" });

        var choice = StorageCredentialChoice.From(section);

        Assert.Equal(new StorageCredentialChoice(false, null), choice);
        Assert.IsType<DefaultAzureCredential>(choice.Create());
    }

    private static IConfigurationSection Section(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(StorageClientFactory.ConnectionName);
}
