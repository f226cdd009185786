using System.IO.Compression;
using System.Text;
using Compersion.Core.Photos;
using Compersion.Core.Subscribers;

namespace Compersion.Core.Export;

/// <summary>The whole journal as one zip: the JSON and the Markdown export, and every photo under <c>photos/yyyy-MM-dd/</c>.</summary>
/// <remarks>Photos are stored as they arrived (no recompression) and named by their id and format, never by the name a mail gave them.</remarks>
public sealed class ExportArchive(ExportService exports, IPhotoStore photos)
{
    /// <summary>The zip's file name.</summary>
    public const string FileName = "compersion-journal.zip";

    /// <summary>Writes the zip to <paramref name="output"/> (a seekable stream: the zip's directory is written at its end).</summary>
    public async Task WriteAsync(Subscriber subscriber, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(output);
        var export = await exports.ExportAsync(subscriber, cancellationToken);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        await AddAsync(zip, ExportService.JsonFileName, new MemoryStream(Encoding.UTF8.GetBytes(ExportService.ToJson(export))), CompressionLevel.Optimal, cancellationToken);
        await AddAsync(zip, ExportService.MarkdownFileName, new MemoryStream(Encoding.UTF8.GetBytes(ExportService.ToMarkdown(export))), CompressionLevel.Optimal, cancellationToken);
        foreach (var photo in await photos.ListAllAsync(subscriber.Id, cancellationToken))
        {
            if (await photos.OpenAsync(subscriber.Id, photo, thumbnail: false, cancellationToken) is { } content)
            {
                await AddAsync(zip, ExportPhoto.PathOf(photo), content, CompressionLevel.NoCompression, cancellationToken);
            }
        }
    }

    private static async Task AddAsync(ZipArchive zip, string name, Stream content, CompressionLevel level, CancellationToken cancellationToken)
    {
        await using (content)
        {
            var entry = zip.CreateEntry(name, level);
            await using var target = entry.Open();
            await content.CopyToAsync(target, cancellationToken);
        }
    }
}
