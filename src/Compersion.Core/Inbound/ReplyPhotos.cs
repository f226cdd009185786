using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Compersion.Core.Photos;
using Microsoft.Extensions.Logging;

namespace Compersion.Core.Inbound;

/// <summary>Keeps a reply's photos with its day: picks them out by <see cref="PhotoRules"/>, thumbnails them through
/// <see cref="IPhotoImaging"/>, and stores them under the subscriber's own prefix (<see cref="IPhotoStore"/>).</summary>
/// <remarks>
/// <para>Idempotent: a photo's id comes from the subscriber, the message and the attachment's place in it, so a redelivered
/// mail finds its photos already kept and counts them without decoding or storing anything again.</para>
/// <para>Nothing from the mail reaches a blob name: the name is the subscriber id, the date, the id and the format's extension.</para>
/// </remarks>
public sealed partial class ReplyPhotos(IPhotoImaging imaging, IPhotoStore store, ILogger<ReplyPhotos> logger)
{
    /// <summary>Keeps the photos among <paramref name="mail"/>'s attachments with <paramref name="date"/>.</summary>
    /// <param name="subscriberId">Whose journal.</param>
    /// <param name="date">The journal date the reply is filed under.</param>
    /// <param name="messageIdentity">The message's identity (its Message-ID, else a hash of its content).</param>
    /// <param name="mail">The mail, with its attachments.</param>
    /// <param name="source">The journal source of the message (<see cref="Journal.JournalItem.Source"/>), kept with each photo so <c>UNDO</c> finds them.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <remarks>
    /// A day's <see cref="PhotoRules.MaxPerDay"/> places are claimed one by one in the store before a photo is saved
    /// (<see cref="IPhotoStore.TryClaimSlotAsync"/>), so two replies kept at the same moment never hold more between them.
    /// </remarks>
    public Task<PhotoSummary> KeepAsync(string subscriberId, LocalDate date, string messageIdentity, InboundMail mail, string? source = null, CancellationToken cancellationToken = default) =>
        SelectAsync(subscriberId, date, messageIdentity, mail, source, apply: true, cancellationToken);

    /// <summary>What <see cref="KeepAsync"/> would do now, storing nothing: the same photos picked, decoded and refused, and
    /// <see cref="PhotoSummary.Added"/> the ones it would store (for a dry run of <c>replay --reparse</c>).</summary>
    /// <param name="subscriberId">Whose journal.</param>
    /// <param name="date">The journal date the reply is filed under.</param>
    /// <param name="messageIdentity">The message's identity (its Message-ID, else a hash of its content).</param>
    /// <param name="mail">The mail, with its attachments.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <remarks>
    /// A day's free places are counted from its listing, as <see cref="KeepAsync"/> first counts them; the claim that
    /// <see cref="KeepAsync"/> then makes can only refuse more when another reply is kept for that day at the same moment.
    /// </remarks>
    public Task<PhotoSummary> PreviewAsync(string subscriberId, LocalDate date, string messageIdentity, InboundMail mail, CancellationToken cancellationToken = default) =>
        SelectAsync(subscriberId, date, messageIdentity, mail, source: null, apply: false, cancellationToken);

    private async Task<PhotoSummary> SelectAsync(string subscriberId, LocalDate date, string messageIdentity, InboundMail mail, string? source, bool apply, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(subscriberId);
        ArgumentNullException.ThrowIfNull(mail);
        if (!mail.Attachments.Any(PhotoRules.LooksLikePhoto))
        {
            return PhotoSummary.None;
        }

        var existing = await store.ListAsync(subscriberId, date, cancellationToken);
        var already = existing.Select(photo => photo.Id).ToHashSet(StringComparer.Ordinal);
        var room = PhotoRules.MaxPerDay - existing.Count;
        var kept = 0;
        var added = 0;
        var skipped = new List<string>();
        var position = 0;
        foreach (var attachment in mail.Attachments.Take(PhotoRules.MaxAttachments))
        {
            position++;
            if (!PhotoRules.LooksLikePhoto(attachment) || PhotoRules.IsSignatureImage(mail.Html, attachment.ContentId))
            {
                continue;
            }

            var id = Id(subscriberId, messageIdentity, position);
            if (already.Contains(id))
            {
                kept++;
                continue;
            }

            var name = PhotoRules.DisplayName(attachment.FileName, position);
            if (attachment.Length > PhotoRules.MaxBytes)
            {
                skipped.Add($"{name} is larger than 10 MB, so it wasn't kept.");
                continue;
            }

            if (attachment.Length < PhotoRules.TinyBytes)
            {
                continue;
            }

            var reading = imaging.Read(attachment.Content);
            var refusal = reading.Problem switch
            {
                PhotoProblem.NotAnImage => $"{name} isn't a photo we can read, so it wasn't kept.",
                PhotoProblem.TooManyPixels => $"{name} is too large to show (over {IPhotoImaging.MaxPixels / 1_000_000} megapixels), so it wasn't kept.",
                PhotoProblem.Undecodable when reading.Format != PhotoFormat.Heic => $"{name} couldn't be opened, so it wasn't kept.",
                _ => null,
            };
            if (refusal is not null)
            {
                if (apply)
                {
                    LogRefused(logger, subscriberId, reading.Problem, reading.Format);
                }

                skipped.Add(refusal);
                continue;
            }

            if (PhotoRules.IsTiny(attachment.Length, reading.Width, reading.Height))
            {
                continue;
            }

            // The listing is a quick first answer; the claim is the one that holds when another reply is kept at the same time.
            if (room <= 0 || (apply && !await store.TryClaimSlotAsync(subscriberId, date, id, PhotoRules.MaxPerDay, cancellationToken)))
            {
                skipped.Add(string.Create(CultureInfo.InvariantCulture, $"{name} wasn't kept: a day holds {PhotoRules.MaxPerDay} photos."));
                continue;
            }

            if (apply)
            {
                var photo = new StoredPhoto(date, id, reading.Format, name, attachment.Length, reading.Thumbnail is not null) { Source = source, Position = position };
                await store.SaveAsync(subscriberId, photo, attachment.Content, reading.Thumbnail, cancellationToken);
            }

            room--;
            kept++;
            added++;
        }

        if (apply)
        {
            LogKept(logger, subscriberId, kept, skipped.Count);
        }

        return new PhotoSummary(kept, skipped) { Added = added };
    }

    private static string Id(string subscriberId, string messageIdentity, int position) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{subscriberId}|{messageIdentity}|{position}"))))[..20];

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId}: {Kept} photos kept, {Skipped} refused")]
    private static partial void LogKept(ILogger logger, string subscriberId, int kept, int skipped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId}: an attachment refused as {Problem} ({Format})")]
    private static partial void LogRefused(ILogger logger, string subscriberId, PhotoProblem problem, PhotoFormat format);
}
