using Compersion.Core;
using Compersion.Development;
using Compersion.Email;
using Compersion.Imaging;
using Compersion.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Compersion.Benchmarks;

/// <summary>The app's services as the Functions host registers them (Core, Storage, Email), over a benchmark's Azurite and clock.</summary>
internal static class BenchmarkServices
{
    // Signs reply tokens and links in composed mail; nothing signed here is ever checked outside the process.
    private const string TokenSecret = "compersion-benchmarks-signing-secret-not-used-in-production";

    /// <summary>Builds the provider; mail goes to <paramref name="sendGridHost"/> through the real SendGrid sender when given.</summary>
    /// <param name="storageConnectionString">The Azurite connection string (<c>AzureWebJobsStorage</c>).</param>
    /// <param name="clock">Registered as the app's <see cref="TimeProvider"/>.</param>
    /// <param name="sendGridHost">A loopback SendGrid's base URL; null registers the pickup sender, which a dispatch-only scenario never uses.</param>
    public static ServiceProvider Create(string storageConnectionString, TimeProvider clock, Uri? sendGridHost)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storageConnectionString,
            ["Tokens:CurrentSecret"] = TokenSecret,
            ["Dispatch:InitialLookbackMinutes"] = "1",
            ["Mail:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "compersion-benchmarks-outbox"),
        };
        if (sendGridHost is not null)
        {
            settings["SendGrid:ApiKey"] = "SG.benchmark-key";
            settings["SendGrid:Host"] = sendGridHost.GetLeftPart(UriPartial.Authority);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(clock);
        services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddSimpleConsole(console => console.SingleLine = true));
        services.AddCompersionCore();
        services.AddCompersionStorage(configuration);
        services.AddStorageRoundTripCounting();
        services.AddCompersionEmail(configuration);
        services.AddCompersionImaging();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
