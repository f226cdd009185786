using System.Diagnostics;
using System.Runtime;
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
/// The largest Inbound Parse posts, in memory: one ~30 MB reply, then as many as host.json's batch at once, posted to the
/// webhook and ingested by the queue-triggered ingestor over Azurite, with this process's working set and managed heap
/// sampled ten times a second.
/// </summary>
/// <remarks>
/// Targets (issue 13): ingesting one post costs less than twice its size in extra memory at peak, and a batch of 16
/// ingested at once keeps the process under 1 GB. Both of SendGrid's modes are posted: raw (the whole message in the
/// <c>email</c> field, the photo base64-encoded in it) and parsed (text and html fields, the photo as a file field).
/// </remarks>
internal static class LargeInboundScenario
{
    /// <summary>Extra memory one post may cost at peak, as a multiple of its size.</summary>
    public const double TargetGrowthPerPostSize = 2;

    /// <summary>The process's peak working set while a batch is ingested, bytes.</summary>
    public const long TargetBatchPeakBytes = 1024L * 1024 * 1024;

    private const string Zone = "Europe/London";
    private const double Megabyte = 1024 * 1024;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(8);

    /// <summary>Runs both modes (or the one asked for) and reports; returns the exit code.</summary>
    public static async Task<int> RunAsync(LargeInboundOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RunTimeout);
        try
        {
            await output.WriteLineAsync($"Starting Azurite, the loopback SendGrid and the webhook ({Environment.ProcessorCount} cores)...");
            await using var azurite = await AzuriteProcess.StartAsync(null, timeout.Token);
            await using var sendGrid = await LoopbackSendGrid.StartAsync(timeout.Token);
            await using var services = BenchmarkServices.Create(azurite.ConnectionString, TimeProvider.System, sendGrid.BaseAddress);
            await services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(timeout.Token);
            await using var webhook = await InboundWebhook.StartAsync(services.GetRequiredService<InboundReceiver>(), timeout.Token);
            using var run = new Run(services, webhook.Address, sendGrid, options, output);
            var succeeded = true;
            foreach (var parsed in options.Modes)
            {
                succeeded &= await run.ModeAsync(parsed, timeout.Token);
            }

            if (!succeeded)
            {
                await output.WriteLineAsync("NOT CONSISTENT or MISSED: see above.");
            }

            return succeeded ? 0 : 1;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await output.WriteLineAsync($"The run did not finish within {RunTimeout.TotalMinutes} minutes.");
            return 1;
        }
    }

    private sealed class Run(ServiceProvider services, Uri webhook, LoopbackSendGrid sendGrid, LargeInboundOptions options, TextWriter output) : IDisposable
    {
        private readonly HttpClient client = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromMinutes(4) };
        private readonly QueueClient queue = services.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.Inbound);
        private readonly string inboundDomain = services.GetRequiredService<IOptions<MailOptions>>().Value.InboundDomain;
        private readonly TokenSigner signer = services.GetRequiredService<TokenSigner>();
        private readonly LocalDate today = Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow()).InZone(DateTimeZoneProviders.Tzdb[Zone]).Date;
        private int subscribers;

        public void Dispose() => client.Dispose();

        public async Task<bool> ModeAsync(bool parsed, CancellationToken cancellationToken)
        {
            var mode = parsed ? "parsed mode (photo as a file field)" : "raw mode (photo base64 in the email field)";
            await output.WriteLineAsync();
            await output.WriteLineAsync($"== {mode}");
            var succeeded = true;
            foreach (var count in new[] { 1, options.Batch })
            {
                await queue.ClearMessagesAsync(cancellationToken);
                var senders = await SeedAsync(count, cancellationToken);
                var posts = senders.Select(sender => LargePostFile.Write(sender.Email, sender.ReplyAddress, parsed ? options.ParsedAttachmentBytes : options.RawAttachmentBytes, parsed)).ToArray();
                var postBytes = posts[0].Length;
                int acked;
                Growth webhookGrowth;
                try
                {
                    (acked, webhookGrowth) = await MeasureAsync(() => PostAsync(posts, cancellationToken));
                }
                finally
                {
                    foreach (var post in posts)
                    {
                        post.Dispose();
                    }
                }

                await output.WriteLineAsync(
                    $"{count} post{(count == 1 ? string.Empty : "s")} of {postBytes / Megabyte:0.0} MB ({postBytes:N0} bytes) at once: {acked} of {count} answered 200; " +
                    $"webhook peak growth: working set {webhookGrowth.WorkingSet / Megabyte:0} MB, managed heap {webhookGrowth.Heap / Megabyte:0} MB");
                succeeded &= acked == count;

                var ingestor = services.GetRequiredService<ReplyIngestor>();
                var worker = new QueueTriggerWorker<IngestOutcome>(queue, async (name, token) => [await ingestor.IngestAsync(name, token)], InboundScenario.IngestStep, HostQueueSettings.Load(options.Batch));
                var acceptedBefore = sendGrid.Accepted;
                var watch = new Stopwatch();
                var (_, growth) = await MeasureAsync(async () =>
                {
                    watch.Start();
                    await worker.RunAsync(count, cancellationToken);
                    watch.Stop();
                    return 0;
                });
                var journaled = worker.Outcomes.GetValueOrDefault(IngestOutcome.Journaled);
                var receipts = sendGrid.Accepted - acceptedBefore;
                var perPost = Math.Max(growth.WorkingSet, growth.Heap) / (double)postBytes;
                await output.WriteLineAsync(
                    $"  ingested in {watch.Elapsed.TotalSeconds:0.0} s (batch {options.Batch}): journaled {journaled} of {count}, failed {worker.Failed}, receipts {receipts}" +
                    (worker.FirstFailure is { } failure ? $"; first failure: {failure}" : string.Empty));
                await output.WriteLineAsync(
                    $"  ingestion peak growth: working set {growth.WorkingSet / Megabyte:0} MB, managed heap {growth.Heap / Megabyte:0} MB " +
                    $"= {perPost:0.00}x one post's size{(count == 1 ? $" (target < {TargetGrowthPerPostSize}x: {Verdict(perPost < TargetGrowthPerPostSize)})" : $", {perPost / count:0.00}x per post")}; " +
                    $"peak working set {growth.PeakWorkingSet / Megabyte:0} MB{(count > 1 ? $" (target < {TargetBatchPeakBytes / Megabyte:0} MB: {Verdict(growth.PeakWorkingSet < TargetBatchPeakBytes)})" : string.Empty)}, " +
                    $"baseline {growth.BaselineWorkingSet / Megabyte:0} MB");
                succeeded &= journaled == count && worker.Failed == 0 && receipts == count;
                succeeded &= count == 1 ? perPost < TargetGrowthPerPostSize : growth.PeakWorkingSet < TargetBatchPeakBytes;
            }

            return succeeded;
        }

        private static async Task<(T Result, Growth Growth)> MeasureAsync<T>(Func<Task<T>> action)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var baseline = (WorkingSet: Environment.WorkingSet, Heap: GC.GetTotalMemory(forceFullCollection: false));
            var memory = new MemorySampler();
            T result;
            try
            {
                result = await action();
            }
            finally
            {
                await memory.DisposeAsync();
            }

            return (result, new Growth(memory.PeakWorkingSet - baseline.WorkingSet, memory.PeakManagedHeap - baseline.Heap, memory.PeakWorkingSet, baseline.WorkingSet));
        }

        private async Task<int> PostAsync(LargePostFile[] posts, CancellationToken cancellationToken)
        {
            var answers = await Task.WhenAll(posts.Select(async post =>
            {
                using var response = await client.PostAsync(webhook, post.ToContent(), cancellationToken);
                return response.IsSuccessStatusCode;
            }));
            return answers.Count(ok => ok);
        }

        private async Task<(string Email, string ReplyAddress)[]> SeedAsync(int count, CancellationToken cancellationToken)
        {
            var subscriptions = services.GetRequiredService<SubscriptionService>();
            var seeded = new List<(string, string)>();
            for (var index = 0; index < count; index++)
            {
                var email = $"large{Interlocked.Increment(ref subscribers)}@example.com";
                var subscriber = await subscriptions.AddConfirmedAsync(new SignUpRequest(email, Zone, new LocalTime(20, 0), IsoDayOfWeek.Sunday, Subscriber.DefaultDigestTime), cancellationToken);
                seeded.Add((email, $"reply+{signer.ForReply(TokenPurpose.Prompt, subscriber.Id, today)}@{inboundDomain}"));
            }

            return [.. seeded];
        }
    }

    private sealed record Growth(long WorkingSet, long Heap, long PeakWorkingSet, long BaselineWorkingSet);

    private static string Verdict(bool met) => met ? "met" : "MISSED";
}
