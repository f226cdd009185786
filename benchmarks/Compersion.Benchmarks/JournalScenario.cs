using System.Diagnostics;
using Compersion.Cli.Hosting;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Security;
using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using Compersion.Development;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Compersion.Benchmarks;

/// <summary>
/// The journal on the web with a long journal: three years of daily entries (five items each) and 150 kind acts in one
/// subscriber's partition on Azurite, read through <c>serve</c>'s host (the same function classes, over HTTP): the year
/// calendar and a day page answer in ≤ 50 ms p95, a search in ≤ 100 ms p95, with one client and with 20 at once.
/// </summary>
/// <remarks>
/// <para>
/// The pages answer a read they made before from memory while the journal is unchanged (its stamp), so the first two
/// rounds (one client, then 20) measure repeated reads: each measured request repeats one made in an untimed pass just
/// before. A third round measures the first read after a change (cold): one client, each request right after a change
/// to the journal (a setting of the profile turned over, which changes the stamp as every write does).
/// </para>
/// <para>
/// After the HTTP phases, the same journal is read in-process step by step (each read cold and repeated, the book, each
/// view), so a missed target says where its time goes.
/// </para>
/// </remarks>
internal static class JournalScenario
{
    /// <summary>The p95 target of the calendar and the day page, ms.</summary>
    public const double PageTargetMilliseconds = 50;

    /// <summary>The p95 target of a search, ms.</summary>
    public const double SearchTargetMilliseconds = 100;

    private const string Zone = "Europe/London";
    private const int Acts = 150;
    private const int SeedParallelism = 8;
    private const int ColdRequests = 50;
    private static readonly string[] People = ["Sam", "Priya", "Ana", "Noor", "Leo", "my sister", "Mum", "Kai"];
    private static readonly string[] Searches = ["Sam", "river walk", "Priya", "bakery", "sister"];

    private static readonly string[] Lines =
    [
        "Coffee with {0} before work, the café was quiet",
        "{0} sent me a photo of the sea from the train",
        "A long walk by the river after the rain",
        "Warm bread from the bakery on the corner",
        "A call with {0} about nothing in particular",
        "The first warm evening, we ate outside",
        "{0} got the job, and was so proud telling me",
        "Reading in the garden with a pot of tea",
        "The bus driver waited while I ran for it",
        "{0} fixed the squeaky door without being asked",
    ];

    private static readonly string[] ActLines =
    [
        "left a thank-you note for the postman",
        "cooked soup for the neighbour who was ill",
        "paid for a stranger's coffee",
        "helped {0} move a sofa up three floors",
        "picked up litter along the canal",
        "taught {0} to make bread",
    ];

    /// <summary>Seeds, measures and reports; returns the exit code (1 when a target is missed or a request failed).</summary>
    public static async Task<int> RunAsync(int years, int requests, int concurrency, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync($"Starting Azurite and serve's host ({Environment.ProcessorCount} cores; load average {LoadAverage()})...");
        await using var azurite = await AzuriteProcess.StartAsync(null, cancellationToken);
        var state = Path.Combine(Path.GetTempPath(), "compersion-benchmarks-journal-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var host = await LocalFunctionsHost.StartAsync(
                new LocalHostOptions
                {
                    Port = 0,
                    StateDirectory = state,
                    RunTimers = false,
                    PollQueues = false,
                    QuietLogs = true,
                    Settings = new Dictionary<string, string?> { ["AzureWebJobsStorage"] = azurite.ConnectionString, ["SendGrid:ApiKey"] = string.Empty },
                },
                cancellationToken);
            var services = host.Services;
            var subscriber = await services.GetRequiredService<SubscriptionService>().AddConfirmedAsync(
                new SignUpRequest("long.journal@example.com", Zone, new LocalTime(20, 0), IsoDayOfWeek.Sunday, Subscriber.DefaultDigestTime), cancellationToken);
            var today = Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow()).InZone(subscriber.TimeZone).Date;
            var first = today.PlusYears(-years).PlusDays(1);
            var days = Period.Between(first, today, PeriodUnits.Days).Days + 1;

            var seeding = Stopwatch.StartNew();
            await SeedAsync(services, subscriber.Id, first, days, cancellationToken);
            var book = JournalBook.From(await services.GetRequiredService<ISubscriberJournal>().LoadAsync(subscriber.Id, cancellationToken));
            await output.WriteLineAsync(
                $"Seeded {book.Days.Count:N0} days ({first} to {today}) with {book.Days.Sum(day => day.Items.Count):N0} items and " +
                $"{book.Days.Sum(day => day.Acts.Count)} kind acts in one partition in {seeding.Elapsed.TotalSeconds:0.0} s.");

            var token = Uri.EscapeDataString(services.GetRequiredService<TokenSigner>().ForLink(TokenPurpose.Journal, subscriber.Id, Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow()).Plus(Duration.FromHours(12))));
            var pages = new (string Name, double Target, Func<int, string> Url)[]
            {
                ("year calendar", PageTargetMilliseconds, _ => $"{host.BaseUrl}/api/journal?token={token}"),
                ("day page", PageTargetMilliseconds, index => $"{host.BaseUrl}/api/journal/day?token={token}&date={NodaTime.Text.LocalDatePattern.Iso.Format(first.PlusDays((int)((index * 7919L) % days)))}"),
                ("search", SearchTargetMilliseconds, index => $"{host.BaseUrl}/api/journal/search?token={token}&q={Uri.EscapeDataString(Searches[index % Searches.Length])}"),
            };

            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency + 1 }) { Timeout = TimeSpan.FromMinutes(1) };
            var succeeded = true;
            foreach (var clients in new[] { 1, concurrency })
            {
                await output.WriteLineAsync();
                await output.WriteLineAsync($"{clients} {(clients == 1 ? "client" : "clients at once")}, {requests} requests of each page, each repeating one of an untimed pass just before (read from memory; client-measured, request sent to the whole page read):");
                foreach (var (name, target, url) in pages)
                {
                    await RunAsync(client, url, requests, clients, cancellationToken);
                    var cpuBefore = (ProcessFigures.CpuTimeOf(Environment.ProcessId), ProcessFigures.CpuTimeOf(azurite.ProcessId));
                    var (allocatedBefore, fullCollectionsBefore) = (GC.GetTotalAllocatedBytes(), GC.CollectionCount(2));
                    var run = Stopwatch.StartNew();
                    var (times, failures, bytes) = await RunAsync(client, url, requests, clients, cancellationToken);
                    var elapsed = run.Elapsed;
                    var cpu = (ProcessFigures.CpuTimeOf(Environment.ProcessId) - cpuBefore.Item1, ProcessFigures.CpuTimeOf(azurite.ProcessId) - cpuBefore.Item2);
                    var (allocated, fullCollections) = (GC.GetTotalAllocatedBytes() - allocatedBefore, GC.CollectionCount(2) - fullCollectionsBefore);
                    var p95 = Percentiles.Of(times, 0.95);
                    succeeded &= failures == 0 && p95 <= target;
                    await output.WriteLineAsync(
                        $"  {name,-13}: p50 {Percentiles.Of(times, 0.50),6:0.0} ms, p95 {p95,6:0.0} ms, max {times[^1],6:0.0} ms " +
                        $"(target p95 ≤ {target:0} ms: {(p95 <= target ? "met" : "MISSED")}); {requests / elapsed.TotalSeconds,5:0}/s; " +
                        $"{bytes / requests / 1024.0:0} KB a page; CPU a request {cpu.Item1.TotalMilliseconds / requests:0.0} ms here, {cpu.Item2.TotalMilliseconds / requests:0.0} ms in Azurite; " +
                        $"{allocated / requests / 1024.0:0} KB allocated a request here, {fullCollections} full collections; non-200 {failures}");
                }
            }

            succeeded &= await ColdAsync(services, client, pages, subscriber.Id, azurite.ProcessId, output, cancellationToken);
            await BreakdownAsync(services, azurite.ProcessId, subscriber.Id, book, today, output, cancellationToken);
            await output.WriteLineAsync($"Load average after the run: {LoadAverage()}");
            return succeeded ? 0 : 1;
        }
        finally
        {
            try
            {
                Directory.Delete(state, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    // The first read after a change: one client, each request right after the journal's stamp changed (a setting turned
    // over through the subscriber store, as the settings page does), so nothing it reads is in memory. The change is not
    // timed; the CPU counted is the request's alone.
    private static async Task<bool> ColdAsync(
        IServiceProvider services, HttpClient client, (string Name, double Target, Func<int, string> Url)[] pages, string subscriberId, int azuriteProcessId, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync($"1 client, {ColdRequests} requests of each page, each the first read after a change to the journal (cold: nothing read from memory):");
        var met = true;
        foreach (var (name, target, url) in pages)
        {
            var times = new double[ColdRequests];
            var (ours, azurite) = (TimeSpan.Zero, TimeSpan.Zero);
            var failures = 0;
            for (var index = 0; index < ColdRequests; index++)
            {
                await ChangeAsync(services, subscriberId, cancellationToken);
                var cpu = (ProcessFigures.CpuTimeOf(Environment.ProcessId), ProcessFigures.CpuTimeOf(azuriteProcessId));
                var start = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(url(index), cancellationToken);
                _ = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                times[index] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                ours += ProcessFigures.CpuTimeOf(Environment.ProcessId) - cpu.Item1;
                azurite += ProcessFigures.CpuTimeOf(azuriteProcessId) - cpu.Item2;
                failures += response.IsSuccessStatusCode ? 0 : 1;
            }

            Array.Sort(times);
            var p95 = Percentiles.Of(times, 0.95);
            met &= failures == 0 && p95 <= target;
            await output.WriteLineAsync(
                $"  {name,-13}: p50 {Percentiles.Of(times, 0.50),6:0.0} ms, p95 {p95,6:0.0} ms, max {times[^1],6:0.0} ms " +
                $"(target p95 ≤ {target:0} ms: {(p95 <= target ? "met" : "MISSED")}); CPU a request {ours.TotalMilliseconds / ColdRequests:0.0} ms here, " +
                $"{azurite.TotalMilliseconds / ColdRequests:0.0} ms in Azurite; non-200 {failures}");
        }

        return met;
    }

    // A write that changes the journal's stamp and nothing a page shows: the receipts setting turned over.
    private static async Task ChangeAsync(IServiceProvider services, string subscriberId, CancellationToken cancellationToken) =>
        await services.GetRequiredService<ISubscriberStore>().UpdateAsync(subscriberId, subscriber => subscriber with { ReceiptsEnabled = !subscriber.ReceiptsEnabled }, cancellationToken);

    // Where a request's time goes, in-process: each read a page makes (every day's marks for the calendar and the day page,
    // one date's rows for the day page, every row's JSON columns for search) beside the whole-partition query the pages
    // made before, the book built from the rows, and each page's view, as wall time and as CPU time (this process's and
    // Azurite's, so the machine's other load does not count). What a page's CPU holds beyond these is rendering, HTTP and
    // the host.
    private static async Task BreakdownAsync(IServiceProvider services, int azuriteProcessId, string subscriberId, JournalBook book, LocalDate today, TextWriter output, CancellationToken cancellationToken)
    {
        const int Rounds = 30;
        var reader = services.GetRequiredService<IJournalReader>();
        var journals = services.GetRequiredService<ISubscriberJournal>();
        SubscriberJournal? journal = null;
        IReadOnlyList<DayMark> marks = [];
        Func<Task> change = () => ChangeAsync(services, subscriberId, cancellationToken);
        var whole = await ReadTimeAsync(Rounds, azuriteProcessId, null, async () => journal = await journals.LoadAsync(subscriberId, cancellationToken));
        var marksRead = await ReadTimeAsync(Rounds, azuriteProcessId, change, async () => marks = await reader.ReadMarksAsync(subscriberId, null, cancellationToken));
        var marksAgain = await ReadTimeAsync(Rounds, azuriteProcessId, null, () => reader.ReadMarksAsync(subscriberId, null, cancellationToken));
        var dayRead = await ReadTimeAsync(Rounds, azuriteProcessId, change, () => reader.ReadAsync(subscriberId, JournalNeeds.Day(today.PlusDays(-100)).Spans, cancellationToken));
        var dayAgain = await ReadTimeAsync(Rounds, azuriteProcessId, null, () => reader.ReadAsync(subscriberId, JournalNeeds.Day(today.PlusDays(-100)).Spans, cancellationToken));
        var searchRead = await ReadTimeAsync(Rounds, azuriteProcessId, change, () => reader.ReadAsync(subscriberId, null, cancellationToken));
        var searchAgain = await ReadTimeAsync(Rounds, azuriteProcessId, null, () => reader.ReadAsync(subscriberId, null, cancellationToken));
        var build = Time(Rounds, () => JournalBook.From(journal!));
        var marksOnly = new JournalBook([], [], marks);
        var calendar = Time(Rounds, () => JournalViews.Calendar(marksOnly, today.Year, today));
        var day = Time(Rounds, () => JournalViews.Day(book, today.PlusDays(-100)));
        var search = Time(Rounds, () => JournalViews.Search(book, Searches[0]));
        await output.WriteLineAsync();
        await output.WriteLineAsync($"In-process, one at a time, {Rounds} rounds (wall median; CPU a call here and in Azurite):");
        await output.WriteLineAsync($"  the whole partition, as the pages read it before ({journal!.Entries.Count:N0} entries, {journal.Acts.Count} act days, the profile): {whole}");
        await output.WriteLineAsync($"  every day's marks ({marks.Count:N0} days; the calendar), the stamp first: after a change {marksRead}; again, from memory {marksAgain}");
        await output.WriteLineAsync($"  the rows of {JournalNeeds.DayWindow} days either side of a date, and the profile (the day page), the stamp first: after a change {dayRead}; again, from memory {dayAgain}");
        await output.WriteLineAsync($"  every row's JSON columns and the profile (search), the stamp first: after a change {searchRead}; again, from memory {searchAgain}");
        await output.WriteLineAsync($"  the book from the rows: {build.Wall:0.00} ms; CPU {build.Cpu:0.00} ms");
        await output.WriteLineAsync($"  views: calendar from the marks {calendar.Wall:0.00} ms (CPU {calendar.Cpu:0.00}), day {day.Wall:0.00} ms (CPU {day.Cpu:0.00}), search \"{Searches[0]}\" {search.Wall:0.00} ms (CPU {search.Cpu:0.00})");
    }

    // Each round: before (untimed, a change to the journal, or nothing), then the read, timed with its CPU alone.
    private static async Task<string> ReadTimeAsync(int rounds, int azuriteProcessId, Func<Task>? before, Func<Task> read)
    {
        var times = new double[rounds];
        var (ours, azurite) = (0.0, 0.0);
        for (var round = 0; round < rounds; round++)
        {
            if (before is not null)
            {
                await before();
            }

            var cpu = (Ours: ProcessFigures.CpuTimeOf(Environment.ProcessId), Azurite: ProcessFigures.CpuTimeOf(azuriteProcessId));
            var start = Stopwatch.GetTimestamp();
            await read();
            times[round] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            ours += (ProcessFigures.CpuTimeOf(Environment.ProcessId) - cpu.Ours).TotalMilliseconds / rounds;
            azurite += (ProcessFigures.CpuTimeOf(azuriteProcessId) - cpu.Azurite).TotalMilliseconds / rounds;
        }

        Array.Sort(times);
        return $"{Percentiles.Of(times, 0.5):0.0} ms (p95 {Percentiles.Of(times, 0.95):0.0}); CPU {ours:0.0} ms here, {azurite:0.0} ms in Azurite";
    }

    private static (double Wall, double Cpu) Time(int rounds, Func<object> view)
    {
        var times = new double[rounds];
        var cpu = ProcessFigures.CpuTimeOf(Environment.ProcessId);
        for (var round = 0; round < rounds; round++)
        {
            var start = Stopwatch.GetTimestamp();
            _ = view();
            times[round] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        var used = (ProcessFigures.CpuTimeOf(Environment.ProcessId) - cpu).TotalMilliseconds / rounds;
        Array.Sort(times);
        return (Percentiles.Of(times, 0.5), used);
    }

    private static async Task<(double[] Times, int Failures, long Bytes)> RunAsync(HttpClient client, Func<int, string> url, int requests, int clients, CancellationToken cancellationToken)
    {
        var times = new double[requests];
        var failures = 0;
        long bytes = 0;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(
            async () =>
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < requests)
                {
                    var address = url(index);
                    var start = Stopwatch.GetTimestamp();
                    using var response = await client.GetAsync(address, cancellationToken);
                    var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    times[index] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    Interlocked.Add(ref bytes, body.Length);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            },
            cancellationToken)));
        Array.Sort(times);
        return (times, failures, bytes);
    }

    private static async Task SeedAsync(IServiceProvider services, string subscriberId, LocalDate first, int days, CancellationToken cancellationToken)
    {
        var entries = services.GetRequiredService<IEntryStore>();
        var acts = services.GetRequiredService<IActStore>();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, days),
            new ParallelOptions { MaxDegreeOfParallelism = SeedParallelism, CancellationToken = cancellationToken },
            async (offset, token) =>
            {
                var items = Enumerable.Range(0, 5)
                    .Select(item => JournalItem.Understand(string.Format(System.Globalization.CultureInfo.InvariantCulture, Lines[((offset * 5) + item) % Lines.Length], People[(offset + item) % People.Length])))
                    .ToList();
                await entries.AppendAsync(subscriberId, first.PlusDays(offset), items, "seed", token);
            });
        await Parallel.ForEachAsync(
            Enumerable.Range(0, Acts),
            new ParallelOptions { MaxDegreeOfParallelism = SeedParallelism, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, ActLines[index % ActLines.Length], People[index % People.Length]);
                var act = new KindAct(text, KindnessNames.Name(KindnessNames.Categories[index % KindnessNames.Categories.Count]), KindnessNames.Name(KindnessNames.Recipients[index % KindnessNames.Recipients.Count]));
                await acts.AppendAsync(subscriberId, first.PlusDays((int)((long)index * days / Acts)), [act], "seed", token);
            });
    }

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Trim();
}
