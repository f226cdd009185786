namespace Compersion.Core.Photos;

/// <summary>A file attached to an inbound mail, as the reader found it; which ones are photos is <see cref="PhotoRules"/>' call.</summary>
/// <param name="FileName">The name the mail gives it (user text: shown escaped, never part of a blob name).</param>
/// <param name="MediaType">The declared type (<c>image/jpeg</c>), lower-cased; only a hint, the bytes decide.</param>
/// <param name="ContentId">The Content-ID without angle brackets, when the HTML body can reference it as <c>cid:</c>.</param>
/// <param name="Length">Its decoded size in bytes (counted up to a little past <see cref="PhotoRules.MaxBytes"/>).</param>
/// <param name="Content">Its decoded bytes; empty when it is larger than <see cref="PhotoRules.MaxBytes"/> (never read whole).</param>
public sealed record MailAttachment(string? FileName, string? MediaType, string? ContentId, long Length, ReadOnlyMemory<byte> Content);
