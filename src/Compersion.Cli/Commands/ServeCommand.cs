using System.CommandLine;
using Compersion.Cli.Hosting;
using Compersion.Core.Links;

namespace Compersion.Cli.Commands;

/// <summary><c>compersion serve</c>: the whole loop locally — functions, timers, queues, Azurite, outbox.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "HTTP port on 127.0.0.1", DefaultValueFactory = _ => 7071 };
        var outbox = new Option<string?>("--outbox") { Description = "Folder the pickup sender writes .eml files to (default .compersion/outbox)" };
        var state = new Option<string?>("--state") { Description = "Folder for local secrets and the default outbox (default .compersion at the checkout root)" };
        var command = new Command("serve", "Run the Functions app locally: HTTP at /api, timers, queue triggers, Azurite, mail to a local outbox.") { port, outbox, state };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await LocalFunctionsHost.StartAsync(
                new LocalHostOptions { Port = parse.GetValue(port), OutboxDirectory = parse.GetValue(outbox), StateDirectory = parse.GetValue(state) },
                cancellationToken);
            var output = Console.Out;
            await output.WriteLineAsync($"Compersion is running at {host.BaseUrl}{Routes.Prefix.TrimEnd('/')}");
            foreach (var function in host.Functions)
            {
                var where = function.Trigger switch
                {
                    FunctionTrigger.Http => $"{string.Join(',', function.Methods!)} {host.BaseUrl}{Routes.Path(function.Route!)} ({function.AuthLevel})",
                    FunctionTrigger.Timer => $"timer {function.Schedule}",
                    _ => $"queue {function.QueueName}",
                };
                await output.WriteLineAsync($"  {function.Name,-28} {where}");
            }

            await output.WriteLineAsync($"Storage:      {(host.StartedAzurite ? "Azurite started for this session" : "existing storage")}");
            await output.WriteLineAsync($"Outbox:       {host.OutboxDirectory}");
            await output.WriteLineAsync($"Function key: {host.Keys.FunctionKey}");
            await output.WriteLineAsync($"Master key:   {host.Keys.MasterKey}  (POST {host.BaseUrl}/admin/functions/DispatchDueFunction runs the timer now)");
            await output.WriteLineAsync("Press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                await output.WriteLineAsync("Stopping…");
            }

            return 0;
        });
        return command;
    }
}
