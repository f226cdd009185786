using System.Collections.Concurrent;
using System.Diagnostics;
using Compersion.Development;

namespace Compersion.Benchmarks;

/// <summary>Tallies the HTTP requests sent to Azurite by scenario step, table or queue, and operation.</summary>
/// <remarks>
/// <para>It listens to <see cref="HttpClient"/>'s own activities (one per attempt, retries included, the same thing
/// <c>StorageRoundTrips</c> counts) and files each under the innermost <see cref="Step"/> it ran in, so the
/// breakdown holds even while the dispatcher and the queue worker run at the same time.</para>
/// <para>Requests to anything but Azurite's blob, table and queue ports (the loopback SendGrid, a benchmark's own webhook) are ignored.</para>
/// </remarks>
internal sealed class StorageRequestLog : IDisposable
{
    private const string StepSourceName = "Compersion.Benchmarks.Steps";
    private const string HttpSourceName = "System.Net.Http";

    private static readonly ActivitySource StepSource = new(StepSourceName);

    private readonly ActivityListener listener;
    private readonly int blobPort;
    private readonly int tablePort;
    private readonly int queuePort;
    private readonly ConcurrentDictionary<StorageRequestKind, Tally> tallies = new();

    /// <summary>Starts listening for requests to <paramref name="azurite"/>.</summary>
    public StorageRequestLog(AzuriteProcess azurite)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        blobPort = azurite.BlobPort;
        tablePort = azurite.TablePort;
        queuePort = azurite.QueuePort;
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is StepSourceName or HttpSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(listener);
    }

    /// <summary>Requests counted since creation or the last <see cref="Reset"/>.</summary>
    public long Total => tallies.Values.Sum(tally => tally.Count);

    /// <summary>Marks the code run until disposal as one step; storage requests made inside it are filed under <paramref name="name"/>.</summary>
    public static Activity? Step(string name) => StepSource.StartActivity(name);

    /// <summary>Forgets everything counted so far.</summary>
    public void Reset() => tallies.Clear();

    /// <summary>The counts so far, largest first within each step.</summary>
    public IReadOnlyList<StorageRequestTally> Snapshot() =>
    [
        .. tallies
            .Where(pair => pair.Value.Count > 0)
            .Select(pair => new StorageRequestTally(
                pair.Key,
                pair.Value.Count,
                TimeSpan.FromTicks(pair.Value.DurationTicks / pair.Value.Count),
                TimeSpan.FromTicks(pair.Value.LastEndTicks - pair.Value.FirstStartTicks)))
            .OrderBy(row => row.Kind.Step, StringComparer.Ordinal)
            .ThenByDescending(row => row.Count),
    ];

    /// <inheritdoc />
    public void Dispose() => listener.Dispose();

    private void Record(Activity activity)
    {
        if (activity.Source.Name != HttpSourceName ||
            activity.GetTagItem("url.full") is not string url ||
            !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return;
        }

        var service = uri.Port == tablePort ? "table" : uri.Port == queuePort ? "queue" : uri.Port == blobPort ? "blob" : null;
        if (service is null)
        {
            return;
        }

        var method = activity.GetTagItem("http.request.method") as string ?? activity.DisplayName;
        var kind = new StorageRequestKind(StepOf(activity), service, ResourceOf(uri), OperationOf(service, method, uri));
        var tally = tallies.GetOrAdd(kind, _ => new Tally());
        Interlocked.Increment(ref tally.Count);
        Interlocked.Add(ref tally.DurationTicks, activity.Duration.Ticks);
        var start = activity.StartTimeUtc.Ticks;
        Lower(ref tally.FirstStartTicks, start);
        Raise(ref tally.LastEndTicks, start + activity.Duration.Ticks);
    }

    private static void Lower(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value < current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    private static void Raise(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    private static string StepOf(Activity activity)
    {
        for (var parent = activity.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent.Source.Name == StepSourceName)
            {
                return parent.OperationName;
            }
        }

        return "(no step)";
    }

    // "/devstoreaccount1/outbox(PartitionKey='…',RowKey='…')" is the outbox table; "/devstoreaccount1/outbound/messages/…" the outbound queue.
    // The 32 shards subscribers00 … subscribers31 are tallied as one, "subscribers**".
    private static string ResourceOf(Uri uri)
    {
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resource = segments.Length > 1 ? segments[1] : "(account)";
        var parenthesis = resource.IndexOf('(', StringComparison.Ordinal);
        resource = parenthesis > 0 ? resource[..parenthesis] : resource;
        return resource.Length == "subscribers".Length + 2 && resource.StartsWith("subscribers", StringComparison.Ordinal) && char.IsAsciiDigit(resource[^1]) && char.IsAsciiDigit(resource[^2])
            ? "subscribers**"
            : resource;
    }

    private static string OperationOf(string service, string method, Uri uri)
    {
        var path = uri.AbsolutePath;
        if (service == "queue")
        {
            var hasMessageId = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Length > 3;
            return method switch
            {
                "POST" => "send message",
                "GET" => "receive messages",
                "DELETE" when hasMessageId => "delete message",
                "DELETE" => "clear messages",
                "PUT" => hasMessageId ? "update message" : "create queue",
                _ => method,
            };
        }

        if (service == "blob")
        {
            // HttpClient redacts the query, so a whole upload, a staged block and a block-list commit all read as PUT.
            return method switch
            {
                "PUT" => "PUT (upload, block or commit)",
                "GET" => "download",
                "HEAD" => "properties",
                _ => method,
            };
        }

        var pointed = path.Contains("(PartitionKey", StringComparison.Ordinal);
        return method switch
        {
            "GET" when pointed => "point read",
            "GET" => "query",
            "POST" when path.EndsWith("$batch", StringComparison.Ordinal) => "transaction",
            "POST" => "insert",
            "PUT" => "replace or upsert",
            "PATCH" or "MERGE" => "merge or upsert",
            "DELETE" => "delete",
            _ => method,
        };
    }

    private sealed class Tally
    {
        public long Count;
        public long DurationTicks;
        public long FirstStartTicks = long.MaxValue;
        public long LastEndTicks;
    }
}
