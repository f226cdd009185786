using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Compersion.Benchmarks;

/// <summary>A stand-in for SendGrid's v3 API on 127.0.0.1: every <c>POST /v3/mail/send</c> is answered 202 with an <c>X-Message-Id</c>.</summary>
/// <remarks>It answers as fast as Kestrel can, so the figures measure our side of the send, not SendGrid's latency.</remarks>
internal sealed class LoopbackSendGrid : IAsyncDisposable
{
    private readonly WebApplication app;
    private long accepted;

    private LoopbackSendGrid(WebApplication app) => this.app = app;

    /// <summary>The base URL to configure as <c>SendGrid:Host</c>.</summary>
    public Uri BaseAddress => new(app.Urls.First());

    /// <summary>Mail sends answered so far.</summary>
    public long Accepted => Interlocked.Read(ref accepted);

    /// <summary>Starts the server on a free loopback port.</summary>
    public static async Task<LoopbackSendGrid> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackSendGrid(app);
        app.MapPost("/v3/mail/send", server.AcceptAsync);
        await app.StartAsync(cancellationToken);
        return server;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => app.DisposeAsync();

    private async Task AcceptAsync(HttpContext context)
    {
        // Read the whole request as SendGrid would, so the client's upload is part of the measurement.
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        var id = Interlocked.Increment(ref accepted);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.Headers["X-Message-Id"] = "loopback-" + id.ToString(CultureInfo.InvariantCulture);
    }
}
