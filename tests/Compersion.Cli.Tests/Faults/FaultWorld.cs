using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Compersion.Cli.Hosting;
using Compersion.Cli.Inbox;
using Compersion.Core.Export;
using Compersion.Core.Links;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscriptions;
using Compersion.Development;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Compersion.Cli.Tests.Faults;

/// <summary>
/// What the fault suite runs against: its own Azurite, SendGrid as a WireMock.Net server on 127.0.0.1 that records every
/// request as it arrives (what SendGrid would have received, even from a process that dies before the answer), and an
/// in-process host on the same storage that seeds subscribers and reads the journal back. <c>serve</c> itself runs as
/// a child process (<see cref="ServeProcess"/>), so it can be killed.
/// </summary>
internal sealed partial class FaultWorld : IAsyncDisposable
{
    /// <summary>The token secret the child and the seeder share, so a reply the test writes is attributed by the child.</summary>
    private const string TokenSecret = "fault-suite-token-secret-0123456789abcdef";

    private const string FunctionKey = "fault-suite-function-key";

    private const string MasterKey = "fault-suite-master-key";

    /// <summary>The child's <c>Storage__StartedSendAge</c>: a started send without an outcome is sent again after this.</summary>
    public static readonly TimeSpan StartedSendAge = TimeSpan.FromSeconds(6);

    /// <summary>The child's <c>LocalHost__QueueLease</c>: a received message comes back after this when its process died.</summary>
    public static readonly TimeSpan QueueLease = TimeSpan.FromSeconds(8);

    private readonly string state;
    private readonly LocalFunctionsHost seeder;
    private readonly ManualClock seederClock;
    private readonly WireMockServer sendGrid;
    private readonly ConcurrentBag<ServeProcess> processes = [];
    private readonly ConcurrentBag<LocalFunctionsHost> hosts = [];
    private Func<SendGridRequest, Task<IResponseMessage>> answer = _ => Task.FromResult(Accepted());

    private FaultWorld(AzuriteProcess azurite, LocalFunctionsHost seeder, ManualClock seederClock, WireMockServer sendGrid, string state, Instant due)
    {
        Azurite = azurite;
        this.seeder = seeder;
        this.seederClock = seederClock;
        this.sendGrid = sendGrid;
        this.state = state;
        Due = due;
        sendGrid.Given(Request.Create().WithPath("/v3/mail/send").UsingPost())
            .RespondWith(Response.Create().WithCallback(request => RecordAsync(request)));
    }

    public AzuriteProcess Azurite { get; private set; }

    /// <summary>The instant every seeded prompt is due: the minute before the test started, so the child's first tick finds it.</summary>
    public Instant Due { get; }

    /// <summary>The local (UTC) date of the seeded prompts.</summary>
    public LocalDate DueDate => Due.InUtc().Date;

    /// <summary>Every request SendGrid received, in arrival order.</summary>
    public ConcurrentQueue<SendGridRequest> Requests { get; } = new();

    /// <summary>Every line every child process wrote.</summary>
    public ConcurrentQueue<string> Log { get; } = new();

    /// <summary>Starts Azurite, the SendGrid stand-in and the seeder.</summary>
    /// <param name="durableStorage">Whether Azurite keeps its data on disk, so it can be stopped and started again (<see cref="RestartStorageAsync"/>).</param>
    public static async Task<FaultWorld> StartAsync(bool durableStorage = false)
    {
        var state = Path.Combine(Path.GetTempPath(), "compersion-tests", "faults-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(state);
        var azurite = await AzuriteProcess.StartAsync(durableStorage ? new AzuriteStartOptions { Location = Directory.CreateDirectory(Path.Combine(state, "azurite")).FullName } : null, CancellationToken.None);
        var now = TimeProvider.System.GetUtcNow();
        var due = Instant.FromDateTimeOffset(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMinute)).AddMinutes(-1));

        // The seeder's clock stands just before the due minute, so the first prompt it schedules is the one due then.
        var seederClock = new ManualClock(due.ToDateTimeOffset().AddSeconds(-30));
        var seeder = await LocalFunctionsHost.StartAsync(
            new LocalHostOptions
            {
                Port = 0,
                StateDirectory = Path.Combine(state, "seeder"),
                Time = seederClock,
                RunTimers = false,
                PollQueues = false,
                QuietLogs = true,
                Settings = new Dictionary<string, string?>
                {
                    ["AzureWebJobsStorage"] = azurite.ConnectionString,
                    ["SendGrid:ApiKey"] = string.Empty,
                    ["Tokens:CurrentSecret"] = TokenSecret,
                },
            },
            CancellationToken.None);
        return new FaultWorld(azurite, seeder, seederClock, WireMockServer.Start(), state, due);
    }

    /// <summary>
    /// Stops Azurite as an outage would (SIGTERM, so it saves what it acknowledged, as real storage keeps it), leaves it
    /// down for <paramref name="outage"/>, and starts it again on the same ports over the same data.
    /// </summary>
    /// <returns>How long storage did not answer.</returns>
    public async Task<TimeSpan> RestartStorageAsync(TimeSpan outage)
    {
        var old = Azurite;
        var down = Stopwatch.StartNew();
        using (var terminate = Process.Start("kill", ["-TERM", old.ProcessId.ToString(CultureInfo.InvariantCulture)]))
        {
            await terminate.WaitForExitAsync();
        }

        // Azurite stops listening at once and saves as it closes, but never exits while its stdin (the exit-with-parent
        // watch) is open: wait for the ports to close and the save to finish, then end the process.
        await WaitUntilAsync(
            async () => !await AzuriteProcess.IsListeningAsync(old.TablePort) && !await AzuriteProcess.IsListeningAsync(old.QueuePort) && !await AzuriteProcess.IsListeningAsync(old.BlobPort),
            TimeSpan.FromSeconds(30),
            () => "Azurite kept listening after SIGTERM",
            TimeSpan.FromMilliseconds(50));
        await Task.Delay(TimeSpan.FromSeconds(1));
        await old.DisposeAsync();
        await Task.Delay(outage);
        Azurite = await AzuriteProcess.StartAsync(
            new AzuriteStartOptions { BlobPort = old.BlobPort, QueuePort = old.QueuePort, TablePort = old.TablePort, Location = Path.Combine(state, "azurite") },
            CancellationToken.None);
        return down.Elapsed;
    }

    /// <summary>How SendGrid answers from now on (the default accepts everything at once).</summary>
    public void AnswerWith(Func<SendGridRequest, Task<IResponseMessage>> answer) => this.answer = answer;

    /// <summary>The settings the child runs with: this storage and SendGrid, the timer every two seconds, and short leases and claim ages so a restart settles in seconds rather than minutes.</summary>
    public Dictionary<string, string> Settings(IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = Azurite.ConnectionString,
            ["SendGrid__ApiKey"] = "SG.fault-suite",
            ["SendGrid__Host"] = sendGrid.Url!,
            ["Tokens__CurrentSecret"] = TokenSecret,
            ["LocalHost__FunctionKey"] = FunctionKey,
            ["LocalHost__MasterKey"] = MasterKey,
            ["DispatchSchedule"] = "*/2 * * * * *",
            ["Dispatch__LeaseMinutes"] = "1",
            ["Storage__UnstartedClaimAge"] = "00:00:02",
            ["Storage__StartedSendAge"] = StartedSendAge.ToString("c", CultureInfo.InvariantCulture),
            ["LocalHost__QueueLease"] = QueueLease.ToString("c", CultureInfo.InvariantCulture),
            ["AzureFunctionsJobHost__extensions__queues__visibilityTimeout"] = "00:00:01",
        };
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            settings[name] = value;
        }

        return settings;
    }

    /// <summary>Starts <c>serve</c> as a child process with <see cref="Settings"/>.</summary>
    /// <remarks>Every process started here is killed when the world is disposed, whatever the test did.</remarks>
    public async Task<ServeProcess> ServeAsync(IReadOnlyDictionary<string, string>? extra = null)
    {
        var serve = await ServeProcess.StartAsync(Settings(extra), Path.Combine(state, "serve"), Log);
        processes.Add(serve);
        return serve;
    }

    /// <summary>
    /// The same host <c>serve</c> runs, in this process on <paramref name="clock"/> with its timer and queues driven by the
    /// test, against this storage and SendGrid: two of them are two Functions instances whose timers fire at once.
    /// </summary>
    public async Task<LocalFunctionsHost> InProcessHostAsync(ManualClock clock)
    {
        var host = await LocalFunctionsHost.StartAsync(
            new LocalHostOptions
            {
                Port = 0,
                StateDirectory = Path.Combine(state, "host-" + Guid.NewGuid().ToString("N")),
                Time = clock,
                RunTimers = false,
                PollQueues = false,
                QuietLogs = true,
                Settings = new Dictionary<string, string?>
                {
                    ["AzureWebJobsStorage"] = Azurite.ConnectionString,
                    ["SendGrid:ApiKey"] = "SG.fault-suite",
                    ["SendGrid:Host"] = sendGrid.Url,
                    ["Tokens:CurrentSecret"] = TokenSecret,
                    ["Dispatch:InitialLookbackMinutes"] = "1",
                    ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00",
                },
            },
            CancellationToken.None);
        hosts.Add(host);
        return host;
    }

    /// <summary>
    /// Adds <paramref name="count"/> confirmed UTC subscribers whose prompt is due at <see cref="Due"/>, or, with
    /// <paramref name="minutes"/> above one, spread over that many minutes up to it (person <c>i</c> due
    /// <c>i % minutes</c> minutes earlier), so a dispatcher tick walks several buckets.
    /// </summary>
    public async Task<IReadOnlyList<Person>> SeedAsync(int count, int minutes = 1)
    {
        var people = new Person[count];
        var subscriptions = seeder.Services.GetRequiredService<SubscriptionService>();
        for (var minute = 0; minute < minutes; minute++)
        {
            // The seeder's clock stands just before each group's minute, so the first prompt it schedules is the one due then.
            var due = Due - Duration.FromMinutes(minute);
            seederClock.Set(due.ToDateTimeOffset().AddSeconds(-30));
            var time = due.InUtc().TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture);
            var group = Enumerable.Range(0, count).Where(index => index % minutes == minute);
            await Parallel.ForEachAsync(group, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (index, token) =>
            {
                var email = string.Create(CultureInfo.InvariantCulture, $"fault{index:000}@example.com");
                Assert.True(SignUpRequest.TryCreate(email, "Etc/UTC", time, null, null, out var request, out var error), error);
                var subscriber = await subscriptions.AddConfirmedAsync(request!, token);
                people[index] = new Person(subscriber.Id, email, string.Create(CultureInfo.InvariantCulture, $"zq{index:000}x"), due);
            });
        }

        seederClock.Set(Due.ToDateTimeOffset().AddSeconds(-30));
        return people;
    }

    /// <summary>Runs serve's dispatcher tick now, as the Functions host's admin API does; answers when the tick is done (or throws if serve died meanwhile).</summary>
    public static async Task RunTickAsync(ServeProcess serve)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{serve.BaseUrl}/admin/functions/DispatchDueFunction");
        request.Headers.Add("x-functions-key", MasterKey);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>Messages on the <c>outbound</c> queue (visible or not): more than none once a tick has queued jobs.</summary>
    public async Task<int> OutboundQueuedAsync()
    {
        var queue = new QueueClient(Azurite.ConnectionString, "outbound");
        return await queue.ExistsAsync() ? (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount : 0;
    }

    /// <summary>
    /// The prompt rows of the wheel for these people: how many are still in a bucket at or before their due minute (not yet
    /// rolled), and whose single prompt row is the next day's (the tick wrote the following occurrence and removed the due
    /// one); anyone else has none, or more than one.
    /// </summary>
    public async Task<WheelCounts> WheelAsync(IReadOnlyList<Person> people)
    {
        var byId = people.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var rows = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var service = new TableServiceClient(Azurite.ConnectionString);
        await foreach (var table in service.QueryAsync())
        {
            if (!ScheduleShard().IsMatch(table.Name))
            {
                continue;
            }

            await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>(filter: "Kind eq 'prompt'"))
            {
                if (row.GetString("SubscriberId") is { } id && byId.ContainsKey(id))
                {
                    (rows.TryGetValue(id, out var buckets) ? buckets : rows[id] = []).Add(row.PartitionKey);
                }
            }
        }

        var due = people.Count(p => rows.GetValueOrDefault(p.Id, []).Contains(Compersion.Core.Scheduling.ScheduleBucket.Of(p.DueAt).Key, StringComparer.Ordinal));
        var rolled = people.Count(p => rows.GetValueOrDefault(p.Id, []) is [var only] && only == Compersion.Core.Scheduling.ScheduleBucket.Of(p.DueAt + Duration.FromDays(1)).Key);
        return new WheelCounts(due, rolled, people.Count - rolled);
    }

    /// <summary>A reply to today's prompt, as SendGrid's raw mode posts it: five gratitudes, one with a person, each carrying the person's marker.</summary>
    public MultipartFormDataContent ReplyPost(Person person)
    {
        var signer = seeder.Services.GetRequiredService<TokenSigner>();
        var mail = seeder.Services.GetRequiredService<IOptions<MailOptions>>().Value;
        var reply = new MimeMessage();
        reply.From.Add(MailboxAddress.Parse(person.Email));
        reply.To.Add(MailboxAddress.Parse(ReplyAddress.For(signer, mail, TokenPurpose.Prompt, person.Id, DueDate)));
        reply.Subject = "Re: Five good things";
        reply.MessageId = $"{person.Marker}@mail.example.com";
        var m = person.Marker;
        reply.Body = new TextPart("plain")
        {
            Text = $"1. Coffee with Sam at the {m} cafe\n2. The rain on the {m} window\n3. My sister got the {m} job she wanted\n4. Warm {m} socks\n5. A long call with Mum about {m}\n",
        };
        return InboundParsePost.Raw(reply);
    }

    /// <summary>Posts every reply to the webhook as SendGrid does: whatever was not answered 200 (the process died, storage was down) is posted again until it is.</summary>
    /// <param name="url">Where serve is, read again before each round (it moves when the process restarts).</param>
    /// <param name="people">Whose replies to post.</param>
    /// <param name="deadline">When to give up.</param>
    /// <param name="pace">The pause before each post, so the posts span the faults rather than all arriving first.</param>
    /// <returns>How many replies were not answered 200 at least once and had to be posted again.</returns>
    public async Task<int> PostRepliesAsync(Func<string> url, IReadOnlyList<Person> people, TimeSpan deadline, TimeSpan pace)
    {
        var pending = new ConcurrentQueue<Person>(people);
        var retried = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        while (!pending.IsEmpty)
        {
            Assert.True(clock.Elapsed < deadline, $"{pending.Count} replies were never answered 200 within {deadline.TotalSeconds} s");
            var round = pending.ToArray();
            pending.Clear();
            await Parallel.ForEachAsync(round, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (person, token) =>
            {
                await Task.Delay(pace, token);
                try
                {
                    using var response = await http.PostAsync($"{url()}/api/inbound/sendgrid?code={FunctionKey}", ReplyPost(person), token);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                }

                retried[person.Id] = true;
                pending.Enqueue(person);
            });
            if (!pending.IsEmpty)
            {
                await Task.Delay(500);
            }
        }

        return retried.Count;
    }

    /// <summary>Waits until <paramref name="done"/> holds, polling every <paramref name="poll"/> (half a second by default).</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> done, TimeSpan timeout, Func<string> explain, TimeSpan? poll = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(clock.Elapsed < timeout, $"not settled within {timeout.TotalSeconds} s: {explain()}");
            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(500));
        }
    }

    /// <summary>Prompt requests SendGrid has received so far.</summary>
    public int PromptRequests => Requests.Count(r => r.Category == "prompt");

    /// <summary>
    /// Waits until every prompt has an outcome (sent or uncertain), every reply is ingested and no queue holds anything,
    /// then counts what a subscriber would notice: prompts missing or sent more than once (and whether each extra send was
    /// reported by event 3101), replies not stored exactly once, outbox rows left <c>Claimed</c>, poison messages and
    /// rows written into another subscriber's partition.
    /// </summary>
    public async Task<FaultCounts> SettleAndCountAsync(IReadOnlyList<Person> people, IReadOnlyList<Person> repliers, Xunit.Abstractions.ITestOutputHelper output)
    {
        var progress = string.Empty;
        await WaitUntilAsync(
            async () =>
            {
                var outbox = await OutboxAsync();
                var stages = await InboundStagesAsync();
                var queued = await QueuedAsync();
                progress = $"outbox {string.Join(", ", outbox.Select(o => $"{o.Key} {o.Value.Count}"))}; inbound stages {string.Join(", ", stages.Select(s => $"{s.Key}: {s.Value}"))}; queued {queued}";
                return !outbox.ContainsKey("Claimed") &&
                       outbox.GetValueOrDefault("Sent", []).Count + outbox.GetValueOrDefault("Uncertain", []).Count == people.Count &&
                       stages.GetValueOrDefault(3) == repliers.Count &&
                       queued == 0;
            },
            TimeSpan.FromSeconds(120),
            () => progress + Environment.NewLine + string.Join(Environment.NewLine, Log.Where(l => !l.StartsWith("info:", StringComparison.Ordinal)).TakeLast(40)));

        var sent = PromptsPerRecipient();
        var resent = Events(3101);
        int Reported(Person p) => resent.Count(line => line.Contains($"{p.Id}-prompt-", StringComparison.Ordinal));
        var doubled = people.Where(p => sent.GetValueOrDefault(p.Email) > 1).ToList();
        var unreported = people.Where(p => sent.GetValueOrDefault(p.Email) > 1 + Reported(p)).ToList();
        var notStored = 0;
        foreach (var person in people)
        {
            var items = await ItemsAsync(person);
            var expected = repliers.Contains(person) ? 5 : 0;
            if (items.Count != expected || items.Any(i => !i.Contains(person.Marker, StringComparison.Ordinal)))
            {
                output.WriteLine($"{person.Marker}: {items.Count} items stored, {expected} expected");
                notStored++;
            }
        }

        foreach (var person in unreported.Take(2))
        {
            output.WriteLine($"{person.Email} ({person.Id}) was sent {sent[person.Email]} prompts:");
            foreach (var line in Log.Where(l => l.Contains(person.Id, StringComparison.Ordinal)))
            {
                output.WriteLine(line);
            }
        }

        var outboxRows = await OutboxAsync();
        var (foreign, ownSeen) = await CrossWritesAsync(people);
        return new FaultCounts(
            Lost: people.Count(p => sent.GetValueOrDefault(p.Email) == 0),
            RepliesNotStoredOnce: notStored,
            SentMoreThanOnce: doubled.Count,
            ExtraSends: doubled.Sum(p => sent[p.Email] - 1),
            ReportedResends: resent.Count,
            Unreported: unreported.Count,
            Uncertain: outboxRows.GetValueOrDefault("Uncertain", []).Count,
            Claimed: outboxRows.GetValueOrDefault("Claimed", []).Count,
            Poisoned: await PoisonedAsync(),
            CrossWrites: foreign.Count,
            PartitionsWithOwnReply: ownSeen);
    }

    /// <summary>Prompt requests SendGrid received, per recipient.</summary>
    public IReadOnlyDictionary<string, int> PromptsPerRecipient() =>
        Requests.Where(r => r.Category == "prompt").GroupBy(r => r.Recipient, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Outbox rows by status (Claimed, Sent, Uncertain, …), with the job ids of each.</summary>
    public async Task<IReadOnlyDictionary<string, List<string>>> OutboxAsync()
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await foreach (var row in new TableClient(Azurite.ConnectionString, "outbox").QueryAsync<TableEntity>())
        {
            var status = row.GetString("Status") ?? "?";
            if (!result.TryGetValue(status, out var jobs))
            {
                result[status] = jobs = [];
            }

            jobs.Add(row.GetString("JobId") ?? row.PartitionKey + "/" + row.RowKey);
        }

        return result;
    }

    /// <summary>Inbound ledger rows by stage (3 is done).</summary>
    public async Task<IReadOnlyDictionary<int, int>> InboundStagesAsync()
    {
        var stages = new Dictionary<int, int>();
        await foreach (var row in new TableClient(Azurite.ConnectionString, "inbound").QueryAsync<TableEntity>())
        {
            var stage = row.GetInt32("Stage") ?? -1;
            stages[stage] = stages.GetValueOrDefault(stage) + 1;
        }

        return stages;
    }

    /// <summary>Messages left on the queues the child serves (visible or not).</summary>
    public async Task<int> QueuedAsync()
    {
        var total = 0;
        foreach (var name in new[] { "outbound", "inbound", "outbound-poison", "inbound-poison" })
        {
            var queue = new QueueClient(Azurite.ConnectionString, name);
            if (await queue.ExistsAsync())
            {
                total += (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
            }
        }

        return total;
    }

    /// <summary>Poison messages (a job or reply given up on).</summary>
    public async Task<int> PoisonedAsync()
    {
        var total = 0;
        foreach (var name in new[] { "outbound-poison", "inbound-poison" })
        {
            var queue = new QueueClient(Azurite.ConnectionString, name);
            if (await queue.ExistsAsync())
            {
                total += (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
            }
        }

        return total;
    }

    /// <summary>The gratitudes stored for a person on <see cref="DueDate"/>.</summary>
    public async Task<IReadOnlyList<string>> ItemsAsync(Person person)
    {
        var export = await seeder.Services.GetRequiredService<ExportService>().ExportAsync(person.Email);
        return [.. (export?.Entries ?? []).SelectMany(e => e.Items.Select(i => $"{e.Date} {i.Text}"))];
    }

    /// <summary>
    /// Rows in a subscriber's partition that carry another person's marker, and outbox rows whose job names another
    /// subscriber; also how many partitions held their own marker (so the check is seen to look).
    /// </summary>
    public async Task<(IReadOnlyList<string> Foreign, int OwnMarkersSeen)> CrossWritesAsync(IReadOnlyList<Person> people)
    {
        var byMarker = people.ToDictionary(p => p.Marker, p => p.Id, StringComparer.Ordinal);
        var foreign = new List<string>();
        var own = new HashSet<string>(StringComparer.Ordinal);
        var service = new TableServiceClient(Azurite.ConnectionString);
        await foreach (var table in service.QueryAsync())
        {
            if (!SubscriberTable().IsMatch(table.Name))
            {
                continue;
            }

            await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                foreach (var text in row.Select(pair => pair.Value).OfType<string>().Append(row.RowKey))
                {
                    foreach (Match match in Marker().Matches(text))
                    {
                        if (byMarker.TryGetValue(match.Value, out var owner) && owner != row.PartitionKey)
                        {
                            foreign.Add($"{table.Name} {row.PartitionKey}/{row.RowKey} holds {match.Value}");
                        }
                        else if (owner == row.PartitionKey)
                        {
                            own.Add(owner);
                        }
                    }
                }
            }
        }

        await foreach (var row in new TableClient(Azurite.ConnectionString, "outbox").QueryAsync<TableEntity>())
        {
            if (row.GetString("JobId") is { } job && !job.StartsWith(row.PartitionKey + "-", StringComparison.Ordinal))
            {
                foreign.Add($"outbox {row.PartitionKey}/{row.RowKey} holds job {job}");
            }
        }

        return (foreign, own.Count);
    }

    /// <summary>Log lines at Warning or above with the given event id.</summary>
    public IReadOnlyList<string> Events(int eventId) =>
        [.. Log.Where(line => line.Contains($"[{eventId}]", StringComparison.Ordinal))];

    public async ValueTask DisposeAsync()
    {
        foreach (var process in processes)
        {
            await process.DisposeAsync();
        }

        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }

        sendGrid.Stop();
        sendGrid.Dispose();
        await seeder.DisposeAsync();
        await Azurite.DisposeAsync();
        try
        {
            Directory.Delete(state, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>SendGrid's answer to a send it accepted.</summary>
    public static IResponseMessage Accepted()
    {
        var response = new ResponseMessage { StatusCode = 202 };
        response.AddHeader("X-Message-Id", Guid.NewGuid().ToString("N"));
        return response;
    }

    /// <summary>An answer with only a status (and headers).</summary>
    public static IResponseMessage Status(int status, params (string Name, string Value)[] headers)
    {
        var response = new ResponseMessage { StatusCode = status };
        foreach (var (name, value) in headers)
        {
            response.AddHeader(name, value);
        }

        return response;
    }

    [GeneratedRegex("^subscribers[0-9]{2}$")]
    private static partial Regex SubscriberTable();

    [GeneratedRegex("^schedule[0-9]{2}$")]
    private static partial Regex ScheduleShard();

    [GeneratedRegex("zq[0-9]{3}x")]
    private static partial Regex Marker();

    private async Task<IResponseMessage> RecordAsync(IRequestMessage request)
    {
        using var json = JsonDocument.Parse(request.Body ?? "{}");
        var root = json.RootElement;
        var recipient = root.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString() ?? "?";
        var category = root.TryGetProperty("categories", out var categories) && categories.GetArrayLength() > 0 ? categories[0].GetString() ?? "?" : "?";
        var sent = new SendGridRequest(recipient, category, Requests.Count(r => r.Recipient == recipient && r.Category == category) + 1);
        Requests.Enqueue(sent);
        return await answer(sent);
    }

    /// <summary>What <see cref="SettleAndCountAsync"/> found.</summary>
    public sealed record FaultCounts(
        int Lost, int RepliesNotStoredOnce, int SentMoreThanOnce, int ExtraSends, int ReportedResends, int Unreported,
        int Uncertain, int Claimed, int Poisoned, int CrossWrites, int PartitionsWithOwnReply)
    {
        /// <summary>Nothing lost, nothing doubled without a warning, nothing stuck, nothing in someone else's partition.</summary>
        public void AssertNothingLostOrSilentlyDoubled(int replies)
        {
            Assert.Equal(0, Lost);
            Assert.Equal(0, RepliesNotStoredOnce);
            Assert.Equal(0, Unreported);
            Assert.Equal(0, Claimed);
            Assert.Equal(0, Poisoned);
            Assert.Equal(0, CrossWrites);
            Assert.Equal(replies, PartitionsWithOwnReply);
        }

        public override string ToString() =>
            $"lost {Lost}, replies not stored once {RepliesNotStoredOnce}, prompts sent more than once {SentMoreThanOnce} " +
            $"({ExtraSends} extra sends, {ReportedResends} reported as event 3101, unreported {Unreported}), uncertain {Uncertain}, " +
            $"claimed {Claimed}, poisoned {Poisoned}, cross-subscriber writes {CrossWrites}";
    }

    /// <summary>A seeded subscriber: id, address, the marker every line of their reply carries, and when their first prompt is due.</summary>
    public sealed record Person(string Id, string Email, string Marker, Instant DueAt);

    /// <summary>What <see cref="WheelAsync"/> found: people whose due row is still in its bucket, people whose one prompt row is the next day's, and the rest.</summary>
    public sealed record WheelCounts(int DueRowsLeft, int RolledToTomorrow, int NotRolled);

    /// <summary>One request SendGrid received: to whom, which kind of mail, and which attempt for that recipient and kind it was.</summary>
    public sealed record SendGridRequest(string Recipient, string Category, int Attempt);
}
