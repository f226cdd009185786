using Compersion.Core.Api;
using Compersion.Core.Mail;
using Compersion.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Compersion.Functions;

/// <summary><c>GET/POST /api/entries</c>: the journal over HTTP. The personal bearer token is the authority, so no function key.</summary>
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
        ApiResult result;
        if (HttpMethods.IsGet(request.Method))
        {
            result = await api.GetAsync(authorization, request.Query["from"].ToString(), request.Query["to"].ToString(), cancellationToken);
        }
        else
        {
            var body = await BodyReader.ReadLimitedAsync(request.Body, request.ContentLength, RequestLimits.EntriesBytes, cancellationToken);
            result = body is null
                ? ApiResult.Error(StatusCodes.Status400BadRequest, "The body is too large.")
                : await api.PostAsync(authorization, body, cancellationToken);
        }

        return new ObjectResult(result.Body) { StatusCode = result.Status };
    }
}
