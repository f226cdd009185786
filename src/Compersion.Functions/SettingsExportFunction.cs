using Compersion.Core.Export;

namespace Compersion.Functions;

/// <summary><c>GET /api/settings/export?format=json|markdown|zip&amp;token=…</c>: the whole journal as a download, from the settings page (the zip with the photos).</summary>
public sealed class SettingsExportFunction(LinkGate gate, ExportService exports, ExportArchive archives)
{
    /// <summary>Downloads the export in the format asked for.</summary>
    [Function(nameof(SettingsExportFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.SettingsExport)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var format = request.Query["format"].ToString();
        if (!ExportDownloads.Formats.Contains(format))
        {
            return Page.Render(StatusCodes.Status400BadRequest, "Which format?", "Choose JSON, Markdown or the zip from your settings page.");
        }

        var opened = await gate.SettingsAsync(request, cancellationToken);
        return opened.Refusal ?? (format == "zip"
            ? await ExportDownloads.ZipAsync(request, archives, opened.Access!.Subscriber!, cancellationToken)
            : ExportDownloads.File(await exports.ExportAsync(opened.Access!.Subscriber!, cancellationToken), format));
    }
}
