namespace Compersion.Core.Photos;

/// <summary>Photos and their thumbnails, under each subscriber's own prefix (a port; Storage keeps them in blobs).</summary>
/// <remarks>Every call names the subscriber, and only that subscriber's photos are ever listed, read or deleted.</remarks>
public interface IPhotoStore
{
    /// <summary>The photos kept for a date, oldest first.</summary>
    Task<IReadOnlyList<StoredPhoto>> ListAsync(string subscriberId, LocalDate date, CancellationToken cancellationToken = default);

    /// <summary>The photos kept for the dates of one year, by date (for the calendar's marks).</summary>
    Task<IReadOnlyList<StoredPhoto>> ListYearAsync(string subscriberId, int year, CancellationToken cancellationToken = default);

    /// <summary>Every photo a subscriber has, by date (for the export).</summary>
    Task<IReadOnlyList<StoredPhoto>> ListAllAsync(string subscriberId, CancellationToken cancellationToken = default);

    /// <summary>Claims one of a date's <paramref name="slots"/> places for a photo, atomically: two replies kept at the same
    /// time can never hold more than that many between them.</summary>
    /// <returns>True when a place is now the photo's (or already was: a redelivery); false when every place is another photo's.</returns>
    /// <remarks>Claimed before <see cref="SaveAsync"/>; <see cref="DeleteAsync"/> frees the photo's place again.</remarks>
    Task<bool> TryClaimSlotAsync(string subscriberId, LocalDate date, string id, int slots, CancellationToken cancellationToken = default);

    /// <summary>Keeps a photo (and its thumbnail, when there is one); the same id again overwrites, so a redelivery adds nothing.</summary>
    Task SaveAsync(string subscriberId, StoredPhoto photo, ReadOnlyMemory<byte> content, ReadOnlyMemory<byte>? thumbnail, CancellationToken cancellationToken = default);

    /// <summary>Opens a photo or its thumbnail; null when there is no such photo for that subscriber and date.</summary>
    Task<Stream?> OpenAsync(string subscriberId, StoredPhoto photo, bool thumbnail, CancellationToken cancellationToken = default);

    /// <summary>Deletes one photo and its thumbnail, and frees its place in the day (<see cref="TryClaimSlotAsync"/>); false when it was not there.</summary>
    Task<bool> DeleteAsync(string subscriberId, LocalDate date, string id, CancellationToken cancellationToken = default);

    /// <summary>Deletes every photo the subscriber has; returns how many files went.</summary>
    Task<int> DeleteAllAsync(string subscriberId, CancellationToken cancellationToken = default);
}
