using Compersion.Core.Inbound;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Compersion.Functions.Tests;

public sealed class FunctionsServiceCollectionExtensionsTests
{
    [Fact]
    public void AddCompersionFunctions_WorkerKestrel_AcceptsBodiesUpToTheOneInboundLimitAboveKestrelsDefault()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
                ["Tokens:CurrentSecret"] = "resolved-secret-value-of-at-least-32-chars",
                ["SendGrid:ApiKey"] = "SG.resolved",
            })
            .Build();
        using var provider = new ServiceCollection().AddCompersionFunctions(configuration).BuildServiceProvider();

        var limit = provider.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxRequestBodySize;

        Assert.Equal(InboundLimits.MaxRequestBodyBytes, limit);
        Assert.True(limit > new KestrelServerOptions().Limits.MaxRequestBodySize, "SendGrid's largest post (a 30 MB message in a form) is over Kestrel's default of 30,000,000 bytes.");
    }
}
