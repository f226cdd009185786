using System.CommandLine;
using Compersion.Core.Scheduling;
using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using NodaTime;
using NodaTime.Text;

namespace Compersion.Cli.Commands;

/// <summary><c>compersion schedule</c>: the UTC send instants for N local dates, from the code that schedules real sends.</summary>
internal static class ScheduleCommand
{
    public static Command Create()
    {
        var zone = new Option<string>("--zone") { Description = "IANA time zone, e.g. America/New_York", Required = true };
        var at = new Option<string>("--at") { Description = "Local time HH:mm", DefaultValueFactory = _ => "20:00" };
        var from = new Option<string>("--from") { Description = "First local date, yyyy-MM-dd", Required = true };
        var days = new Option<int>("--days") { Description = "How many local dates", DefaultValueFactory = _ => 7 };
        var command = new Command("schedule", "Print the UTC instant each day's prompt is sent at (ISO 8601, Z).") { zone, at, from, days };
        command.SetAction(parse =>
        {
            var zoneId = parse.GetValue(zone)!;
            if (!LocalSchedule.IsKnownZone(zoneId))
            {
                parse.InvocationConfiguration.Error.WriteLine($"Unknown time zone '{zoneId}'. Use an IANA name such as Europe/Berlin.");
                return 2;
            }

            if (!SignUpRequest.TryParseTime(parse.GetValue(at), Subscriber.DefaultPromptTime, out var time))
            {
                parse.InvocationConfiguration.Error.WriteLine("--at must be HH:mm on a 24-hour clock, e.g. 07:30.");
                return 2;
            }

            var start = LocalDatePattern.Iso.Parse(parse.GetValue(from) ?? string.Empty);
            if (!start.Success)
            {
                parse.InvocationConfiguration.Error.WriteLine("--from must be a date as yyyy-MM-dd, e.g. 2026-03-05.");
                return 2;
            }

            var count = parse.GetValue(days);
            if (count is < 1 or > 3660)
            {
                parse.InvocationConfiguration.Error.WriteLine("--days must be between 1 and 3660.");
                return 2;
            }

            foreach (var (_, due) in LocalSchedule.Daily(DateTimeZoneProviders.Tzdb[zoneId], time, start.Value, count))
            {
                parse.InvocationConfiguration.Output.WriteLine(InstantPattern.General.Format(due));
            }

            return 0;
        });
        return command;
    }
}
