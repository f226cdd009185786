using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Compersion.Core.Inbound;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using Compersion.Development;
using Compersion.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Compersion.Benchmarks;

/// <summary>
/// The webhook under an open loop (issue 13's target): ~20 KB posts sent at a fixed rate on schedule, not waiting for
/// answers, while the queue-triggered ingestor runs alongside as the host would; then a step through rates, webhook only.
/// </summary>
/// <remarks>
/// Targets: at 200 posts/s for 60 s, p99 ack under 50 ms, no post lost (every post has a finished ledger row), and the
/// ingestion queue drained within 30 s of the last post. Each ack is timed from the moment the post was due, so a
/// sender that falls behind shows as latency instead of hiding it (no coordinated omission).
/// </remarks>
internal static class OpenLoopScenario
{
    /// <summary>The p99 ack target, milliseconds.</summary>
    public const double TargetP99Milliseconds = 50;

    /// <summary>How soon after the last post the ingestion queue must be drained.</summary>
    public static readonly TimeSpan TargetDrain = TimeSpan.FromSeconds(30);

    private const int PostSize = 20 * 1024;
    private const int SeedParallelism = 32;
    private const int WarmUpPosts = 200;
    private const string Zone = "Europe/London";
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(20);

    // How long a post waits for its answer; SendGrid's own wait is not documented, and a post unanswered this long is a
    // failure either way (counted as non-200, never ending the run).
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs the measured rate, then the steps; returns the exit code.</summary>
    public static async Task<int> RunAsync(OpenLoopOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return await ScenarioLimit.RunAsync(RunTimeout, output, token => RunPhasesAsync(options, output, token), cancellationToken);
    }

    private static async Task<int> RunPhasesAsync(OpenLoopOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"Starting Azurite, the loopback SendGrid and the webhook ({Environment.ProcessorCount} cores; load average {LoadAverage()})...");
        await using var azurite = await AzuriteProcess.StartAsync(null, cancellationToken);
        await using var sendGrid = await LoopbackSendGrid.StartAsync(cancellationToken);
        await using var services = BenchmarkServices.Create(azurite.ConnectionString, TimeProvider.System, sendGrid.BaseAddress);
        await services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(cancellationToken);
        await using var webhook = await InboundWebhook.StartAsync(services.GetRequiredService<InboundReceiver>(), cancellationToken);
        using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) }) { Timeout = ClientTimeout };
        var queue = services.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.Inbound);

        var count = options.Rate * options.Seconds;
        var seeding = Stopwatch.StartNew();
        var senders = await SeedAsync(services, options.Subscribers, cancellationToken);
        var posts = Enumerable.Range(0, WarmUpPosts + count)
            .Select(index => InboundPost.Reply(senders[index % senders.Length].Email, senders[index % senders.Length].ReplyAddress, PostSize))
            .ToArray();
        await output.WriteLineAsync(
            $"Seeded {senders.Length:N0} confirmed subscribers and built {posts.Length:N0} distinct replies of {posts[0].Body.Length / 1024.0:0.0} KB in {seeding.Elapsed.TotalSeconds:0.0} s.");

        // The ingestor runs from the start, as the host's queue trigger would, and must handle every post, warm-up included.
        var ingestor = services.GetRequiredService<ReplyIngestor>();
        var worker = new QueueTriggerWorker<IngestOutcome>(queue, async (name, token) => [await ingestor.IngestAsync(name, token)], InboundScenario.IngestStep, HostQueueSettings.Load(options.BatchSize));
        var ingestion = Stopwatch.StartNew();
        using var stopWorker = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var working = worker.ServeAsync(stopWorker.Token);

        var warmUp = await SendAsync(client, webhook.Address, posts.AsMemory(0, WarmUpPosts), Math.Min(options.Rate, 100), cancellationToken);
        var cpuBefore = (ProcessFigures.CpuTimeOf(Environment.ProcessId), ProcessFigures.CpuTimeOf(azurite.ProcessId));
        var loadBefore = LoadAverage();
        await output.WriteLineAsync($"Sending {count:N0} posts at {options.Rate}/s for {options.Seconds} s (open loop), the ingestor taking batches of {options.BatchSize} alongside; load average {loadBefore}...");
        var sent = await SendAsync(client, webhook.Address, posts.AsMemory(WarmUpPosts), options.Rate, cancellationToken);
        var lastAck = ingestion.Elapsed;
        var cpu = (ProcessFigures.CpuTimeOf(Environment.ProcessId) - cpuBefore.Item1, ProcessFigures.CpuTimeOf(azurite.ProcessId) - cpuBefore.Item2);
        var loadAfter = LoadAverage();
        var succeeded = sent.Failures == 0 && warmUp.Failures == 0;
        await output.WriteLineAsync();
        await output.WriteLineAsync($"Webhook at {options.Rate}/s (ack timed from when each post was due; load average before {loadBefore}, after {loadAfter}):");
        await WriteAcksAsync(output, sent);
        await output.WriteLineAsync(
            $"  CPU: this process {cpu.Item1.TotalSeconds:0.0} s, Azurite {cpu.Item2.TotalSeconds:0.0} s, of {sent.Elapsed.TotalSeconds * Environment.ProcessorCount:0.0} core-seconds " +
            $"(the ingestor's work included: both run at once)");
        succeeded &= sent.Percentile(0.99) < TargetP99Milliseconds;

        // Every post answered 200 must be ingested; one answered 5xx would be posted again by SendGrid, and is not counted here.
        var stored = posts.Length - warmUp.Failures - sent.Failures;
        var waitUntil = ingestion.Elapsed + TimeSpan.FromMinutes(5);
        while (worker.Handled < stored && ingestion.Elapsed < waitUntil)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        var drainedInTime = worker.Handled >= stored;
        var drain = ingestion.Elapsed - lastAck;
        await stopWorker.CancelAsync();
        await working;
        var waiting = (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        var ledger = await LedgerStagesAsync(services, cancellationToken);
        var done = ledger.GetValueOrDefault(InboundStage.Done);
        await output.WriteLineAsync();
        await output.WriteLineAsync(
            $"Ingestion: {(drainedInTime ? $"queue drained {drain.TotalSeconds:0.0} s after the last post's ack" : "NOT drained within 5 minutes")} " +
            $"(target <= {TargetDrain.TotalSeconds:0} s: {Verdict(drainedInTime && drain <= TargetDrain)}); messages still waiting {waiting}");
        await output.WriteLineAsync(
            $"  outcomes: {string.Join(", ", worker.Outcomes.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key} {pair.Value:N0}"))}; failed attempts {worker.Failed}" +
            (worker.FirstFailure is { } failure ? $" (first: {failure})" : string.Empty));
        await output.WriteLineAsync(
            $"  ledger rows: {string.Join(", ", ledger.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key} {pair.Value:N0}"))}; " +
            $"posts answered 200: {stored:N0} of {posts.Length:N0} (warm-up included; a 5xx is retried by SendGrid); answered 200 but not ingested: {Math.Max(0, stored - done):N0}");
        succeeded &= drainedInTime && drain <= TargetDrain && done >= stored && waiting == 0;

        if (options.StepRates.Count > 0)
        {
            await StepAsync(options, output, client, webhook.Address, queue, posts, cancellationToken);
        }

        if (!succeeded)
        {
            await output.WriteLineAsync("A TARGET WAS MISSED or a post was lost: see above.");
        }

        return succeeded ? 0 : 1;
    }

    // Webhook only: the ingestor is stopped and the queue emptied between steps, so a backlog from one rate never slows the next.
    private static async Task StepAsync(OpenLoopOptions options, TextWriter output, HttpClient client, Uri webhook, QueueClient queue, InboundPost[] posts, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync($"Steps, webhook only ({options.StepSeconds} s each, the queue emptied between steps):");
        int? crossed = null;
        foreach (var rate in options.StepRates)
        {
            await queue.ClearMessagesAsync(cancellationToken);
            var load = LoadAverage();
            var step = await SendAsync(client, webhook, Enumerable.Range(0, rate * options.StepSeconds).Select(index => posts[index % posts.Length]).ToArray(), rate, cancellationToken);
            var p99 = step.Percentile(0.99);
            await output.WriteLineAsync(
                $"  {rate,4}/s: p50 {step.Percentile(0.50),7:0.0} ms, p99 {p99,7:0.0} ms, max {step.Acks[^1],7:0.0} ms; {step.Count / step.Elapsed.TotalSeconds,5:0}/s answered; non-200 {step.Failures} ({step.Timeouts} timed out); load average {load}");
            if (crossed is null && p99 >= TargetP99Milliseconds)
            {
                crossed = rate;
            }
        }

        await queue.ClearMessagesAsync(cancellationToken);
        await output.WriteLineAsync(crossed is { } at
            ? $"  p99 first reached {TargetP99Milliseconds} ms at {at}/s"
            : $"  p99 stayed under {TargetP99Milliseconds} ms up to {options.StepRates.Max()}/s");
    }

    // Open loop: post i is due at start + i/rate and is sent then, whether or not earlier posts were answered.
    private static async Task<AckTimes> SendAsync(HttpClient client, Uri webhook, ReadOnlyMemory<InboundPost> posts, int rate, CancellationToken cancellationToken)
    {
        var acks = new double[posts.Length];
        var failures = 0;
        var timeouts = 0;
        var maxLate = 0.0;
        var running = new Task[posts.Length];
        var start = Stopwatch.GetTimestamp();
        for (var index = 0; index < posts.Length; index++)
        {
            var due = start + (long)(index * (double)Stopwatch.Frequency / rate);
            var ahead = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (ahead > TimeSpan.FromMilliseconds(2))
            {
                await Task.Delay(ahead - TimeSpan.FromMilliseconds(1), cancellationToken);
            }

            while (Stopwatch.GetTimestamp() < due)
            {
                Thread.SpinWait(20);
            }

            maxLate = Math.Max(maxLate, Stopwatch.GetElapsedTime(due).TotalMilliseconds);
            var slot = index;
            var post = posts.Span[index];
            running[index] = Task.Run(
                async () =>
                {
                    try
                    {
                        using var response = await client.PostAsync(webhook, post.ToContent(), cancellationToken);
                        if (!response.IsSuccessStatusCode)
                        {
                            Interlocked.Increment(ref failures);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        Interlocked.Increment(ref failures);
                    }
                    catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        // The client's timeout: no answer within it is, for SendGrid, a failed post it sends again.
                        Interlocked.Increment(ref timeouts);
                        Interlocked.Increment(ref failures);
                    }

                    acks[slot] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
                },
                cancellationToken);
        }

        await Task.WhenAll(running);
        var elapsed = Stopwatch.GetElapsedTime(start);
        Array.Sort(acks);
        return new AckTimes(acks, failures, timeouts, elapsed, maxLate);
    }

    private static async Task WriteAcksAsync(TextWriter output, AckTimes sent)
    {
        await output.WriteLineAsync(
            $"  p50 {sent.Percentile(0.50):0.0} ms, p95 {sent.Percentile(0.95):0.0} ms, p99 {sent.Percentile(0.99):0.0} ms, max {sent.Acks[^1]:0.0} ms " +
            $"(target p99 < {TargetP99Milliseconds} ms: {Verdict(sent.Percentile(0.99) < TargetP99Milliseconds)}); non-200 answers {sent.Failures} ({sent.Timeouts} of them no answer within the client's {ClientTimeout.TotalMinutes:0} minutes)");
        await output.WriteLineAsync($"  {sent.Count:N0} posts over {sent.Elapsed.TotalSeconds:0.0} s ({sent.Count / sent.Elapsed.TotalSeconds:0.0}/s); the sender was at most {sent.MaxLateMilliseconds:0.0} ms behind schedule");
    }

    private static async Task<(string Email, string ReplyAddress)[]> SeedAsync(IServiceProvider services, int count, CancellationToken cancellationToken)
    {
        var subscriptions = services.GetRequiredService<SubscriptionService>();
        var signer = services.GetRequiredService<TokenSigner>();
        var inboundDomain = services.GetRequiredService<IOptions<MailOptions>>().Value.InboundDomain;
        var today = Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow()).InZone(DateTimeZoneProviders.Tzdb[Zone]).Date;
        var senders = new (string, string)[count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = SeedParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (index, token) =>
        {
            var email = $"open{index}@example.com";
            var subscriber = await subscriptions.AddConfirmedAsync(new SignUpRequest(email, Zone, new LocalTime(20, 0), IsoDayOfWeek.Sunday, Subscriber.DefaultDigestTime), token);
            senders[index] = (email, $"reply+{signer.ForReply(TokenPurpose.Prompt, subscriber.Id, today)}@{inboundDomain}");
        });
        return senders;
    }

    // The inbound ledger's rows by stage: one per distinct post, Done once ingested and answered.
    private static async Task<Dictionary<InboundStage, int>> LedgerStagesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var table = services.GetRequiredService<TableServiceClient>().GetTableClient(services.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix + "inbound");
        var stages = new Dictionary<InboundStage, int>();
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["Stage"], cancellationToken: cancellationToken))
        {
            var stage = (InboundStage)(row.GetInt32("Stage") ?? -1);
            stages[stage] = stages.GetValueOrDefault(stage) + 1;
        }

        return stages;
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string Verdict(bool met) => met ? "met" : "MISSED";

    private sealed record AckTimes(double[] Acks, int Failures, int Timeouts, TimeSpan Elapsed, double MaxLateMilliseconds)
    {
        public int Count => Acks.Length;

        public double Percentile(double quantile) => Percentiles.Of(Acks, quantile);
    }
}
