using System.CommandLine;

namespace Compersion.Benchmarks;

/// <summary><c>journal</c>: the journal pages with three years written (<see cref="JournalScenario"/>).</summary>
internal static class JournalCommand
{
    /// <summary>Builds the <c>journal</c> verb.</summary>
    public static Command Create()
    {
        var years = new Option<int>("--years") { Description = "Years of daily entries (five items a day) in the one subscriber's partition", DefaultValueFactory = _ => 3 };
        var requests = new Option<int>("--requests") { Description = "Measured requests of each page, after a warm-up", DefaultValueFactory = _ => 200 };
        var concurrency = new Option<int>("--concurrency") { Description = "Clients at once in the second round (the first has one)", DefaultValueFactory = _ => 20 };
        var command = new Command("journal", "The journal's calendar, day page and search through serve's host over HTTP, with three years written: p95 with one client and with 20.")
        {
            years, requests, concurrency,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (y, r, c) = (parse.GetValue(years), parse.GetValue(requests), parse.GetValue(concurrency));
            if (y is < 1 or > 10 || r < 1 || c < 1)
            {
                await Console.Error.WriteLineAsync("Need --years 1-10, --requests >= 1, --concurrency >= 1.");
                return 2;
            }

            return await ScenarioLimit.RunAsync(TimeSpan.FromMinutes(15), Console.Out, token => JournalScenario.RunAsync(y, r, c, Console.Out, token), cancellationToken);
        });
        return command;
    }
}
