using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Polly.Timeout;

namespace Compersion.Email.Tests;

public sealed class SendGridRetryRulesTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 19, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ShouldRetry_TooManyRequests_True()
    {
        var retry = SendGridRetryRules.ShouldRetry(HttpStatusCode.TooManyRequests, null);

        Assert.True(retry);
    }

    [Theory]
    [InlineData(HttpStatusCode.Accepted)]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public void ShouldRetry_AnyOtherStatus_False(HttpStatusCode statusCode)
    {
        var retry = SendGridRetryRules.ShouldRetry(statusCode, null);

        Assert.False(retry);
    }

    [Theory]
    [InlineData(SocketError.ConnectionRefused)]
    [InlineData(SocketError.HostNotFound)]
    [InlineData(SocketError.HostUnreachable)]
    [InlineData(SocketError.NetworkUnreachable)]
    [InlineData(SocketError.TryAgain)]
    public void ShouldRetry_ConnectionNeverEstablished_True(SocketError error)
    {
        var exception = new HttpRequestException("connect failed", new SocketException((int)error));

        var retry = SendGridRetryRules.ShouldRetry(null, exception);

        Assert.True(retry);
    }

    [Fact]
    public void ShouldRetry_NameResolutionErrorWithoutSocketException_True()
    {
        var exception = new HttpRequestException(HttpRequestError.NameResolutionError, "no such host");

        var retry = SendGridRetryRules.ShouldRetry(null, exception);

        Assert.True(retry);
    }

    [Theory]
    [InlineData(SocketError.ConnectionReset)]
    [InlineData(SocketError.ConnectionAborted)]
    [InlineData(SocketError.TimedOut)]
    [InlineData(SocketError.Shutdown)]
    public void ShouldRetry_ConnectionBrokenAfterItWasMade_False(SocketError error)
    {
        var exception = new HttpRequestException("send failed", new IOException("broken", new SocketException((int)error)));

        var retry = SendGridRetryRules.ShouldRetry(null, exception);

        Assert.False(retry);
    }

    [Fact]
    public void ShouldRetry_HttpRequestExceptionWithoutCause_False()
    {
        var retry = SendGridRetryRules.ShouldRetry(null, new HttpRequestException("response ended prematurely"));

        Assert.False(retry);
    }

    [Fact]
    public void ShouldRetry_AttemptTimedOut_False()
    {
        var retry = SendGridRetryRules.ShouldRetry(null, new TimeoutRejectedException());

        Assert.False(retry);
    }

    [Fact]
    public void ShouldRetry_HttpClientTimedOut_False()
    {
        var retry = SendGridRetryRules.ShouldRetry(null, new TaskCanceledException("timeout", new TimeoutException()));

        Assert.False(retry);
    }

    [Fact]
    public void ShouldRetry_SocketExceptionNotWrappedByHttpClient_False()
    {
        var retry = SendGridRetryRules.ShouldRetry(null, new SocketException((int)SocketError.ConnectionRefused));

        Assert.False(retry);
    }

    [Fact]
    public void GetRateLimitDelay_ResetOneSecondAhead_WaitsOneSecond()
    {
        var reset = Now.AddSeconds(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var delay = SendGridRetryRules.GetRateLimitDelay(reset, null, Now);

        Assert.Equal(TimeSpan.FromSeconds(1), delay);
    }

    [Fact]
    public void GetRateLimitDelay_ResetAnHourAhead_CappedAtOneMinute()
    {
        var reset = Now.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var delay = SendGridRetryRules.GetRateLimitDelay(reset, null, Now);

        Assert.Equal(TimeSpan.FromSeconds(60), delay);
    }

    [Fact]
    public void GetRateLimitDelay_ResetAlreadyPassed_WaitsTheMinimum()
    {
        var reset = Now.AddSeconds(-30).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var delay = SendGridRetryRules.GetRateLimitDelay(reset, null, Now);

        Assert.Equal(TimeSpan.FromMilliseconds(250), delay);
    }

    [Fact]
    public void GetRateLimitDelay_ResetAndRetryAfter_ResetWins()
    {
        var reset = Now.AddSeconds(3).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var delay = SendGridRetryRules.GetRateLimitDelay(reset, new RetryConditionHeaderValue(TimeSpan.FromSeconds(20)), Now);

        Assert.Equal(TimeSpan.FromSeconds(3), delay);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("99999999999999999999")]
    public void GetRateLimitDelay_NoUsableReset_FallsBackToRetryAfterSeconds(string? reset)
    {
        var delay = SendGridRetryRules.GetRateLimitDelay(reset, new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)), Now);

        Assert.Equal(TimeSpan.FromSeconds(7), delay);
    }

    [Fact]
    public void GetRateLimitDelay_RetryAfterDate_WaitsUntilThatDate()
    {
        var delay = SendGridRetryRules.GetRateLimitDelay(null, new RetryConditionHeaderValue(Now.AddSeconds(12)), Now);

        Assert.Equal(TimeSpan.FromSeconds(12), delay);
    }

    [Fact]
    public void GetRateLimitDelay_NoHint_WaitsOneSecond()
    {
        var delay = SendGridRetryRules.GetRateLimitDelay(null, null, Now);

        Assert.Equal(TimeSpan.FromSeconds(1), delay);
    }

    [Theory]
    [InlineData(0, 250)]
    [InlineData(1, 500)]
    [InlineData(2, 1000)]
    public void GetConnectionRetryDelay_EachRetry_Doubles(int attemptNumber, int expectedMilliseconds)
    {
        var delay = SendGridRetryRules.GetConnectionRetryDelay(attemptNumber);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), delay);
    }

    [Fact]
    public void GetDelay_TooManyRequestsResponse_ReadsTheRateLimitHeader()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add("X-RateLimit-Reset", Now.AddSeconds(9).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));

        var delay = SendGridRetryRules.GetDelay(0, response, Now);

        Assert.Equal(TimeSpan.FromSeconds(9), delay);
    }

    [Fact]
    public void GetDelay_NoResponse_UsesTheConnectionBackoff()
    {
        var delay = SendGridRetryRules.GetDelay(1, null, Now);

        Assert.Equal(TimeSpan.FromMilliseconds(500), delay);
    }
}
