using Compersion.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compersion.Development;

/// <summary>Registers development-only instruments on top of the app's services.</summary>
public static class DevelopmentServiceCollectionExtensions
{
    /// <summary>Counts every storage request (retries included) in a <see cref="StorageRoundTrips"/> singleton.</summary>
    /// <param name="services">The service collection; call before the storage clients are first resolved.</param>
    /// <returns>The same service collection.</returns>
    /// <remarks>Used by the benchmarks, the tests and <c>serve</c>; the Functions app never counts.</remarks>
    public static IServiceCollection AddStorageRoundTripCounting(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(StorageRoundTrips)))
        {
            return services;
        }

        services.TryAddSingleton<StorageRoundTrips>();
        services.AddSingleton(provider => new StorageRequestPolicy(new RoundTripCountingPolicy(provider.GetRequiredService<StorageRoundTrips>())));
        return services;
    }
}
