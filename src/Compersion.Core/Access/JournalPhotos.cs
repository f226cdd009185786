using Compersion.Core.Journal;
using Compersion.Core.Photos;
using Compersion.Core.Security;
using Compersion.Core.Subscribers;

namespace Compersion.Core.Access;

/// <summary>A journal's photos on the web: listed on the day page, served only through the signed journal link, deleted by the day page's button.</summary>
/// <remarks>
/// The journal token is the authority, as for the journal pages: it names the subscriber, and only photos under that
/// subscriber's prefix are looked up, so no link, altered or not, serves anyone else's photo. The id must have the shape
/// ids have and be listed for that date, so nothing from a request reaches a blob name unchecked.
/// </remarks>
public sealed class JournalPhotos(TokenSigner signer, ISubscriberStore subscribers, IPhotoStore store, IJournalEditor editor, TimeProvider time)
{
    /// <summary>The photos kept for a date.</summary>
    public Task<IReadOnlyList<StoredPhoto>> ListAsync(string subscriberId, LocalDate date, CancellationToken cancellationToken = default) =>
        store.ListAsync(subscriberId, date, cancellationToken);

    /// <summary>The photos kept for the dates of one year (the calendar marks their days).</summary>
    public Task<IReadOnlyList<StoredPhoto>> ListYearAsync(string subscriberId, int year, CancellationToken cancellationToken = default) =>
        store.ListYearAsync(subscriberId, year, cancellationToken);

    /// <summary>Opens a photo (or its thumbnail) for the holder of a journal link.</summary>
    public async Task<PhotoAccess> OpenAsync(string? token, string? date, string? id, bool thumbnail, CancellationToken cancellationToken = default)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var check = signer.CheckLink(token, TokenPurpose.Journal, now, out var subscriberId);
        if (check != LinkCheck.Valid)
        {
            return new PhotoAccess(check == LinkCheck.Expired ? PhotoAccessOutcome.Expired : PhotoAccessOutcome.Refused, null, null);
        }

        var subscriber = await subscribers.FindByIdAsync(subscriberId!, cancellationToken);
        if (subscriber is null)
        {
            return new PhotoAccess(PhotoAccessOutcome.Refused, null, null);
        }

        var expires = signer.TryVerify(token, out var verified) ? Instant.FromUnixTimeSeconds(verified!.Value * 60L) : now;
        if (subscriber.Predates(expires, Links.JournalLinks.Lifetime))
        {
            return new PhotoAccess(PhotoAccessOutcome.Expired, null, null);
        }

        if (!JournalViews.TryParseDate(date, out var day) || !StoredPhoto.IsId(id))
        {
            return new PhotoAccess(PhotoAccessOutcome.NotFound, null, null);
        }

        var photo = (await store.ListAsync(subscriber.Id, day, cancellationToken)).FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));
        if (photo is null || (thumbnail && !photo.HasThumbnail))
        {
            return new PhotoAccess(PhotoAccessOutcome.NotFound, null, null);
        }

        var content = await store.OpenAsync(subscriber.Id, photo, thumbnail, cancellationToken);
        return content is null ? new PhotoAccess(PhotoAccessOutcome.NotFound, null, null) : new PhotoAccess(PhotoAccessOutcome.Open, photo, content);
    }

    /// <summary>Deletes one photo of the subscriber's (the day page's button); false when it was not there.</summary>
    /// <remarks>
    /// The reply that brought it is marked as corrected on that date, as an edited item's is, so
    /// <c>replay --archive --reparse</c> never brings the photo back (and leaves that reply's items as they are).
    /// </remarks>
    public async Task<bool> DeleteAsync(Subscriber subscriber, LocalDate date, string? id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        if (!StoredPhoto.IsId(id))
        {
            return false;
        }

        var photo = (await store.ListAsync(subscriber.Id, date, cancellationToken)).FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));
        if (photo?.Source is { } source)
        {
            await editor.EditDayAsync(
                subscriber.Id,
                date,
                day => day.Corrected.Contains(source, StringComparer.Ordinal) ? null : day with { Corrected = [.. day.Corrected, source] },
                cancellationToken);
        }

        return await store.DeleteAsync(subscriber.Id, date, id!, cancellationToken);
    }
}
