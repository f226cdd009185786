using Compersion.Core.Scheduling;
using Microsoft.Extensions.Logging;

namespace Compersion.Core.Inbound;

/// <summary>
/// The Inbound Parse webhook's one job: put the raw post somewhere safe, queue a pointer, and only then say 200.
/// </summary>
/// <remarks>
/// SendGrid retries a post for up to 72 hours only after a 5xx, and silently drops it after a 4xx or 3xx.
/// So: nothing is parsed here (a parser bug must never lose a reply), every post we could store is
/// acknowledged, and only a storage failure answers 5xx. Mail that later turns out to be unusable is
/// quarantined by ingestion, never refused here.
/// </remarks>
public sealed partial class InboundReceiver(IInboundArchive archive, IInboundQueue queue, TimeProvider time, ILogger<InboundReceiver> logger)
{
    /// <summary>Archives and queues one post.</summary>
    public async Task<InboundReceipt> ReceiveAsync(Stream body, string? contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        string name;
        try
        {
            name = await archive.StoreAsync(body, contentType, time.GetUtcNow(), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && exception is not OutOfMemoryException)
        {
            LogStoreFailed(logger, exception.GetType().Name, StatusOf(exception), CodeOf(exception));
            return InboundReceipt.RetryLater;
        }

        try
        {
            await queue.EnqueueAsync(name, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && exception is not OutOfMemoryException)
        {
            // The post is archived; a retry from SendGrid stores a second copy, which ingestion de-duplicates by Message-ID.
            LogQueueFailed(logger, name, exception.GetType().Name, StatusOf(exception), CodeOf(exception));
            return InboundReceipt.RetryLater;
        }

        LogStored(logger, name);
        return InboundReceipt.Stored;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbound post archived as {Name} and queued")]
    private static partial void LogStored(ILogger logger, string name);

    // What storage answered, for the log (the adapters report it through StorageFailureException): "503", or "none" when no
    // answer came or the failure was not storage's.
    private static string StatusOf(Exception exception) =>
        exception is StorageFailureException { Status: { } status } ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none";

    private static string CodeOf(Exception exception) => (exception as StorageFailureException)?.ErrorCode ?? "none";

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbound post could not be archived ({Error}, storage status {StorageStatus}, {StorageCode}); asking SendGrid to retry")]
    private static partial void LogStoreFailed(ILogger logger, string error, string storageStatus, string storageCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbound post {Name} archived but not queued ({Error}, storage status {StorageStatus}, {StorageCode}); asking SendGrid to retry")]
    private static partial void LogQueueFailed(ILogger logger, string name, string error, string storageStatus, string storageCode);
}
