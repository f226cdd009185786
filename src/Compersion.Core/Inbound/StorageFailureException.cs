namespace Compersion.Core.Inbound;

/// <summary>
/// A storage request behind a port failed: carries what the storage service answered (its HTTP status and error code),
/// so a log line can say why without Core knowing the storage SDK. Never carries the data that was being stored.
/// </summary>
public sealed class StorageFailureException : Exception
{
    /// <summary>Creates the exception from the storage service's answer.</summary>
    /// <param name="status">The HTTP status storage answered; null when no answer came (a refused connection, a timeout).</param>
    /// <param name="errorCode">The storage error code (<c>ServerBusy</c>, <c>OperationTimedOut</c> …), or a short word for no answer.</param>
    /// <param name="innerException">The storage client's exception.</param>
    public StorageFailureException(int? status, string? errorCode, Exception innerException)
        : base($"Storage request failed (status {(status is { } code ? code.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none")}, {errorCode ?? "no error code"})", innerException)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    /// <summary>Creates the exception.</summary>
    public StorageFailureException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StorageFailureException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public StorageFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status storage answered; null when no answer came.</summary>
    public int? Status { get; }

    /// <summary>The storage error code, or a short word for no answer; null when unknown.</summary>
    public string? ErrorCode { get; }
}
