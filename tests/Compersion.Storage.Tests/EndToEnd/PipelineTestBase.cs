using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Compersion.Storage.Tests.EndToEnd;

/// <summary>Gives each test a fresh <see cref="PipelineHarness"/> whose clock starts at <see cref="Start"/>.</summary>
[Collection(AzuriteCollection.Name)]
public abstract class PipelineTestBase(AzuriteFixture fixture) : IAsyncLifetime
{
    private PipelineHarness? harness;

    /// <summary>Where the fake clock starts: a winter morning, far from any DST change in the zones the tests use.</summary>
    protected virtual Instant Start => Instant.FromUtc(2026, 1, 15, 6, 0);

    internal PipelineHarness Pipeline => harness ?? throw new InvalidOperationException("The harness has not been created.");

    public async Task InitializeAsync() => harness = await PipelineHarness.CreateAsync(fixture, Start, ConfigureServices);

    /// <summary>Changes the app's services before the harness is built (to wrap a port, say); nothing by default.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task DisposeAsync()
    {
        if (harness is not null)
        {
            await harness.DisposeAsync();
        }
    }
}
