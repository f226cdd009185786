using System.CommandLine;
using Compersion.Core.Export;

namespace Compersion.Cli.Commands;

/// <summary><c>compersion export --email E</c>: everything stored for a subscriber, as JSON on standard output.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "The subscriber's address", Required = true };
        var command = new Command("export", "Print everything stored for a subscriber (settings and journal) as JSON.") { email };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await OperatorHost.StartAsync(cancellationToken);
            var export = await host.Services.GetRequiredService<ExportService>().ExportAsync(parse.GetValue(email)!, cancellationToken);
            if (export is null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("No subscriber with that address.");
                return 1;
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync(ExportService.ToJson(export));
            return 0;
        });
        return command;
    }
}
