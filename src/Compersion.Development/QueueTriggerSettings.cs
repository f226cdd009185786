using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace Compersion.Development;

/// <summary>The queue trigger's host settings, read as the Functions host reads them: host.json, then <c>AzureFunctionsJobHost__extensions__queues__*</c>.</summary>
/// <param name="MaxDequeueCount">Attempts before a message moves to <c>&lt;queue&gt;-poison</c>.</param>
/// <param name="BatchSize">Messages fetched at once (1-32).</param>
/// <param name="NewBatchThreshold">A new batch is fetched once no more than this many messages are still running.</param>
/// <param name="VisibilityTimeout">How long a failed message stays invisible before the next attempt.</param>
public sealed record QueueTriggerSettings(int MaxDequeueCount, int BatchSize, int NewBatchThreshold, TimeSpan VisibilityTimeout)
{
    /// <summary>The Functions host's defaults (maxDequeueCount 5, batchSize 16, newBatchThreshold batchSize / 2).</summary>
    public static QueueTriggerSettings Default { get; } = new(5, 16, 8, TimeSpan.Zero);

    /// <summary>At most this many messages run at once: a batch, plus the threshold's worth fetched while it finishes.</summary>
    public int MaxConcurrency => BatchSize + NewBatchThreshold;

    /// <summary>How long a received message stays invisible while its handler runs (at least <see cref="VisibilityTimeout"/>).</summary>
    /// <remarks>
    /// A message whose process died mid-handler comes back after this long; while its handler runs the lease is renewed
    /// (<see cref="QueueTriggerLoop"/>). The Functions host holds a message longer and renews it too; locally 30 s, or
    /// <c>LocalHost:QueueLease</c> (the fault suite shortens it to restart quickly).
    /// </remarks>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Reads <paramref name="hostJsonPath"/> (default: host.json next to the app, else at the checkout root), then configuration overrides.</summary>
    public static QueueTriggerSettings Load(IConfiguration configuration, string? hostJsonPath = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var maxDequeue = Default.MaxDequeueCount;
        var batch = Default.BatchSize;
        int? threshold = null;
        var visibility = Default.VisibilityTimeout;
        var hostJson = hostJsonPath ?? FindHostJson();
        if (hostJson is not null && File.Exists(hostJson) && JsonNode.Parse(File.ReadAllText(hostJson))?["extensions"]?["queues"] is JsonObject queues)
        {
            maxDequeue = (int?)queues["maxDequeueCount"] ?? maxDequeue;
            batch = (int?)queues["batchSize"] ?? batch;
            threshold = (int?)queues["newBatchThreshold"] ?? threshold;
            if ((string?)queues["visibilityTimeout"] is { } text)
            {
                visibility = TimeSpan.Parse(text, CultureInfo.InvariantCulture);
            }
        }

        var overrides = configuration.GetSection("AzureFunctionsJobHost:extensions:queues");
        maxDequeue = overrides.GetValue("maxDequeueCount", maxDequeue);
        batch = Math.Clamp(overrides.GetValue("batchSize", batch), 1, 32);
        threshold = overrides.GetValue("newBatchThreshold", threshold);
        if (overrides["visibilityTimeout"] is { } overridden)
        {
            visibility = TimeSpan.Parse(overridden, CultureInfo.InvariantCulture);
        }

        var lease = configuration.GetValue("LocalHost:QueueLease", Default.Lease);
        return new QueueTriggerSettings(maxDequeue, batch, Math.Max(0, threshold ?? batch / 2), visibility) { Lease = lease };
    }

    private static string? FindHostJson()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "host.json");
        if (File.Exists(beside))
        {
            return beside;
        }

        return RepositoryRoot.Find() is { } root ? Path.Combine(root, "host.json") : null;
    }
}
