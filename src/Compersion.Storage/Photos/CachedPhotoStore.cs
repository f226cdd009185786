using System.Globalization;
using Compersion.Core.Photos;
using Compersion.Storage.Journal;

namespace Compersion.Storage.Photos;

/// <summary>The photo listings the journal pages make (a day's, a year's) kept in memory while the subscriber's journal stamp is unchanged (<see cref="JournalCache"/>); everything else goes straight to <see cref="BlobPhotoStore"/>.</summary>
/// <remarks><see cref="BlobPhotoStore"/> changes the stamp after every photo it keeps or deletes, so a listing kept here never outlives the photos it lists.</remarks>
internal sealed class CachedPhotoStore(BlobPhotoStore photos, JournalCache cache) : IPhotoStore
{
    public Task<IReadOnlyList<StoredPhoto>> ListAsync(string subscriberId, LocalDate date, CancellationToken cancellationToken = default) =>
        TableKeys.IsSafe(subscriberId)
            ? cache.ReadAsync(subscriberId, "photos " + StoredFormats.Format(date), () => photos.ListAsync(subscriberId, date, cancellationToken), Size, cancellationToken)
            : photos.ListAsync(subscriberId, date, cancellationToken);

    public Task<IReadOnlyList<StoredPhoto>> ListYearAsync(string subscriberId, int year, CancellationToken cancellationToken = default) =>
        TableKeys.IsSafe(subscriberId)
            ? cache.ReadAsync(subscriberId, "photos " + year.ToString(CultureInfo.InvariantCulture), () => photos.ListYearAsync(subscriberId, year, cancellationToken), Size, cancellationToken)
            : photos.ListYearAsync(subscriberId, year, cancellationToken);

    public Task<IReadOnlyList<StoredPhoto>> ListAllAsync(string subscriberId, CancellationToken cancellationToken = default) =>
        photos.ListAllAsync(subscriberId, cancellationToken);

    public Task<bool> TryClaimSlotAsync(string subscriberId, LocalDate date, string id, int slots, CancellationToken cancellationToken = default) =>
        photos.TryClaimSlotAsync(subscriberId, date, id, slots, cancellationToken);

    public Task SaveAsync(string subscriberId, StoredPhoto photo, ReadOnlyMemory<byte> content, ReadOnlyMemory<byte>? thumbnail, CancellationToken cancellationToken = default) =>
        photos.SaveAsync(subscriberId, photo, content, thumbnail, cancellationToken);

    public Task<Stream?> OpenAsync(string subscriberId, StoredPhoto photo, bool thumbnail, CancellationToken cancellationToken = default) =>
        photos.OpenAsync(subscriberId, photo, thumbnail, cancellationToken);

    public Task<bool> DeleteAsync(string subscriberId, LocalDate date, string id, CancellationToken cancellationToken = default) =>
        photos.DeleteAsync(subscriberId, date, id, cancellationToken);

    public Task<int> DeleteAllAsync(string subscriberId, CancellationToken cancellationToken = default) =>
        photos.DeleteAllAsync(subscriberId, cancellationToken);

    private static int Size(IReadOnlyList<StoredPhoto> listed) => 1 + listed.Count;
}
