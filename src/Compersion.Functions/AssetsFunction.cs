namespace Compersion.Functions;

/// <summary><c>GET /api/assets/{file}</c>: the pages' stylesheet and script, from our own origin (the CSP allows nothing else).</summary>
public sealed class AssetsFunction
{
    private static readonly Dictionary<string, (string Resource, string ContentType)> Files = new(StringComparer.Ordinal)
    {
        ["site.css"] = ("Compersion.Functions.Assets.site.css", "text/css; charset=utf-8"),
        ["signup.js"] = ("Compersion.Functions.Assets.signup.js", "text/javascript; charset=utf-8"),
    };

    /// <summary>Serves one embedded asset; anything else is 404.</summary>
    [Function(nameof(AssetsFunction))]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Function classes expose one instance method, as the host indexes them.")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Assets)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Path.Value?[(request.Path.Value.LastIndexOf('/') + 1)..] ?? string.Empty;
        if (!Files.TryGetValue(name, out var file))
        {
            return Page.Render(StatusCodes.Status404NotFound, "Not here", "There is no such file.");
        }

        await using var stream = typeof(AssetsFunction).Assembly.GetManifestResourceStream(file.Resource)!;
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return new Http.FileResult(buffer.ToArray(), file.ContentType, downloadName: null);
    }
}
