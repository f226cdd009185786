using Azure.Storage.Queues;
using Compersion.Development;

namespace Compersion.Cli.Hosting;

/// <summary>What <c>serve</c> and the operator verbs share: local settings, the storage they point at, and the queue triggers.</summary>
internal static class LocalEnvironment
{
    /// <summary>The base URL <c>serve</c> listens on by default; links in mail the operator verbs send point there.</summary>
    public const string DefaultBaseUrl = "http://127.0.0.1:7071";

    /// <summary>Local settings (secrets from <c>.compersion/state.json</c>, mail to the outbox), then the environment, then <paramref name="settings"/>.</summary>
    public static IConfigurationRoot Configuration(LocalState state, string baseUrl, string outbox, IReadOnlyDictionary<string, string?> settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
                ["DispatchSchedule"] = "0 * * * * *",
                ["CleanupSchedule"] = "0 17 3 * * *",
                ["Tokens:CurrentSecret"] = state.TokenSecret,
                ["Mail:PublicBaseUrl"] = baseUrl,
                ["Mail:PickupDirectory"] = outbox,
                ["LocalHost:FunctionKey"] = state.FunctionKey,
                ["LocalHost:MasterKey"] = state.MasterKey,
            })
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settings)
            .Build();

    /// <summary>
    /// Points <c>AzureWebJobsStorage</c> at a running emulator: the one on the well-known ports if it is there,
    /// else a new Azurite (on the well-known ports when they are free, so another terminal finds it). Returns the
    /// Azurite started here, if any, for the caller to stop.
    /// </summary>
    public static async Task<AzuriteProcess?> ResolveStorageAsync(IConfigurationRoot configuration, CancellationToken cancellationToken)
    {
        var storage = configuration["AzureWebJobsStorage"]!;
        if (!AzuriteProcess.IsDevelopmentStorage(storage))
        {
            return null;
        }

        if (await AzuriteProcess.IsListeningAsync(AzuriteProcess.DevelopmentTablePort, cancellationToken))
        {
            configuration["AzureWebJobsStorage"] = AzuriteProcess.DevelopmentConnectionString;
            return null;
        }

        var wellKnownFree = !await AzuriteProcess.IsListeningAsync(AzuriteProcess.DevelopmentBlobPort, cancellationToken) &&
                            !await AzuriteProcess.IsListeningAsync(AzuriteProcess.DevelopmentQueuePort, cancellationToken);
        var azurite = await AzuriteProcess.StartAsync(wellKnownFree ? AzuriteStartOptions.DevelopmentStorage : null, cancellationToken);
        configuration["AzureWebJobsStorage"] = azurite.ConnectionString;
        return azurite;
    }

    /// <summary>One <see cref="QueueTriggerLoop"/> per queue-triggered function, as the Functions host would run them.</summary>
    public static List<QueueTriggerLoop> QueueListeners(IReadOnlyList<FunctionDescriptor> functions, IConfiguration configuration, IServiceProvider services, ILogger logger)
    {
        var settings = QueueTriggerSettings.Load(configuration);
        var storage = configuration["AzureWebJobsStorage"]!;
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        return functions
            .Where(f => f.Trigger == FunctionTrigger.Queue)
            .Select(function =>
            {
                var queueName = Resolve(configuration, function.QueueName!);
                return new QueueTriggerLoop(
                    new QueueClient(storage, queueName, options),
                    new QueueClient(storage, queueName + "-poison", options),
                    settings,
                    (message, cancellationToken) => FunctionInvoker.InvokeAsync(services, function, message.MessageText, cancellationToken),
                    logger,
                    function.Name);
            })
            .ToList();
    }

    /// <summary>Handles every visible message on every queue until none is left (handlers may queue more); returns how many were handled.</summary>
    public static async Task<int> DrainAsync(IReadOnlyList<QueueTriggerLoop> listeners, CancellationToken cancellationToken)
    {
        var total = 0;
        int round;
        do
        {
            round = 0;
            foreach (var listener in listeners)
            {
                round += await listener.DrainAsync(cancellationToken);
            }

            total += round;
        }
        while (round > 0);
        return total;
    }

    /// <summary>A binding expression's value: <c>%Setting%</c> from configuration, anything else as written.</summary>
    public static string Resolve(IConfiguration configuration, string value) =>
        value.Length > 2 && value[0] == '%' && value[^1] == '%'
            ? configuration[value[1..^1]] ?? throw new InvalidOperationException($"Setting {value[1..^1]} is not configured.")
            : value;

    /// <summary>Where local secrets and the outbox live unless told otherwise: <c>.compersion</c> at the checkout root.</summary>
    public static string DefaultStateDirectory() =>
        Path.Combine(RepositoryRoot.FindFrom(Environment.CurrentDirectory) ?? RepositoryRoot.Find() ?? Environment.CurrentDirectory, ".compersion");
}
