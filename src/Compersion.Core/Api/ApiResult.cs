namespace Compersion.Core.Api;

/// <summary>An HTTP-shaped answer from an API use case: a status code and a JSON-serialisable body.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Body">The body (serialised as JSON), or null.</param>
public sealed record ApiResult(int Status, object? Body)
{
    /// <summary>A 4xx with a reason a developer can act on.</summary>
    public static ApiResult Error(int status, string reason) => new(status, new ApiError(reason));
}
