using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace Compersion.Cli.Hosting;

/// <summary>The queue trigger's host settings, read like the Functions host does: host.json, overridden by <c>AzureFunctionsJobHost__extensions__queues__*</c>.</summary>
/// <param name="MaxDequeueCount">Attempts before a message moves to <c>&lt;queue&gt;-poison</c>.</param>
/// <param name="BatchSize">Messages fetched and run at once.</param>
/// <param name="VisibilityTimeout">How long a failed message stays invisible before the next attempt.</param>
internal sealed record QueueSettings(int MaxDequeueCount, int BatchSize, TimeSpan VisibilityTimeout)
{
    /// <summary>Reads host.json next to the app (linked from the repository root), then configuration overrides.</summary>
    public static QueueSettings Load(IConfiguration configuration)
    {
        var maxDequeue = 5;
        var batch = 16;
        var visibility = TimeSpan.Zero;
        var hostJson = Path.Combine(AppContext.BaseDirectory, "host.json");
        if (File.Exists(hostJson) && JsonNode.Parse(File.ReadAllText(hostJson))?["extensions"]?["queues"] is JsonObject queues)
        {
            maxDequeue = (int?)queues["maxDequeueCount"] ?? maxDequeue;
            batch = (int?)queues["batchSize"] ?? batch;
            if ((string?)queues["visibilityTimeout"] is { } text)
            {
                visibility = TimeSpan.Parse(text, CultureInfo.InvariantCulture);
            }
        }

        var overrides = configuration.GetSection("AzureFunctionsJobHost:extensions:queues");
        maxDequeue = overrides.GetValue("maxDequeueCount", maxDequeue);
        batch = overrides.GetValue("batchSize", batch);
        if (overrides["visibilityTimeout"] is { } overridden)
        {
            visibility = TimeSpan.Parse(overridden, CultureInfo.InvariantCulture);
        }

        return new QueueSettings(maxDequeue, Math.Clamp(batch, 1, 32), visibility);
    }
}
