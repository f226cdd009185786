using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace Compersion.Functions;

/// <summary>The worker's one exception middleware: an HTTP function that throws answers with <see cref="ServerError"/>.</summary>
/// <remarks>
/// Queue and timer functions are left to throw: the queue delivers the message again (and parks it in the poison queue
/// after five tries), and the timer runs again, so swallowing their exceptions would lose work.
/// </remarks>
internal sealed partial class ExceptionMiddleware(ILogger<ExceptionMiddleware> logger) : IFunctionsWorkerMiddleware
{
    /// <inheritdoc />
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (Exception exception) when (context.GetHttpContext() is { } http && !http.RequestAborted.IsCancellationRequested && !http.Response.HasStarted)
        {
            LogFailed(logger, context.FunctionDefinition.Name, exception);
            await ServerError.For(http.Request).ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
        }
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Error, Message = "HTTP function {Function} failed; answered 500")]
    private static partial void LogFailed(ILogger logger, string function, Exception exception);
}
