using System.Text;
using Compersion.Functions.Http;
using NodaTime;

namespace Compersion.Functions.Tests;

public sealed class SignUpFormTests
{
    [Fact]
    public async Task ReadAsync_Json_ValidatedRequest()
    {
        var body = Stream("{\"email\":\" Ada@Example.COM \",\"zone\":\"Asia/Kathmandu\",\"time\":\"7:15\",\"digestDay\":\"sat\",\"digestTime\":\"09:00\"}");

        var (request, error) = await SignUpForm.ReadAsync(body, "application/json; charset=utf-8", null, CancellationToken.None);

        Assert.Null(error);
        Assert.Equal("Ada@example.com", request!.Email);
        Assert.Equal("Asia/Kathmandu", request.Zone);
        Assert.Equal(new LocalTime(7, 15), request.PromptTime);
        Assert.Equal(IsoDayOfWeek.Saturday, request.DigestDay);
        Assert.Equal(new LocalTime(9, 0), request.DigestTime);
    }

    [Fact]
    public async Task ReadAsync_Form_DefaultsForOptionalFields()
    {
        var body = Stream("email=bo%40example.com&zone=Europe%2FBerlin&time=20%3A00");

        var (request, error) = await SignUpForm.ReadAsync(body, "application/x-www-form-urlencoded", null, CancellationToken.None);

        Assert.Null(error);
        Assert.Equal("bo@example.com", request!.Email);
        Assert.Equal(IsoDayOfWeek.Sunday, request.DigestDay);
        Assert.Equal(new LocalTime(18, 0), request.DigestTime);
    }

    [Theory]
    [InlineData("text/plain", "email=a@example.com", "JSON (application/json) or as a form")]
    [InlineData("application/json", "[1,2,3]", "valid JSON")]
    [InlineData("application/json", "{\"email\":\"a@example.com\",\"zone\":\"Europe/Berlin\",\"time\":\"24:00\"}", "HH:mm")]
    [InlineData("application/json", "{\"email\":\"Ada <a@example.com>\",\"zone\":\"Europe/Berlin\"}", "valid email address")]
    [InlineData("application/json", "{\"email\":\"a@example.com\",\"zone\":\"\"}", "time zone")]
    public async Task ReadAsync_BadInput_ClearError(string contentType, string text, string expected)
    {
        var (request, error) = await SignUpForm.ReadAsync(Stream(text), contentType, null, CancellationToken.None);

        Assert.Null(request);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_BodyLargerThanLimitWithoutContentLength_TooLarge()
    {
        var text = "{\"email\":\"a@example.com\",\"pad\":\"" + new string('x', RequestLimits.SmallBodyBytes) + "\"}";

        var (request, error) = await SignUpForm.ReadAsync(Stream(text), "application/json", contentLength: null, CancellationToken.None);

        Assert.Null(request);
        Assert.Contains("too large", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ContentLengthAboveLimit_RefusedWithoutReading()
    {
        var body = new ThrowingStream();

        var (request, error) = await SignUpForm.ReadAsync(body, "application/json", RequestLimits.SmallBodyBytes + 1, CancellationToken.None);

        Assert.Null(request);
        Assert.Contains("too large", error, StringComparison.Ordinal);
    }

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    private sealed class ThrowingStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("read");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw new InvalidOperationException("read");
    }
}
