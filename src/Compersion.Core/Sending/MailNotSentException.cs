namespace Compersion.Core.Sending;

/// <summary>
/// Thrown when a mail certainly was not sent, so the queue redelivers the job later (and after five
/// attempts moves it to the poison queue, from where an operator replays it). The outbox row was released.
/// </summary>
public sealed class MailNotSentException : Exception
{
    /// <summary>Creates the exception with an address-free reason.</summary>
    public MailNotSentException(string reason)
        : base($"Mail not sent: {reason}")
    {
    }

    /// <summary>Creates the exception.</summary>
    public MailNotSentException()
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public MailNotSentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
