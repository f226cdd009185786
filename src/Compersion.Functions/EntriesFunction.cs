using Compersion.Core.Api;

namespace Compersion.Functions;

/// <summary><c>GET/POST /api/entries</c>: the journal over HTTP. The personal bearer token is the authority, so no function key.</summary>
/// <remarks>Reads the JSON here and maps Core's outcomes to HTTP: 201 added, 200 listed, 401 no or wrong token, 400 with the reason.</remarks>
public sealed class EntriesFunction(EntriesApi api)
{
    /// <summary>Lists entries (GET, <c>?from=&amp;to=</c>) or adds items (POST, JSON).</summary>
    [Function(nameof(EntriesFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Routes.Entries)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var authorization = request.Headers.Authorization.ToString();
        if (HttpMethods.IsGet(request.Method))
        {
            return Answer(await api.ListAsync(authorization, request.Query["from"].ToString(), request.Query["to"].ToString(), cancellationToken));
        }

        var body = await BodyReader.ReadLimitedAsync(request.Body, request.ContentLength, RequestLimits.EntriesBytes, cancellationToken);
        var (post, problem) = body is null ? (null, "The body is too large.") : EntriesJson.Read(body);
        return post is null
            ? new ObjectResult(new ApiError(problem!)) { StatusCode = StatusCodes.Status400BadRequest }
            : Answer(await api.AddAsync(authorization, post, cancellationToken));
    }

    private static ObjectResult Answer<T>(EntriesResult<T> result)
        where T : class => result.Outcome switch
        {
            EntriesOutcome.Added => new ObjectResult(result.Value) { StatusCode = StatusCodes.Status201Created },
            EntriesOutcome.Listed => new ObjectResult(result.Value) { StatusCode = StatusCodes.Status200OK },
            EntriesOutcome.Unauthorized => new ObjectResult(new ApiError(result.Problem!)) { StatusCode = StatusCodes.Status401Unauthorized },
            _ => new ObjectResult(new ApiError(result.Problem!)) { StatusCode = StatusCodes.Status400BadRequest },
        };
}
