using Azure.Identity;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Compersion.Functions;

/// <summary>Application Insights for the isolated worker, next to the host's own telemetry.</summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Sends the worker's logs, exceptions and dependencies to the component named by
    /// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>, authenticated with the identity in
    /// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> when that asks for Entra ID.
    /// </summary>
    /// <remarks>
    /// Without a connection string nothing is sent (local runs). The SDK's default filter keeps worker logs
    /// below Warning out of Application Insights; the host still records one request per execution. The app
    /// logs ids and counts only, never an address or journal text, so nothing personal reaches telemetry.
    /// </remarks>
    public static IServiceCollection AddCompersionTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddApplicationInsightsTelemetryWorkerService();
        services.ConfigureFunctionsApplicationInsights();
        if (TelemetryAuthentication.TryParse(configuration[TelemetryAuthentication.SettingName], out var clientId))
        {
            var identity = clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId);
            services.Configure<TelemetryConfiguration>(telemetry => telemetry.SetAzureTokenCredential(new ManagedIdentityCredential(identity)));
        }

        return services;
    }
}
