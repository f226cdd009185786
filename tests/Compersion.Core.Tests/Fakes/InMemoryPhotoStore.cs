using Compersion.Core.Photos;
using NodaTime;

namespace Compersion.Core.Tests.Fakes;

/// <summary>An <see cref="IPhotoStore"/> in memory.</summary>
internal sealed class InMemoryPhotoStore : IPhotoStore
{
    private readonly List<(string SubscriberId, StoredPhoto Photo, byte[] Content, byte[]? Thumbnail)> photos = [];

    private readonly List<(string SubscriberId, LocalDate Date, string Id)> slotsHeld = [];

    public int Saves { get; private set; }

    public IReadOnlyList<StoredPhoto> Of(string subscriberId) => [.. photos.Where(p => p.SubscriberId == subscriberId).Select(p => p.Photo)];

    public Task<IReadOnlyList<StoredPhoto>> ListAsync(string subscriberId, LocalDate date, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredPhoto>>([.. Of(subscriberId).Where(p => p.Date == date)]);

    public Task<IReadOnlyList<StoredPhoto>> ListYearAsync(string subscriberId, int year, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredPhoto>>([.. Of(subscriberId).Where(p => p.Date.Year == year)]);

    public Task<IReadOnlyList<StoredPhoto>> ListAllAsync(string subscriberId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Of(subscriberId));

    public Task<bool> TryClaimSlotAsync(string subscriberId, LocalDate date, string id, int slots, CancellationToken cancellationToken = default)
    {
        var held = slotsHeld.Where(s => s.SubscriberId == subscriberId && s.Date == date).ToList();
        if (held.Any(s => s.Id == id))
        {
            return Task.FromResult(true);
        }

        if (held.Count >= slots)
        {
            return Task.FromResult(false);
        }

        slotsHeld.Add((subscriberId, date, id));
        return Task.FromResult(true);
    }

    public Task SaveAsync(string subscriberId, StoredPhoto photo, ReadOnlyMemory<byte> content, ReadOnlyMemory<byte>? thumbnail, CancellationToken cancellationToken = default)
    {
        Saves++;
        photos.RemoveAll(p => p.SubscriberId == subscriberId && p.Photo.Id == photo.Id);
        photos.Add((subscriberId, photo, content.ToArray(), thumbnail?.ToArray()));
        return Task.CompletedTask;
    }

    public Task<Stream?> OpenAsync(string subscriberId, StoredPhoto photo, bool thumbnail, CancellationToken cancellationToken = default)
    {
        var found = photos.FirstOrDefault(p => p.SubscriberId == subscriberId && p.Photo.Id == photo.Id && p.Photo.Date == photo.Date);
        var bytes = found.Photo is null ? null : thumbnail ? found.Thumbnail : found.Content;
        return Task.FromResult<Stream?>(bytes is null ? null : new MemoryStream(bytes));
    }

    public Task<bool> DeleteAsync(string subscriberId, LocalDate date, string id, CancellationToken cancellationToken = default)
    {
        slotsHeld.RemoveAll(s => s.SubscriberId == subscriberId && s.Date == date && s.Id == id);
        return Task.FromResult(photos.RemoveAll(p => p.SubscriberId == subscriberId && p.Photo.Date == date && p.Photo.Id == id) > 0);
    }

    public Task<int> DeleteAllAsync(string subscriberId, CancellationToken cancellationToken = default)
    {
        slotsHeld.RemoveAll(s => s.SubscriberId == subscriberId);
        return Task.FromResult(photos.RemoveAll(p => p.SubscriberId == subscriberId));
    }
}
