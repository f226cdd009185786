using System.Net;
using Compersion.Core.Inbound;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Compersion.Benchmarks;

/// <summary>The Inbound Parse webhook on 127.0.0.1: <c>POST /api/inbound/sendgrid</c> does what <c>ReceiveInboundMailFunction</c> does.</summary>
/// <remarks>
/// The request body is streamed straight into <see cref="InboundReceiver.ReceiveAsync"/>, as in the function; the
/// Functions host's own hop (host to worker over gRPC) and the function-key check are not part of it.
/// </remarks>
internal sealed class InboundWebhook : IAsyncDisposable
{
    /// <summary>The route the function answers on.</summary>
    public const string Path = "/api/inbound/sendgrid";

    /// <summary>The step the webhook's storage requests are filed under.</summary>
    public const string Step = "webhook";

    private readonly WebApplication app;

    private InboundWebhook(WebApplication app) => this.app = app;

    /// <summary>The webhook's URL.</summary>
    public Uri Address => new(new Uri(app.Urls.First()), Path);

    /// <summary>Starts the webhook on a free loopback port.</summary>
    public static async Task<InboundWebhook> StartAsync(InboundReceiver receiver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = InboundLimits.MaxRequestBodyBytes;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        app.MapPost(Path, async (HttpRequest request, CancellationToken token) =>
        {
            using (StorageRequestLog.Step(Step))
            {
                return await receiver.ReceiveAsync(request.Body, request.ContentType, token) == InboundReceipt.Stored
                    ? Results.Ok()
                    : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
        });
        await app.StartAsync(cancellationToken);
        return new InboundWebhook(app);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => app.DisposeAsync();
}
