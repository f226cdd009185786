using System.Text;

namespace Compersion.Functions.Http;

/// <summary>An HTML page with the security headers (<see cref="SecurityHeaders"/>), held as the UTF-8 bytes it is sent as.</summary>
internal sealed class HtmlResult : IActionResult
{
    /// <summary>A page rendered now.</summary>
    /// <param name="status">The status code.</param>
    /// <param name="html">The rendered page.</param>
    public HtmlResult(int status, string html)
        : this(status, Encoding.UTF8.GetBytes(html))
    {
    }

    /// <summary>A page already encoded (one kept from an earlier request: nothing is rendered or copied).</summary>
    /// <param name="status">The status code.</param>
    /// <param name="utf8">The page's UTF-8 bytes; nobody may change them.</param>
    public HtmlResult(int status, byte[] utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        StatusCode = status;
        Utf8 = utf8;
    }

    /// <summary>The status code.</summary>
    public int StatusCode { get; }

    /// <summary>The rendered page, UTF-8.</summary>
    public byte[] Utf8 { get; }

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCode;
        SecurityHeaders.Apply(response);
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = Utf8.Length;
        await response.Body.WriteAsync(Utf8, context.HttpContext.RequestAborted);
    }
}
