using System.Text;

namespace Compersion.Functions.Http;

/// <summary>An HTML page with the security headers (<see cref="SecurityHeaders"/>).</summary>
/// <param name="status">The status code.</param>
/// <param name="html">The rendered page.</param>
internal sealed class HtmlResult(int status, string html) : IActionResult
{
    /// <summary>The status code.</summary>
    public int StatusCode { get; } = status;

    /// <summary>The rendered page.</summary>
    public string Html { get; } = html;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCode;
        SecurityHeaders.Apply(response);
        response.ContentType = "text/html; charset=utf-8";
        var bytes = Encoding.UTF8.GetBytes(Html);
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, context.HttpContext.RequestAborted);
    }
}
