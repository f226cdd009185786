namespace Compersion.Core.Sending;

/// <summary>A file attached to a mail (the export's JSON and Markdown).</summary>
/// <param name="FileName">The file name the recipient sees, e.g. <c>compersion-journal.json</c>.</param>
/// <param name="ContentType">Its media type, e.g. <c>application/json</c>.</param>
/// <param name="Content">Its bytes.</param>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
