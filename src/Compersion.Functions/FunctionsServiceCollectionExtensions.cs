using Compersion.Core;
using Compersion.Email;
using Compersion.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Compersion.Functions;

/// <summary>Everything the function classes need, for the Functions host and for <c>compersion serve</c> alike.</summary>
public static class FunctionsServiceCollectionExtensions
{
    /// <summary>Adds Core, Storage and Email, and creates the tables and queues at start-up.</summary>
    /// <exception cref="InvalidOperationException">A setting is an unresolved Key Vault reference, or no mail sender is configured.</exception>
    public static IServiceCollection AddCompersionFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        KeyVaultReferences.ThrowIfUnresolved(configuration);
        services.AddCompersionCore();
        services.AddCompersionStorage(configuration);
        services.AddCompersionEmail(configuration);
        services.AddSingleton<DeliveryEventReceiver>();
        services.AddHostedService<StorageStartup>();
        return services;
    }
}
