using System.Net;
using System.Net.Sockets;
using Compersion.Core.Sending;
using Polly.Timeout;

namespace Compersion.Email.Tests;

public sealed class SendGridOutcomesTests
{
    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.Accepted)]
    public void FromStatusCode_Success_SentWithTheMessageId(HttpStatusCode statusCode)
    {
        var result = SendGridOutcomes.FromStatusCode(statusCode, "msg-1");

        Assert.Equal(SendResult.Sent("msg-1"), result);
    }

    [Theory]
    [InlineData(400, "sendgrid-4xx:400")]
    [InlineData(401, "sendgrid-4xx:401")]
    [InlineData(403, "sendgrid-4xx:403")]
    [InlineData(413, "sendgrid-4xx:413")]
    [InlineData(429, "sendgrid-429")]
    public void FromStatusCode_Refused_NotSent(int statusCode, string reason)
    {
        var result = SendGridOutcomes.FromStatusCode((HttpStatusCode)statusCode, null);

        Assert.Equal(SendResult.NotSent(reason), result);
    }

    [Theory]
    [InlineData(500, "sendgrid-5xx:500")]
    [InlineData(503, "sendgrid-5xx:503")]
    [InlineData(302, "sendgrid-unexpected:302")]
    public void FromStatusCode_ServerErrorOrUnexpected_Uncertain(int statusCode, string reason)
    {
        var result = SendGridOutcomes.FromStatusCode((HttpStatusCode)statusCode, null);

        Assert.Equal(SendResult.Uncertain(reason), result);
    }

    [Fact]
    public void FromException_ConnectionRefused_NotSent()
    {
        var exception = new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused));

        var result = SendGridOutcomes.FromException(exception);

        Assert.Equal(SendResult.NotSent("sendgrid-connection-failed"), result);
    }

    [Fact]
    public void FromException_ConnectionReset_Uncertain()
    {
        var exception = new HttpRequestException("reset", new IOException("reset", new SocketException((int)SocketError.ConnectionReset)));

        var result = SendGridOutcomes.FromException(exception);

        Assert.Equal(SendResult.Uncertain("sendgrid-transport-failed"), result);
    }

    [Fact]
    public void FromException_AttemptTimedOut_Uncertain()
    {
        var result = SendGridOutcomes.FromException(new TimeoutRejectedException());

        Assert.Equal(SendResult.Uncertain("sendgrid-timeout"), result);
    }

    [Fact]
    public void FromException_HttpClientTimedOut_Uncertain()
    {
        var result = SendGridOutcomes.FromException(new TaskCanceledException("timeout", new TimeoutException()));

        Assert.Equal(SendResult.Uncertain("sendgrid-timeout"), result);
    }

    [Fact]
    public void FromException_ProgrammerError_NotAnOutcome()
    {
        var result = SendGridOutcomes.FromException(new InvalidOperationException("bug"));

        Assert.Null(result);
    }
}
