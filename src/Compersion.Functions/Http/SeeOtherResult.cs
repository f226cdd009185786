namespace Compersion.Functions.Http;

/// <summary>A 303 See Other after a successful form post, so reloading the page never posts the form again.</summary>
/// <param name="location">A path on this site.</param>
internal sealed class SeeOtherResult(string location) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status303SeeOther;
        SecurityHeaders.Apply(response);
        response.Headers.Location = location;
        return Task.CompletedTask;
    }
}
