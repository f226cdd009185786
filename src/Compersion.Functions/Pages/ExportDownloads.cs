using System.Text;
using Compersion.Core.Export;
using Compersion.Core.Subscribers;

namespace Compersion.Functions.Pages;

/// <summary>The settings page's downloads: the journal as JSON or Markdown, or the zip with the photos.</summary>
internal static class ExportDownloads
{
    /// <summary>The formats offered, by the <c>format</c> parameter.</summary>
    public static readonly IReadOnlySet<string> Formats = new HashSet<string>(StringComparer.Ordinal) { "json", "markdown", "zip" };

    /// <summary>The zip, built in a temporary file (photos can run to gigabytes over the years) and streamed; the file goes when closed.</summary>
    public static async Task<IActionResult> ZipAsync(HttpRequest request, ExportArchive archives, Subscriber subscriber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(archives);
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await archives.WriteAsync(subscriber, file, cancellationToken);
        file.Position = 0;
        SecurityHeaders.Apply(request.HttpContext.Response);
        return new FileStreamResult(file, "application/zip") { FileDownloadName = ExportArchive.FileName };
    }

    /// <summary>The journal as a JSON or Markdown file.</summary>
    public static Http.FileResult File(SubscriberExport export, string format) => format == "json"
        ? new Http.FileResult(Encoding.UTF8.GetBytes(ExportService.ToJson(export)), "application/json; charset=utf-8", ExportService.JsonFileName)
        : new Http.FileResult(Encoding.UTF8.GetBytes(ExportService.ToMarkdown(export)), "text/markdown; charset=utf-8", ExportService.MarkdownFileName);
}
