using System.Diagnostics;
using Compersion.Core.Inbound;
using Compersion.Core.Photos;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using Compersion.Development;
using Compersion.Storage;
using ImageMagick;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Compersion.Benchmarks;

/// <summary>
/// Photos from replies: a reply with four large photos is acknowledged by the webhook as fast as one without (it is
/// stored, not read), and ingesting it (reading the mail, four thumbnails, four uploads) grows this process's working
/// set by less than 100 MB.
/// </summary>
internal static class PhotosScenario
{
    /// <summary>The working-set growth target while one reply with four photos is ingested, bytes.</summary>
    public const long TargetGrowthBytes = 100L * 1024 * 1024;

    private const string Zone = "Europe/London";
    private const double Megabyte = 1024 * 1024;

    /// <summary>Runs both phases and reports; returns the exit code.</summary>
    public static async Task<int> RunAsync(int rounds, uint width, uint height, int quality, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync($"Starting Azurite, the loopback SendGrid and the webhook ({Environment.ProcessorCount} cores; load average {File.ReadAllText("/proc/loadavg").Trim()})...");
        var photo = Photo(width, height, quality);
        await output.WriteLineAsync($"Photo: {width}×{height} JPEG, quality {quality}: {photo.Length / Megabyte:0.00} MB; four of them attached");
        await using var azurite = await AzuriteProcess.StartAsync(null, cancellationToken);
        await using var sendGrid = await LoopbackSendGrid.StartAsync(cancellationToken);
        await using var services = BenchmarkServices.Create(azurite.ConnectionString, TimeProvider.System, sendGrid.BaseAddress);
        await services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(cancellationToken);
        var receiver = services.GetRequiredService<InboundReceiver>();
        await using var webhook = await InboundWebhook.StartAsync(receiver, cancellationToken);
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var inboundDomain = services.GetRequiredService<IOptions<MailOptions>>().Value.InboundDomain;
        var signer = services.GetRequiredService<TokenSigner>();
        var today = Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow()).InZone(DateTimeZoneProviders.Tzdb[Zone]).Date;
        var subscriptions = services.GetRequiredService<SubscriptionService>();

        async Task<(Subscriber Subscriber, string Address)> NewSubscriberAsync(int index)
        {
            var email = $"photographer{index}@example.com";
            var subscriber = await subscriptions.AddConfirmedAsync(new SignUpRequest(email, Zone, new LocalTime(20, 0), IsoDayOfWeek.Sunday, Subscriber.DefaultDigestTime), cancellationToken);
            return (subscriber, $"reply+{signer.ForReply(TokenPurpose.Prompt, subscriber.Id, today)}@{inboundDomain}");
        }

        // 1. Ingestion, first, while this process has held no large post yet (a working set does not shrink after a
        // collection): one reply with four photos archived, then ingested as the queue trigger would. ImageMagick is
        // loaded by one small thumbnail before the baseline, as it would be by an instance's first photo.
        using (var small = new MagickImage("plasma:", 64, 64))
        {
            services.GetRequiredService<IPhotoImaging>().Read(small.ToByteArray(MagickFormat.Jpeg));
        }

        var archive = services.GetRequiredService<IInboundArchive>();
        var ingestor = services.GetRequiredService<ReplyIngestor>();
        var store = services.GetRequiredService<IPhotoStore>();
        var succeeded = true;
        for (var run = 1; run <= 2; run++)
        {
            var (subscriber, replyAddress) = await NewSubscriberAsync(run);
            var post = InboundPost.Reply(subscriber.Email, replyAddress, 4 * 1024, photo, copies: 4);
            string name;
            await using (var body = post.OpenRead())
            {
                name = await archive.StoreAsync(body, post.ContentType, TimeProvider.System.GetUtcNow(), cancellationToken);
            }

            post = null;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var baseline = (WorkingSet: Environment.WorkingSet, Heap: GC.GetTotalMemory(forceFullCollection: false));
            var memory = new MemorySampler();
            var watch = Stopwatch.StartNew();
            IngestOutcome outcome;
            try
            {
                outcome = await ingestor.IngestAsync(name, cancellationToken);
            }
            finally
            {
                await memory.DisposeAsync();
            }

            var elapsed = watch.Elapsed;
            var kept = await store.ListAsync(subscriber.Id, today, cancellationToken);
            var growth = memory.PeakWorkingSet - baseline.WorkingSet;
            var measured = run == 1;
            succeeded &= outcome == IngestOutcome.Journaled && kept.Count == 4 && kept.All(p => p.HasThumbnail);
            if (measured)
            {
                succeeded &= growth < TargetGrowthBytes;
            }

            await output.WriteLineAsync();
            await output.WriteLineAsync($"Ingestion {(measured ? "(measured)" : "(a second one, after the first's memory: reported)")}: {outcome}, {kept.Count} photos kept with thumbnails in {elapsed.TotalMilliseconds:0} ms");
            await output.WriteLineAsync(
                $"  peak growth: working set {growth / Megabyte:0} MB, managed heap {(memory.PeakManagedHeap - baseline.Heap) / Megabyte:0} MB " +
                (measured ? $"(target < {TargetGrowthBytes / Megabyte:0} MB: {(growth < TargetGrowthBytes ? "met" : "MISSED")}); " : "; ") +
                $"baseline working set {baseline.WorkingSet / Megabyte:0} MB");
        }

        // 2. Ack: the same reply with and without four photos, alternately, one at a time.
        var (first, address) = await NewSubscriberAsync(0);

        var plain = InboundPost.Reply(first.Email, address, 4 * 1024);
        var withPhotos = InboundPost.Reply(first.Email, address, 4 * 1024, photo, copies: 4);
        await output.WriteLineAsync($"Posts: {plain.Body.Length / 1024.0:0.0} KB without photos, {withPhotos.Body.Length / Megabyte:0.0} MB with four (limit {InboundLimits.MaxRequestBodyBytes / Megabyte:0} MB; SendGrid posts at most 30 MB)");
        var plainAcks = new List<double>();
        var photoAcks = new List<double>();
        var photoStatus = 0;
        var (ourCpu, azuriteCpu) = (TimeSpan.Zero, TimeSpan.Zero);
        for (var round = 0; round < rounds + 1; round++)
        {
            var (plainMs, _) = await PostAsync(client, webhook.Address, plain, cancellationToken);
            var cpuBefore = (Ours: ProcessFigures.CpuTimeOf(Environment.ProcessId), Azurite: ProcessFigures.CpuTimeOf(azurite.ProcessId));
            var (photoMs, status) = await PostAsync(client, webhook.Address, withPhotos, cancellationToken);
            photoStatus = status;
            if (round > 0)
            {
                plainAcks.Add(plainMs);
                photoAcks.Add(photoMs);
                ourCpu += ProcessFigures.CpuTimeOf(Environment.ProcessId) - cpuBefore.Ours;
                azuriteCpu += ProcessFigures.CpuTimeOf(azurite.ProcessId) - cpuBefore.Azurite;
            }
        }

        plainAcks.Sort();
        photoAcks.Sort();
        await output.WriteLineAsync();
        await output.WriteLineAsync($"Webhook ack over {rounds} rounds after one warm-up (request sent to response headers, loopback):");
        await output.WriteLineAsync($"  without photos: median {Median(plainAcks):0.0} ms, max {plainAcks[^1]:0.0} ms");
        await output.WriteLineAsync($"  with four photos ({withPhotos.Body.Length / Megabyte:0.0} MB, answered {photoStatus}): median {Median(photoAcks):0.0} ms, max {photoAcks[^1]:0.0} ms");
        await output.WriteLineAsync(
            $"  with photos / without: {Median(photoAcks) / Median(plainAcks):0}× the time (target: as fast: {(photoStatus != 200 ? "not measured, the post was refused" : Median(photoAcks) <= 2 * Median(plainAcks) ? "met" : "MISSED")}); " +
            $"{withPhotos.Body.Length / Megabyte / (Median(photoAcks) / 1000):0} MB/s into the archive. Nothing in the post is read before the 200: the time is the post's bytes reaching storage");

        await output.WriteLineAsync(
            $"  CPU per post with photos: {ourCpu.TotalMilliseconds / rounds:0} ms in this process (the client sending it and the webhook storing it), " +
            $"{azuriteCpu.TotalMilliseconds / rounds:0} ms in Azurite (one Node.js thread: no ack can be shorter than its share)");
        succeeded &= photoStatus == 200;
        await output.WriteLineAsync($"Load average after the run: {File.ReadAllText("/proc/loadavg").Trim()}");
        return succeeded ? 0 : 1;
    }

    private static async Task<(double Milliseconds, int Status)> PostAsync(HttpClient client, Uri address, InboundPost post, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.PostAsync(address, post.ToContent(), cancellationToken);
            return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, (int)response.StatusCode);
        }
        catch (HttpRequestException)
        {
            // A post over the body limit is cut off while it is still being sent: reported as status 0.
            return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, 0);
        }
    }

    private static double Median(List<double> sorted) => sorted[sorted.Count / 2];

    // A photo-like JPEG: smooth plasma with sensor-like noise, so it compresses as a camera's does.
    private static byte[] Photo(uint width, uint height, int quality)
    {
        using var image = new MagickImage("plasma:", width, height);
        image.AddNoise(NoiseType.Gaussian, 0.6);
        image.Quality = (uint)quality;
        return image.ToByteArray(MagickFormat.Jpeg);
    }
}
