namespace Compersion.Functions.Http;

/// <summary>The one answer to a request a function failed on: a kind page for a browser, a JSON reason for everyone else.</summary>
/// <remarks>
/// Used by <see cref="ExceptionMiddleware"/> in Azure and by <c>compersion serve</c>, so both answer alike. It says nothing
/// about the failure itself (that is in the log, without the request's data): only that nothing sent was lost, because a
/// failed request changed nothing that a retry would not redo.
/// </remarks>
internal static class ServerError
{
    /// <summary>What a person reads.</summary>
    public const string Reason = "Something went wrong on our side. Nothing you sent was lost: please try again in a minute.";

    /// <summary>The 500 answer for <paramref name="request"/>, by what it accepts.</summary>
    public static IActionResult For(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase)
            ? Page.Message(StatusCodes.Status500InternalServerError, "Sorry, that didn't work", [Reason])
            : new ObjectResult(new { error = Reason }) { StatusCode = StatusCodes.Status500InternalServerError };
    }
}
