using Compersion.Cli.Hosting;

namespace Compersion.Cli.Commands;

/// <summary>The services of the local host, without timers or queue polling, for one-shot operator verbs.</summary>
internal static class OperatorHost
{
    public static Task<LocalFunctionsHost> StartAsync(CancellationToken cancellationToken) =>
        LocalFunctionsHost.StartAsync(new LocalHostOptions { Port = 0, RunTimers = false, PollQueues = false, QuietLogs = true }, cancellationToken);
}
