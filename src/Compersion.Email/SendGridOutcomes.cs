using System.Globalization;
using System.Net;
using Compersion.Core.Sending;
using Polly.Timeout;

namespace Compersion.Email;

/// <summary>Turns what SendGrid answered (or how the call failed) into a <see cref="SendResult"/>.</summary>
internal static class SendGridOutcomes
{
    /// <summary>The reason when the rate limit outlasted every retry.</summary>
    public const string RateLimited = "sendgrid-429";

    /// <summary>The reason when no connection could be made.</summary>
    public const string ConnectionFailed = "sendgrid-connection-failed";

    /// <summary>The reason when an attempt took too long.</summary>
    public const string TimedOut = "sendgrid-timeout";

    /// <summary>The reason when the transport failed after the connection was made.</summary>
    public const string TransportFailed = "sendgrid-transport-failed";

    /// <summary>Maps SendGrid's final status code.</summary>
    /// <remarks>
    /// A 4xx means SendGrid refused the request and accepted nothing (bad payload, bad key, too large):
    /// NotSent, so the outbox lets a later delivery try again; that retry only helps after the cause is fixed,
    /// which is why the code is in the reason. A 5xx may come after SendGrid queued the mail: Uncertain.
    /// </remarks>
    public static SendResult FromStatusCode(HttpStatusCode statusCode, string? messageId)
    {
        var code = (int)statusCode;
        return code switch
        {
            >= 200 and < 300 => SendResult.Sent(messageId),
            429 => SendResult.NotSent(RateLimited),
            >= 400 and < 500 => SendResult.NotSent(string.Create(CultureInfo.InvariantCulture, $"sendgrid-4xx:{code}")),
            >= 500 and < 600 => SendResult.Uncertain(string.Create(CultureInfo.InvariantCulture, $"sendgrid-5xx:{code}")),
            _ => SendResult.Uncertain(string.Create(CultureInfo.InvariantCulture, $"sendgrid-unexpected:{code}")),
        };
    }

    /// <summary>Maps a failed call that the caller did not cancel; null for an exception that is a bug, not an outcome.</summary>
    public static SendResult? FromException(Exception exception) => exception switch
    {
        HttpRequestException when SendGridRetryRules.IsConnectionNotEstablished(exception) => SendResult.NotSent(ConnectionFailed),
        HttpRequestException => SendResult.Uncertain(TransportFailed),
        TimeoutRejectedException or OperationCanceledException => SendResult.Uncertain(TimedOut),
        _ => null,
    };
}
