using Microsoft.ApplicationInsights;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Compersion.Functions.Tests;

public sealed class TelemetryServiceCollectionExtensionsTests
{
    private const string ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:9/";

    [Fact]
    public async Task AddCompersionTelemetry_ConnectionStringAndManagedIdentity_TelemetryClientResolvesForThatComponent()
    {
        // The worker's telemetry module is only asynchronously disposable, as the host disposes it.
        await using var services = CreateServices(new()
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = ConnectionString,
            ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "ClientId=11111111-2222-3333-4444-555555555555;Authorization=AAD",
        });

        var client = services.GetRequiredService<TelemetryClient>();

        Assert.NotNull(client);
        Assert.Equal(ConnectionString, services.GetRequiredService<TelemetryConfiguration>().ConnectionString);
    }

    [Fact]
    public async Task AddCompersionTelemetry_NoSettings_StillResolves()
    {
        await using var services = CreateServices([]);

        var client = services.GetRequiredService<TelemetryClient>();

        Assert.NotNull(client);
    }

    private static ServiceProvider CreateServices(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddCompersionTelemetry(configuration)
            .BuildServiceProvider();
    }
}
