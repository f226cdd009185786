using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Compersion.Email;

/// <summary>Which failed SendGrid calls may be tried again, and after how long.</summary>
/// <remarks>
/// SendGrid has no idempotency key, so only attempts that certainly delivered nothing are retried:
/// a 429 (SendGrid refused the request) and a connection that was never established.
/// A 5xx or a timeout may have been accepted and is never retried.
/// </remarks>
internal static class SendGridRetryRules
{
    /// <summary>Retries after the first attempt.</summary>
    public const int MaxRetries = 3;

    /// <summary>SendGrid's rate-limit header: the unix time (seconds) when the limit resets.</summary>
    public const string RateLimitResetHeader = "X-RateLimit-Reset";

    /// <summary>The longest wait for a rate limit; a longer one is better left to the next queue delivery.</summary>
    public static readonly TimeSpan MaxRateLimitDelay = TimeSpan.FromSeconds(60);

    /// <summary>The wait after a 429 that says nothing about when to come back.</summary>
    public static readonly TimeSpan DefaultRateLimitDelay = TimeSpan.FromSeconds(1);

    /// <summary>The shortest wait after a 429, for a reset already passed (or a clock behind SendGrid's).</summary>
    public static readonly TimeSpan MinRateLimitDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>The first wait after a refused connection; it doubles with each retry.</summary>
    public static readonly TimeSpan ConnectionRetryBaseDelay = TimeSpan.FromMilliseconds(250);

    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    /// <summary>Whether an attempt that ended with <paramref name="statusCode"/> or <paramref name="exception"/> is safe to retry.</summary>
    public static bool ShouldRetry(HttpStatusCode? statusCode, Exception? exception) =>
        statusCode == HttpStatusCode.TooManyRequests || (exception is not null && IsConnectionNotEstablished(exception));

    /// <summary>Whether the request certainly never left this machine: the connection was refused or the host could not be found or reached.</summary>
    /// <remarks>Any other transport failure (reset, TLS, a broken response) may have happened after SendGrid read the request.</remarks>
    public static bool IsConnectionNotEstablished(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is not HttpRequestException httpException)
        {
            return false;
        }

        if (httpException.HttpRequestError == HttpRequestError.NameResolutionError)
        {
            return true;
        }

        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socketException)
            {
                return socketException.SocketErrorCode is
                    SocketError.ConnectionRefused or
                    SocketError.HostNotFound or
                    SocketError.HostUnreachable or
                    SocketError.NetworkUnreachable or
                    SocketError.TryAgain;
            }
        }

        return false;
    }

    /// <summary>The wait before retry number <paramref name="attemptNumber"/> (0 for the first retry).</summary>
    public static TimeSpan GetDelay(int attemptNumber, HttpResponseMessage? response, DateTimeOffset now)
    {
        if (response?.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var reset = response.Headers.TryGetValues(RateLimitResetHeader, out var values) ? values.FirstOrDefault() : null;
            return GetRateLimitDelay(reset, response.Headers.RetryAfter, now);
        }

        return GetConnectionRetryDelay(attemptNumber);
    }

    /// <summary>The wait after a 429: until <c>X-RateLimit-Reset</c>, else <c>Retry-After</c>, else a short default; never over a minute.</summary>
    public static TimeSpan GetRateLimitDelay(string? rateLimitReset, RetryConditionHeaderValue? retryAfter, DateTimeOffset now)
    {
        TimeSpan delay;
        if (long.TryParse(rateLimitReset, NumberStyles.None, CultureInfo.InvariantCulture, out var resetSeconds) &&
            resetSeconds <= MaxUnixSeconds)
        {
            delay = DateTimeOffset.FromUnixTimeSeconds(resetSeconds) - now;
        }
        else if (retryAfter?.Delta is { } delta)
        {
            delay = delta;
        }
        else if (retryAfter?.Date is { } date)
        {
            delay = date - now;
        }
        else
        {
            delay = DefaultRateLimitDelay;
        }

        return delay < MinRateLimitDelay ? MinRateLimitDelay : delay > MaxRateLimitDelay ? MaxRateLimitDelay : delay;
    }

    /// <summary>The wait after a connection that was never established: 250 ms, 500 ms, 1 s …</summary>
    public static TimeSpan GetConnectionRetryDelay(int attemptNumber) =>
        ConnectionRetryBaseDelay * Math.Pow(2, Math.Clamp(attemptNumber, 0, 10));
}
