using System.CommandLine;
using Compersion.Cli.Hosting;
using Compersion.Cli.Inbox;
using Compersion.Core.Subscriptions;
using Compersion.Development;
using Compersion.Functions;
using MimeKit;
using NodaTime;
using NodaTime.Text;

namespace Compersion.Cli.Commands;

/// <summary><c>compersion demo</c>: N days on a virtual clock through the real pipeline (Azurite, queues, functions, pickup sender).</summary>
/// <remarks>
/// The sample subscriber answers as a person might: most prompts with five gratitudes (one also logs a <c>kindness:</c>
/// line), a short reply now and then (which earns a receipt), a quiet day; and the weekly digest with two kind acts.
/// Each reply is posted to the Inbound Parse webhook over HTTP exactly as SendGrid's raw mode would. The digest falls
/// on the first day's weekday, an hour before the prompt; none comes in a subscriber's first five days, so an 8-day run
/// ends with their first digest ("your first week"), reflecting the week, and the reply to it logs two acts.
/// </remarks>
internal static class DemoCommand
{
    private static readonly string[][] Replies =
    [
        ["Sam brought me soup when he heard I was tired", "The first coffee on the balcony", "My sister got the job she wanted", "A long walk by the river at lunch", "Clean sheets tonight", "kindness: left a thank-you note on my neighbour's car"],
        ["Priya laughed at my terrible pun", "The bus driver waited for a woman running with her shopping", "Finishing the report early", "Rain on the window while I read", "Mum's voice message about her garden"],
        ["Warm socks", "Health", "The smell of toast"],
        [],
        ["My coworker Lena did a little dance when her visa came through", "Sam and I cooked dumplings and most held together", "Sunshine on the way home", "A kind email from an old teacher", "My legs felt strong on the hill"],
        ["Grandad told me about his first job at the docks", "The neighbour's kids drew chalk flowers on the pavement", "An early night", "A new book from the library", "Jonas was so proud of his first sourdough"],
        ["A hug from Sam at the door", "The cherry blossom by the station", "My sister's good news still making me smile", "A quiet hour with a crossword", "Tea that was exactly the right temperature"],
    ];

    private const string DigestReply = "paid for the coffee of the person behind me\ntaught my nephew to tie his shoelaces";

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
    /// <param name="request">The sample subscriber's address, zone and prompt time; the digest day and time are set here.</param>
    /// <param name="start">The first local date.</param>
    /// <param name="days">How many local dates.</param>
    /// <param name="folder">Where every mail is kept.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    internal static async Task<string> RunAsync(SignUpRequest request, LocalDate start, int days, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Directory.CreateDirectory(folder);
        foreach (var old in Directory.EnumerateFiles(folder, "*.eml"))
        {
            File.Delete(old);
        }

        // The digest falls on the first day's weekday, an hour before the prompt: day one is too soon after joining, day eight gets the first.
        request = request with { DigestDay = start.DayOfWeek, DigestTime = request.PromptTime.PlusHours(-1) };
        var timeZone = DateTimeZoneProviders.Tzdb[request.Zone];
        var begin = start.AtStartOfDayInZone(timeZone).ToInstant();
        var end = start.PlusDays(days).AtStartOfDayInZone(timeZone).ToInstant();
        var clock = new ManualClock(begin.ToDateTimeOffset());
        var state = Path.Combine(Path.GetTempPath(), $"compersion-demo-state-{Guid.NewGuid():N}");
        var replied = new HashSet<string>(StringComparer.Ordinal);
        var posted = 0;

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
            using var http = new HttpClient();
            while (clock.GetUtcNow() < end.ToDateTimeOffset())
            {
                clock.SetTo(Min(clock.GetUtcNow().AddHours(1), end.ToDateTimeOffset()));
                await host.RunTimerAsync(nameof(DispatchDueFunction), cancellationToken);
                await host.DrainQueuesAsync(cancellationToken);
                if (await ReplyToNewMailAsync(host, http, folder, start, replied, cancellationToken) is var count and > 0)
                {
                    posted += count;
                    await host.DrainQueuesAsync(cancellationToken);
                }
            }
        }

        Directory.Delete(state, recursive: true);
        var lines = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.eml").Order(StringComparer.Ordinal))
        {
            using var message = await MimeMessage.LoadAsync(file, cancellationToken);
            lines.Add($"  {message.Date.ToUniversalTime():yyyy-MM-dd HH:mm}Z  {message.Headers["X-Compersion-Kind"],-8} {message.Subject}");
        }

        return $"Simulated {days} local days ({start:yyyy-MM-dd} onward, {request.Zone}) through the real pipeline; {posted} replies posted to the Inbound Parse webhook.\n" +
               $"{lines.Count} mails in {folder}:\n{string.Join('\n', lines)}";
    }

    // Answers every prompt and digest not answered yet, through the webhook, as the sample subscriber would.
    private static async Task<int> ReplyToNewMailAsync(LocalFunctionsHost host, HttpClient http, string folder, LocalDate start, HashSet<string> replied, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.eml").Order(StringComparer.Ordinal))
        {
            if (!replied.Add(Path.GetFileName(file)))
            {
                continue;
            }

            using var original = await MimeMessage.LoadAsync(file, cancellationToken);
            var kind = original.Headers["X-Compersion-Kind"];
            string text;
            if (kind == "digest")
            {
                text = DigestReply;
            }
            else if (kind == "prompt")
            {
                var day = LocalDatePattern.Iso.Parse(PromptDate(original, start));
                var lines = Replies[Math.Abs(Period.Between(start, day.Success ? day.Value : start, PeriodUnits.Days).Days) % Replies.Length];
                if (lines.Length == 0)
                {
                    continue;
                }

                text = string.Join('\n', lines.Select((line, i) => line.StartsWith("kindness:", StringComparison.Ordinal) ? line : $"{i + 1}. {line}"));
            }
            else
            {
                continue;
            }

            using var reply = InboundParsePost.Reply(original, text);
            using var form = InboundParsePost.Raw(reply);
            var response = await http.PostAsync(InboundParsePost.WebhookUrl(host.BaseUrl, host.Keys.FunctionKey), form, cancellationToken);
            response.EnsureSuccessStatusCode();
            count++;
        }

        return count;
    }

    // The prompt's local date, from the job id the pickup sender keeps in its tags header, else the mail's own date.
    private static string PromptDate(MimeMessage prompt, LocalDate start)
    {
        var job = prompt.Headers["X-Compersion-Job"];
        return job is { Length: >= 10 } ? job[^10..] : LocalDatePattern.Iso.Format(start);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
