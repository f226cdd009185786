using Compersion.Cli.Hosting;
using Compersion.Development;
using Compersion.Functions;

namespace Compersion.Cli.Commands;

/// <summary>The app's services on a plain generic host (no web server, no timers), for one-shot operator verbs.</summary>
/// <remarks>
/// The same registrations the Functions app uses, the same local settings and storage as <c>serve</c>, and the
/// queue-triggered functions runnable on demand (<see cref="DrainQueuesAsync"/>) for <c>replay</c>.
/// </remarks>
internal sealed class OperatorHost : IAsyncDisposable
{
    private readonly IHost host;
    private readonly AzuriteProcess? azurite;
    private readonly List<QueueTriggerLoop> listeners;

    private OperatorHost(IHost host, AzuriteProcess? azurite, List<QueueTriggerLoop> listeners)
    {
        this.host = host;
        this.azurite = azurite;
        this.listeners = listeners;
    }

    /// <summary>The application's services.</summary>
    public IServiceProvider Services => host.Services;

    /// <summary>Builds and starts the host (tables and queues created, as at the app's start-up).</summary>
    public static async Task<OperatorHost> StartAsync(CancellationToken cancellationToken)
    {
        var stateDirectory = LocalEnvironment.DefaultStateDirectory();
        var state = LocalState.LoadOrCreate(stateDirectory);
        var configuration = LocalEnvironment.Configuration(state, LocalEnvironment.DefaultBaseUrl, Path.Combine(stateDirectory, "outbox"), new Dictionary<string, string?>());
        var azurite = await LocalEnvironment.ResolveStorageAsync(configuration, cancellationToken);
        try
        {
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration.AddConfiguration(configuration);
            builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddSingleton(TimeProvider.System);
            builder.Services.AddCompersionFunctions(configuration);
            var host = builder.Build();
            await host.StartAsync(cancellationToken);
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Compersion.Operator");
            var functions = FunctionCatalog.Discover(typeof(FunctionsServiceCollectionExtensions).Assembly);
            FunctionCatalog.EnsureBindable(functions, host.Services);
            var listeners = LocalEnvironment.QueueListeners(functions, configuration, host.Services, logger);
            foreach (var listener in listeners)
            {
                await listener.EnsureCreatedAsync(cancellationToken);
            }

            return new OperatorHost(host, azurite, listeners);
        }
        catch
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Runs the queue-triggered functions until every queue is empty; returns how many messages were handled.</summary>
    public Task<int> DrainQueuesAsync(CancellationToken cancellationToken) => LocalEnvironment.DrainAsync(listeners, cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await host.StopAsync(CancellationToken.None);
        host.Dispose();
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}
