using Compersion.Core.Inbound;

namespace Compersion.Storage;

/// <summary>Turns the storage client's failures into Core's <see cref="StorageFailureException"/>, which says what storage answered (status and error code) without the SDK.</summary>
internal static class StorageFailures
{
    /// <summary>Whether <paramref name="exception"/> is the storage client's: one failed request, or its retries spent (an <see cref="AggregateException"/> of them).</summary>
    public static bool IsStorage(Exception exception) =>
        exception is RequestFailedException || (exception is AggregateException aggregate && aggregate.InnerExceptions.OfType<RequestFailedException>().Any());

    /// <summary>The failure as Core sees it: the last answer storage gave (status 0 means none came).</summary>
    public static StorageFailureException From(Exception exception)
    {
        var last = exception as RequestFailedException ?? (exception as AggregateException)?.InnerExceptions.OfType<RequestFailedException>().LastOrDefault();
        return last is null || last.Status == 0
            ? new StorageFailureException(null, last?.ErrorCode ?? "NoAnswer", exception)
            : new StorageFailureException(last.Status, last.ErrorCode, exception);
    }
}
