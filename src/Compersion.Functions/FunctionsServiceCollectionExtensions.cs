using Compersion.Core;
using Compersion.Core.Inbound;
using Compersion.Email;
using Compersion.Imaging;
using Compersion.Storage;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Compersion.Functions;

/// <summary>Everything the function classes need, for the Functions host and for <c>compersion serve</c> alike.</summary>
public static class FunctionsServiceCollectionExtensions
{
    /// <summary>Adds Core, Storage, Email and Imaging, creates the tables and queues at start-up, and raises Kestrel's request-body limit.</summary>
    /// <remarks>
    /// The Functions worker's ASP.NET Core integration serves requests with Kestrel, whose default body limit (30,000,000
    /// bytes) is below the largest SendGrid Inbound Parse post; <see cref="InboundLimits.MaxRequestBodyBytes"/> is set here,
    /// so the worker and <c>compersion serve</c> (which calls this too) accept exactly the same posts.
    /// </remarks>
    /// <exception cref="InvalidOperationException">A setting is an unresolved Key Vault reference, or no mail sender is configured.</exception>
    public static IServiceCollection AddCompersionFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        KeyVaultReferences.ThrowIfUnresolved(configuration);
        services.AddCompersionCore();
        services.AddCompersionStorage(configuration);
        services.AddCompersionEmail(configuration);
        services.AddCompersionImaging();
        services.AddSingleton<DeliveryEventReceiver>();
        services.AddSingleton<Pages.LinkGate>();
        services.AddSingleton<Pages.JournalPages>();
        services.AddSingleton<Pages.SettingsPages>();
        services.AddSingleton<Pages.ButtonLink>();
        services.AddHostedService<StorageStartup>();
        services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = InboundLimits.MaxRequestBodyBytes);
        return services;
    }
}
