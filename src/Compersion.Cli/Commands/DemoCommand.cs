using System.CommandLine;
using Compersion.Cli.Hosting;
using Compersion.Core.Scheduling;
using Compersion.Core.Subscribers;
using Compersion.Functions;
using Compersion.Storage.Development;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NodaTime;
using NodaTime.Text;

namespace Compersion.Cli.Commands;

/// <summary><c>compersion demo</c>: N days on a virtual clock through the real pipeline (Azurite, queues, functions, pickup sender).</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var days = new Option<int>("--days") { Description = "Local days to simulate", DefaultValueFactory = _ => 8 };
        var zone = new Option<string>("--zone") { Description = "The sample subscriber's IANA time zone", DefaultValueFactory = _ => "America/New_York" };
        var at = new Option<string>("--at") { Description = "Local prompt time, HH:mm", DefaultValueFactory = _ => "20:00" };
        var from = new Option<string?>("--from") { Description = "First local date, yyyy-MM-dd (default: today)" };
        var output = new Option<string?>("--out") { Description = "Folder for every mail sent (default: a new temporary folder)" };
        var command = new Command("demo", "Simulate days for a sample subscriber through the real pipeline and keep every mail.") { days, zone, at, from, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var zoneId = parse.GetValue(zone)!;
            if (!SignUpRequest.TryCreate("demo@example.com", zoneId, parse.GetValue(at), null, null, out var request, out var error))
            {
                await Console.Error.WriteLineAsync(error);
                return 2;
            }

            var count = parse.GetValue(days);
            if (count is < 1 or > 366)
            {
                await Console.Error.WriteLineAsync("--days must be between 1 and 366.");
                return 2;
            }

            var timeZone = DateTimeZoneProviders.Tzdb[request!.Zone];
            LocalDate start;
            if (parse.GetValue(from) is { } fromText)
            {
                var parsed = LocalDatePattern.Iso.Parse(fromText);
                if (!parsed.Success)
                {
                    await Console.Error.WriteLineAsync("--from must be a date as yyyy-MM-dd.");
                    return 2;
                }

                start = parsed.Value;
            }
            else
            {
                start = SystemClock.Instance.GetCurrentInstant().InZone(timeZone).Date;
            }

            var folder = Path.GetFullPath(parse.GetValue(output) ?? Path.Combine(Path.GetTempPath(), $"compersion-demo-{Guid.NewGuid():N}"));
            var summary = await RunAsync(request, start, count, folder, cancellationToken);
            await Console.Out.WriteLineAsync(summary);
            return 0;
        });
        return command;
    }

    /// <summary>Runs the simulation and returns a printable summary.</summary>
    internal static async Task<string> RunAsync(SignUpRequest request, LocalDate start, int days, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        foreach (var old in Directory.EnumerateFiles(folder, "*.eml"))
        {
            File.Delete(old);
        }

        var timeZone = DateTimeZoneProviders.Tzdb[request.Zone];
        var begin = start.AtStartOfDayInZone(timeZone).ToInstant();
        var end = start.PlusDays(days).AtStartOfDayInZone(timeZone).ToInstant();
        var clock = new VirtualClock(begin.ToDateTimeOffset());
        var state = Path.Combine(Path.GetTempPath(), $"compersion-demo-state-{Guid.NewGuid():N}");

        await using var azurite = await AzuriteProcess.StartAsync(null, cancellationToken);
        await using (var host = await LocalFunctionsHost.StartAsync(
            new LocalHostOptions
            {
                Port = 0,
                StateDirectory = state,
                OutboxDirectory = folder,
                Time = clock,
                RunTimers = false,
                PollQueues = false,
                QuietLogs = true,
                Settings = new Dictionary<string, string?>
                {
                    ["AzureWebJobsStorage"] = azurite.ConnectionString,
                    ["SendGrid:ApiKey"] = string.Empty,
                    ["Dispatch:InitialLookbackMinutes"] = "1",
                },
            },
            cancellationToken))
        {
            await host.Services.GetRequiredService<SubscriptionService>().AddConfirmedAsync(request, cancellationToken);
            while (clock.GetUtcNow() < end.ToDateTimeOffset())
            {
                clock.SetTo(Min(clock.GetUtcNow().AddHours(1), end.ToDateTimeOffset()));
                await host.RunTimerAsync(nameof(DispatchDueFunction), cancellationToken);
                await host.DrainQueuesAsync(cancellationToken);
            }
        }

        Directory.Delete(state, recursive: true);
        var lines = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.eml").Order(StringComparer.Ordinal))
        {
            using var message = await MimeMessage.LoadAsync(file, cancellationToken);
            lines.Add($"  {message.Date.ToUniversalTime():yyyy-MM-dd HH:mm}Z  {message.Headers["X-Compersion-Kind"],-8} {message.Subject}");
        }

        return $"Simulated {days} local days ({start:yyyy-MM-dd} onward, {request.Zone}) through the real pipeline.\n" +
               $"{lines.Count} mails in {folder}:\n{string.Join('\n', lines)}";
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
