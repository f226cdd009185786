using System.Net;
using System.Net.Sockets;
using Compersion.Core.Inbound;
using Compersion.Core.Links;
using Compersion.Development;
using Compersion.Functions;
using Cronos;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;

namespace Compersion.Cli.Hosting;

/// <summary>
/// The local stand-in for the Azure Functions host: runs the same function classes from
/// Compersion.Functions — HTTP triggers on Kestrel at <c>/api/…</c>, timers on their schedules,
/// queue triggers polled from Azurite — with function keys enforced per authorization level.
/// </summary>
internal sealed partial class LocalFunctionsHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly AzuriteProcess? azurite;
    private readonly IReadOnlyList<FunctionDescriptor> functions;
    private readonly List<QueueTriggerLoop> listeners;
    private readonly Dictionary<string, SemaphoreSlim> timerLocks;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<Task> background = [];

    private LocalFunctionsHost(WebApplication app, AzuriteProcess? azurite, IReadOnlyList<FunctionDescriptor> functions, List<QueueTriggerLoop> listeners, string baseUrl, string outbox, FunctionKeys keys, string storage)
    {
        this.app = app;
        this.azurite = azurite;
        this.functions = functions;
        this.listeners = listeners;
        timerLocks = functions.Where(f => f.Trigger == FunctionTrigger.Timer).ToDictionary(f => f.Name, _ => new SemaphoreSlim(1, 1), StringComparer.OrdinalIgnoreCase);
        BaseUrl = baseUrl;
        OutboxDirectory = outbox;
        Keys = keys;
        StorageConnectionString = storage;
    }

    /// <summary>The host's root URL, e.g. <c>http://127.0.0.1:7071</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>The pickup folder mail is written to when no SendGrid key is configured.</summary>
    public string OutboxDirectory { get; }

    /// <summary>The keys the HTTP routes accept.</summary>
    public FunctionKeys Keys { get; }

    /// <summary>The storage connection string in use (an Azurite started here, or the configured one).</summary>
    public string StorageConnectionString { get; }

    /// <summary>Whether this host started its own Azurite (and will stop it).</summary>
    public bool StartedAzurite => azurite is not null;

    /// <summary>The application's services (the same registrations the Functions app uses).</summary>
    public IServiceProvider Services => app.Services;

    /// <summary>The functions found.</summary>
    public IReadOnlyList<FunctionDescriptor> Functions => functions;

    /// <summary>Configures and starts the host.</summary>
    public static async Task<LocalFunctionsHost> StartAsync(LocalHostOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stateDirectory = Path.GetFullPath(options.StateDirectory ?? DefaultStateDirectory());
        var state = LocalState.LoadOrCreate(stateDirectory);
        var port = options.Port == 0 ? FreePort() : options.Port;
        var baseUrl = $"http://127.0.0.1:{port}";
        var outbox = Path.GetFullPath(options.OutboxDirectory ?? Path.Combine(stateDirectory, "outbox"));

        var configuration = LocalEnvironment.Configuration(state, baseUrl, outbox, options.Settings);
        var azurite = await LocalEnvironment.ResolveStorageAsync(configuration, cancellationToken);
        var storage = configuration["AzureWebJobsStorage"]!;

        var keys = new FunctionKeys(configuration["LocalHost:FunctionKey"]!, configuration["LocalHost:MasterKey"]!);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddConfiguration(configuration);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.Limits.MaxRequestBodySize = InboundLimits.MaxRequestBodyBytes;
        });
        builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Logging.SetMinimumLevel(options.QuietLogs ? LogLevel.Warning : LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Azure", LogLevel.Warning);
        builder.Services.AddSingleton(options.Time);
        builder.Services.AddRoutingCore();
        builder.Services.AddMvcCore();
        builder.Services.AddCompersionFunctions(configuration);
        // Every storage request counted (StorageRoundTrips), so a test or a benchmark can say what a page costs storage.
        builder.Services.AddStorageRoundTripCounting();
        var app = builder.Build();
        app.UseRouting();

        var functions = FunctionCatalog.Discover(typeof(FunctionsServiceCollectionExtensions).Assembly);
        FunctionCatalog.EnsureBindable(functions, app.Services);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Compersion.LocalHost");
        var listeners = LocalEnvironment.QueueListeners(functions, configuration, app.Services, logger);
        // Mail goes where the configuration finally says (Mail__PickupDirectory may override the state folder), so /outbox reads there.
        var pickup = configuration["Mail:PickupDirectory"] is { Length: > 0 } configured ? Path.GetFullPath(configured) : outbox;
        var host = new LocalFunctionsHost(app, azurite, functions, listeners, baseUrl, pickup, keys, storage);
        host.MapRoutes(app, logger);

        try
        {
            await app.StartAsync(cancellationToken);
            foreach (var listener in listeners)
            {
                await listener.EnsureCreatedAsync(cancellationToken);
            }
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        if (options.PollQueues)
        {
            host.background.AddRange(listeners.Select(l => Task.Run(() => l.RunAsync(host.stopping.Token), CancellationToken.None)));
        }

        if (options.RunTimers)
        {
            host.background.AddRange(functions.Where(f => f.Trigger == FunctionTrigger.Timer)
                .Select(f => Task.Run(() => host.RunTimerLoopAsync(f, LocalEnvironment.Resolve(configuration, f.Schedule!), options.Time, logger, host.stopping.Token), CancellationToken.None)));
        }

        return host;
    }

    /// <summary>Runs a timer function now (what <c>POST /admin/functions/{name}</c> does).</summary>
    public async Task<bool> RunTimerAsync(string name, CancellationToken cancellationToken)
    {
        var function = functions.FirstOrDefault(f => f.Trigger == FunctionTrigger.Timer && string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
        if (function is null)
        {
            return false;
        }

        var gate = timerLocks[function.Name];
        await gate.WaitAsync(cancellationToken);
        try
        {
            await FunctionInvoker.InvokeAsync(app.Services, function, new Microsoft.Azure.Functions.Worker.TimerInfo(), cancellationToken);
        }
        finally
        {
            gate.Release();
        }

        return true;
    }

    /// <summary>Handles every visible message on every queue until none is left; returns how many were handled.</summary>
    public Task<int> DrainQueuesAsync(CancellationToken cancellationToken) => LocalEnvironment.DrainAsync(listeners, cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        try
        {
            await Task.WhenAll(background);
        }
        catch (OperationCanceledException)
        {
        }

        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }

        stopping.Dispose();
        foreach (var gate in timerLocks.Values)
        {
            gate.Dispose();
        }
    }

    /// <summary>Where <c>serve</c> keeps its secrets and outbox unless told otherwise: <c>.compersion</c> at the checkout root.</summary>
    public static string DefaultStateDirectory() => LocalEnvironment.DefaultStateDirectory();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void MapRoutes(WebApplication app, ILogger logger)
    {
        foreach (var function in functions.Where(f => f.Trigger == FunctionTrigger.Http))
        {
            app.MapMethods(Routes.Path(function.Route!.TrimStart('/')), function.Methods!, context => HandleHttpAsync(context, function, logger));
        }

        // The local inbox exists only here, never in the Functions app.
        Inbox.LocalInbox.Map(app, this);

        app.MapPost("/admin/functions/{name}", async context =>
        {
            if (!Keys.Allows(context.Request, Microsoft.Azure.Functions.Worker.AuthorizationLevel.Admin))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            var name = (string)context.GetRouteValue("name")!;
            context.Response.StatusCode = await RunTimerAsync(name, context.RequestAborted) ? StatusCodes.Status202Accepted : StatusCodes.Status404NotFound;
        });
    }

    private async Task HandleHttpAsync(HttpContext context, FunctionDescriptor function, ILogger logger)
    {
        if (!Keys.Allows(context.Request, function.AuthLevel))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        object? result;
        try
        {
            result = await FunctionInvoker.InvokeAsync(context.RequestServices, function, context.Request, context.RequestAborted);
        }
        catch (Exception exception) when (!context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted)
        {
            LogFunctionFailed(logger, function.Name, exception);

            // As the worker's ExceptionMiddleware answers in Azure.
            result = Compersion.Functions.Http.ServerError.For(context.Request);
        }

        switch (result)
        {
            case IActionResult action:
                await action.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                break;
            case IResult minimal:
                await minimal.ExecuteAsync(context);
                break;
            default:
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
        }
    }

    private async Task RunTimerLoopAsync(FunctionDescriptor function, string schedule, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var format = schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        var cron = CronExpression.Parse(schedule, format);
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = cron.GetNextOccurrence(now, TimeZoneInfo.Utc);
            if (next is null)
            {
                return;
            }

            try
            {
                await Task.Delay(next.Value - now, time, cancellationToken);
                await RunTimerAsync(function.Name, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogFunctionFailed(logger, function.Name, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} failed")]
    private static partial void LogFunctionFailed(ILogger logger, string function, Exception exception);
}
