using System.Text;
using Compersion.Core.Export;
using Compersion.Core.Security;
using Compersion.Core.Subscribers;
using Compersion.Functions.Http;
using Compersion.Functions.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Compersion.Functions;

/// <summary><c>GET /api/settings/export?format=json|markdown&amp;token=…</c>: the whole journal as a download, from the settings page.</summary>
public sealed class SettingsExportFunction(SettingsAccessService access, ExportService exports, FormTokens tokens)
{
    /// <summary>Downloads the export in the format asked for.</summary>
    [Function(nameof(SettingsExportFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "settings/export")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = request.Query["token"].ToString();
        var format = request.Query["format"].ToString();
        if (format is not ("json" or "markdown"))
        {
            return Page.Render(StatusCodes.Status400BadRequest, "Which format?", "Choose JSON or Markdown from your settings page.");
        }

        var opened = await access.OpenAsync(token, cancellationToken);
        if (opened.Outcome != SettingsAccessOutcome.Open)
        {
            return SettingsPage.NotOpen(request, tokens, opened.Outcome, token);
        }

        var export = await exports.ExportAsync(opened.Subscriber!, cancellationToken);
        return format == "json"
            ? new Http.FileResult(Encoding.UTF8.GetBytes(ExportService.ToJson(export)), "application/json; charset=utf-8", ExportService.JsonFileName)
            : new Http.FileResult(Encoding.UTF8.GetBytes(ExportService.ToMarkdown(export)), "text/markdown; charset=utf-8", ExportService.MarkdownFileName);
    }
}
