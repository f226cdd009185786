using System.Diagnostics;
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
/// Inbound Parse under load, against Azurite over real HTTP: the webhook acknowledges a ~20 KB post in under 50 ms
/// at the 99th percentile with 50 clients posting; a 30 MB post grows this process by less than 200 MB; and the
/// queue-triggered ingestor journals at least 100 replies/s.
/// </summary>
/// <remarks>
/// The webhook is <see cref="InboundWebhook"/> (Kestrel calling <see cref="InboundReceiver"/> as the function does);
/// ingestion is <see cref="ReplyIngestor.IngestAsync"/> driven by <see cref="QueueTriggerWorker{TOutcome}"/> as the host
/// drives <c>IngestInboundFunction</c>. Receipts go through the real SendGrid sender to <see cref="LoopbackSendGrid"/>.
/// </remarks>
internal static class InboundScenario
{
    /// <summary>Step name for <see cref="ReplyIngestor.IngestAsync"/>.</summary>
    public const string IngestStep = "ingest handler";

    /// <summary>The p99 ack target, milliseconds.</summary>
    public const double TargetP99Milliseconds = 50;

    /// <summary>The memory-growth target for one 30 MB post, bytes.</summary>
    public const long TargetGrowthBytes = 200L * 1024 * 1024;

    /// <summary>The ingestion target, replies per second.</summary>
    public const double TargetRepliesPerSecond = 100;

    private const int PostSize = 20 * 1024;
    private const int AttachmentSize = 22 * 1024 * 1024;
    private const int SeedParallelism = 32;
    private const string Zone = "Europe/London";
    private const double Megabyte = 1024 * 1024;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(4);

    /// <summary>Runs the three phases and reports; returns the exit code.</summary>
    public static async Task<int> RunAsync(InboundOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return await ScenarioLimit.RunAsync(RunTimeout, output, token => RunPhasesAsync(options, output, token), cancellationToken);
    }

    private static async Task<int> RunPhasesAsync(InboundOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"Starting Azurite, the loopback SendGrid and the webhook ({Environment.ProcessorCount} cores)...");
        await using var azurite = await AzuriteProcess.StartAsync(null, cancellationToken);
        await using var sendGrid = await LoopbackSendGrid.StartAsync(cancellationToken);
        await using var services = BenchmarkServices.Create(azurite.ConnectionString, TimeProvider.System, sendGrid.BaseAddress);
        using var requests = new StorageRequestLog(azurite);
        await services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(cancellationToken);
        var receiver = services.GetRequiredService<InboundReceiver>();
        await using var webhook = await InboundWebhook.StartAsync(receiver, cancellationToken);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency + 1 }) { Timeout = TimeSpan.FromMinutes(2) };
        var roundTrips = services.GetRequiredService<StorageRoundTrips>();
        var queue = services.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.Inbound);
        var inboundDomain = services.GetRequiredService<IOptions<MailOptions>>().Value.InboundDomain;
        var signer = services.GetRequiredService<TokenSigner>();
        var today = Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow()).InZone(DateTimeZoneProviders.Tzdb[Zone]).Date;
        var succeeded = true;

        // 1. Ack latency: posts from one sender (the webhook never looks inside), many distinct bodies.
        var posts = Enumerable.Range(0, 16)
            .Select(index => InboundPost.Reply($"poster{index}@example.com", $"reply+{signer.ForReply(TokenPurpose.Prompt, SubscriberId.New(), today)}@{inboundDomain}", PostSize))
            .ToArray();
        var warmUp = Math.Min(options.Posts, Math.Max(options.Concurrency * 4, 200));
        await output.WriteLineAsync($"Webhook: {warmUp:N0} warm-up posts, then {options.Posts:N0} posts of {posts[0].Body.Length / 1024.0:0.0} KB from {options.Concurrency} clients...");
        await PostAllAsync(client, webhook.Address, posts, warmUp, options.Concurrency, cancellationToken);
        var cpuBefore = (ProcessFigures.CpuTimeOf(Environment.ProcessId), ProcessFigures.CpuTimeOf(azurite.ProcessId));
        roundTrips.Reset();
        requests.Reset();
        var run = Stopwatch.StartNew();
        var (acks, failures) = await PostAllAsync(client, webhook.Address, posts, options.Posts, options.Concurrency, cancellationToken);
        var elapsed = run.Elapsed;
        var cpu = (ProcessFigures.CpuTimeOf(Environment.ProcessId) - cpuBefore.Item1, ProcessFigures.CpuTimeOf(azurite.ProcessId) - cpuBefore.Item2);
        Array.Sort(acks);
        var p99 = Percentiles.Of(acks, 0.99);
        succeeded &= failures == 0;
        await output.WriteLineAsync();
        await output.WriteLineAsync("Webhook ack latency (client-measured, request sent to response headers):");
        await output.WriteLineAsync(
            $"  p50 {Percentiles.Of(acks, 0.50):0.0} ms, p95 {Percentiles.Of(acks, 0.95):0.0} ms, p99 {p99:0.0} ms, max {acks[^1]:0.0} ms " +
            $"(target p99 < {TargetP99Milliseconds} ms: {Verdict(p99 < TargetP99Milliseconds)}); non-200 answers {failures}");
        await output.WriteLineAsync($"  {options.Posts / elapsed.TotalSeconds:0} posts/s over {elapsed.TotalSeconds:0.00} s; storage round trips {roundTrips.Count:N0} = {(double)roundTrips.Count / options.Posts:0.00} per post");
        await WriteCpuAsync(output, cpu, elapsed, options.Posts, "post");
        await EndToEndReport.WriteRequestsAsync(output, requests.Snapshot(), options.Posts, "post", roundTrips.Count);

        // 2. One 30 MB post: the body is built before the baseline, so only the webhook's own buffers show as growth.
        var large = InboundPost.Reply("poster@example.com", $"reply+{signer.ForReply(TokenPurpose.Prompt, SubscriberId.New(), today)}@{inboundDomain}", PostSize, RandomBytes(AttachmentSize));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = (WorkingSet: Environment.WorkingSet, Heap: GC.GetTotalMemory(forceFullCollection: false));
        var memory = new MemorySampler();
        TimeSpan largeAck;
        bool largeStored;
        try
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.PostAsync(webhook.Address, large.ToContent(), cancellationToken);
            largeAck = watch.Elapsed;
            largeStored = response.IsSuccessStatusCode;
        }
        finally
        {
            await memory.DisposeAsync();
        }

        var growth = (WorkingSet: memory.PeakWorkingSet - baseline.WorkingSet, Heap: memory.PeakManagedHeap - baseline.Heap);
        succeeded &= largeStored;
        await output.WriteLineAsync();
        await output.WriteLineAsync($"One {large.Body.Length / Megabyte:0.0} MB post ({AttachmentSize / Megabyte:0} MB attachment): {(largeStored ? "200" : "NOT STORED")} after {largeAck.TotalMilliseconds:0} ms");
        await output.WriteLineAsync(
            $"  peak growth during the post: working set {growth.WorkingSet / Megabyte:0} MB, managed heap {growth.Heap / Megabyte:0} MB " +
            $"(target < {TargetGrowthBytes / Megabyte:0} MB: {Verdict(Math.Max(growth.WorkingSet, growth.Heap) < TargetGrowthBytes)}); " +
            $"baseline working set {baseline.WorkingSet / Megabyte:0} MB, heap {baseline.Heap / Megabyte:0} MB");

        // 3. Ingestion: the webhook's messages are set aside; N replies from distinct confirmed subscribers are archived and queued.
        await queue.ClearMessagesAsync(cancellationToken);
        var seeding = Stopwatch.StartNew();
        await SeedRepliesAsync(services, receiver, options.Replies, inboundDomain, today, cancellationToken);
        await output.WriteLineAsync();
        await output.WriteLineAsync($"Ingestion: seeded {options.Replies:N0} confirmed subscribers and archived one ~{PostSize / 1024} KB reply each in {seeding.Elapsed.TotalSeconds:0.0} s; " +
            $"worker takes batches of {options.BatchSize}, the next at {options.BatchSize / 2} running...");
        var ingestor = services.GetRequiredService<ReplyIngestor>();
        var worker = new QueueTriggerWorker<IngestOutcome>(queue, async (name, token) => [await ingestor.IngestAsync(name, token)], IngestStep, HostQueueSettings.Load(options.BatchSize));
        var acceptedBefore = sendGrid.Accepted;
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        cpuBefore = (ProcessFigures.CpuTimeOf(Environment.ProcessId), ProcessFigures.CpuTimeOf(azurite.ProcessId));
        roundTrips.Reset();
        requests.Reset();
        run.Restart();
        await worker.RunAsync(options.Replies, cancellationToken);
        elapsed = run.Elapsed;
        var ingestTrips = roundTrips.Count;
        cpu = (ProcessFigures.CpuTimeOf(Environment.ProcessId) - cpuBefore.Item1, ProcessFigures.CpuTimeOf(azurite.ProcessId) - cpuBefore.Item2);
        var journaled = worker.Outcomes.GetValueOrDefault(IngestOutcome.Journaled);
        var receipts = sendGrid.Accepted - acceptedBefore;
        var perSecond = options.Replies / elapsed.TotalSeconds;
        succeeded &= journaled == options.Replies && worker.Failed == 0 && receipts == journaled;
        await output.WriteLineAsync(
            $"  outcomes: {string.Join(", ", worker.Outcomes.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key} {pair.Value:N0}"))}; failed {worker.Failed}; " +
            $"receipts accepted by the loopback SendGrid {receipts:N0}");
        if (worker.FirstFailure is { } failure)
        {
            await output.WriteLineAsync($"  first failure: {failure}");
        }

        await output.WriteLineAsync($"  {perSecond:0.0} replies/s over {elapsed.TotalSeconds:0.00} s (target >= {TargetRepliesPerSecond}: {Verdict(perSecond >= TargetRepliesPerSecond)})");
        await output.WriteLineAsync($"  storage round trips {ingestTrips:N0} = {(double)ingestTrips / options.Replies:0.00} per reply, the host's receives and deletes included");
        await output.WriteLineAsync($"  allocated {(GC.GetTotalAllocatedBytes() - allocatedBefore) / (double)options.Replies / 1024:0} KB per reply; queue receives {worker.Receives.WithMessages} with messages, {worker.Receives.Empty} empty");
        await WriteCpuAsync(output, cpu, elapsed, options.Replies, "reply");
        await EndToEndReport.WriteRequestsAsync(output, requests.Snapshot(), options.Replies, "reply", ingestTrips);
        await output.WriteLineAsync();
        await output.WriteLineAsync($"Azurite (Node.js) peak working set {ProcessFigures.PeakWorkingSetOf(azurite.ProcessId) / Megabyte:0} MB; this process {ProcessFigures.PeakWorkingSetOf(Environment.ProcessId) / Megabyte:0} MB");
        if (!succeeded)
        {
            await output.WriteLineAsync("NOT CONSISTENT: a post was refused, or not every reply was journaled and answered exactly once; the figures above do not measure the claims.");
        }

        return succeeded ? 0 : 1;
    }

    private static async Task<(double[] AckMilliseconds, int Failures)> PostAllAsync(
        HttpClient client, Uri address, InboundPost[] posts, int count, int concurrency, CancellationToken cancellationToken)
    {
        var acks = new double[count];
        var next = -1;
        var failures = 0;
        var clients = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (var index = Interlocked.Increment(ref next); index < count; index = Interlocked.Increment(ref next))
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync(address, posts[index % posts.Length].ToContent(), cancellationToken);
                acks[index] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        });
        await Task.WhenAll(clients);
        return (acks, failures);
    }

    private static async Task SeedRepliesAsync(IServiceProvider services, InboundReceiver receiver, int count, string inboundDomain, LocalDate today, CancellationToken cancellationToken)
    {
        var subscriptions = services.GetRequiredService<SubscriptionService>();
        var signer = services.GetRequiredService<TokenSigner>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = SeedParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (index, token) =>
        {
            var email = $"reader{index}@example.com";
            var subscriber = await subscriptions.AddConfirmedAsync(new SignUpRequest(email, Zone, new LocalTime(20, 0), IsoDayOfWeek.Sunday, Subscriber.DefaultDigestTime), token);
            var post = InboundPost.Reply(email, $"reply+{signer.ForReply(TokenPurpose.Prompt, subscriber.Id, today)}@{inboundDomain}", PostSize);
            await using var body = post.OpenRead();
            if (await receiver.ReceiveAsync(body, post.ContentType, token) != InboundReceipt.Stored)
            {
                throw new InvalidOperationException("A seeded reply could not be archived.");
            }
        });
    }

    private static async Task WriteCpuAsync(TextWriter output, (TimeSpan Ours, TimeSpan Azurite) cpu, TimeSpan elapsed, int units, string unit) =>
        await output.WriteLineAsync(
            $"  CPU: this process {cpu.Ours.TotalSeconds:0.0} s, Azurite {cpu.Azurite.TotalSeconds:0.0} s, of {elapsed.TotalSeconds * Environment.ProcessorCount:0.0} core-seconds " +
            $"({Environment.ProcessorCount} cores); per {unit} {cpu.Ours.TotalMilliseconds / units:0.00} ms here, {cpu.Azurite.TotalMilliseconds / units:0.00} ms in Azurite (single-threaded Node.js)");

    // Random, like a photo, so nothing on the way can shrink it.
    private static byte[] RandomBytes(int count) => System.Security.Cryptography.RandomNumberGenerator.GetBytes(count);

    private static string Verdict(bool met) => met ? "met" : "MISSED";
}
