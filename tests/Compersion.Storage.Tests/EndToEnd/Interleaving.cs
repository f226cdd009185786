using Microsoft.Extensions.DependencyInjection;

namespace Compersion.Storage.Tests.EndToEnd;

/// <summary>Wraps a port registered by the app so a test can run another use case at an exact point of a call.</summary>
internal static class Interleaving
{
    /// <summary>Replaces the singleton registration of <typeparamref name="TPort"/> with <paramref name="wrap"/> around the app's own implementation.</summary>
    public static IServiceCollection Wrap<TPort>(this IServiceCollection services, Func<TPort, TPort> wrap)
        where TPort : class
    {
        var original = services.Single(descriptor => descriptor.ServiceType == typeof(TPort));
        var implementation = original.ImplementationType ?? throw new InvalidOperationException($"{typeof(TPort).Name} is not registered by type.");
        services.Remove(original);
        services.AddSingleton(provider => wrap((TPort)ActivatorUtilities.CreateInstance(provider, implementation)));
        return services;
    }
}
