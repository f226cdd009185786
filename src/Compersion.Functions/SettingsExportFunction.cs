using System.Text;
using Compersion.Core.Export;
using Compersion.Core.Mail;
using Compersion.Core.Security;
using Compersion.Core.Subscribers;
using Compersion.Functions.Http;
using Compersion.Functions.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Compersion.Functions;

/// <summary><c>GET /api/settings/export?format=json|markdown|zip&amp;token=…</c>: the whole journal as a download, from the settings page (the zip with the photos).</summary>
public sealed class SettingsExportFunction(SettingsAccessService access, ExportService exports, ExportArchive archives, FormTokens tokens)
{
    /// <summary>Downloads the export in the format asked for.</summary>
    [Function(nameof(SettingsExportFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.SettingsExport)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = request.Query["token"].ToString();
        var format = request.Query["format"].ToString();
        if (format is not ("json" or "markdown" or "zip"))
        {
            return Page.Render(StatusCodes.Status400BadRequest, "Which format?", "Choose JSON, Markdown or the zip from your settings page.");
        }

        var opened = await access.OpenAsync(token, cancellationToken);
        if (opened.Outcome != SettingsAccessOutcome.Open)
        {
            return SettingsPage.NotOpen(request, tokens, opened.Outcome, token);
        }

        if (format == "zip")
        {
            // Built in a temporary file (photos can run to gigabytes over the years), then streamed; the file goes when closed.
            var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await archives.WriteAsync(opened.Subscriber!, file, cancellationToken);
            file.Position = 0;
            SecurityHeaders.Apply(request.HttpContext.Response);
            return new FileStreamResult(file, "application/zip") { FileDownloadName = ExportArchive.FileName };
        }

        var export = await exports.ExportAsync(opened.Subscriber!, cancellationToken);
        return format == "json"
            ? new Http.FileResult(Encoding.UTF8.GetBytes(ExportService.ToJson(export)), "application/json; charset=utf-8", ExportService.JsonFileName)
            : new Http.FileResult(Encoding.UTF8.GetBytes(ExportService.ToMarkdown(export)), "text/markdown; charset=utf-8", ExportService.MarkdownFileName);
    }
}
