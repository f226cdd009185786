using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Compersion.Functions.Tests;

public sealed class KeyVaultReferencesTests
{
    private const string Reference = "@Microsoft.KeyVault(SecretUri=https://kv-test.vault.azure.net/secrets/tokens-current-secret/)";

    [Fact]
    public void AddCompersionFunctions_UnresolvedKeyVaultReference_RefusesToStartNamingTheSettingNotItsValue()
    {
        var configuration = Configuration(new() { ["Tokens:CurrentSecret"] = Reference, ["SendGrid:ApiKey"] = "@microsoft.keyvault(VaultName=kv-test;SecretName=sendgrid-api-key)" });

        var exception = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddCompersionFunctions(configuration));

        Assert.Contains("SendGrid__ApiKey, Tokens__CurrentSecret", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("vault.azure.net", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCompersionFunctions_ResolvedSecrets_Registers()
    {
        var configuration = Configuration(new() { ["Tokens:CurrentSecret"] = "resolved-secret-value-of-at-least-32-chars", ["SendGrid:ApiKey"] = "SG.resolved" });

        var services = new ServiceCollection().AddCompersionFunctions(configuration);

        Assert.NotEmpty(services);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" })
            .AddInMemoryCollection(settings)
            .Build();
}
