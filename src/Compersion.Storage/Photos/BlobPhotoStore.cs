using System.Globalization;
using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Compersion.Core.Photos;
using Compersion.Storage.Inbound;
using Compersion.Storage.Journal;
using Microsoft.Extensions.Options;
using NodaTime.Text;

namespace Compersion.Storage.Photos;

/// <summary>Photos in the <c>photos</c> container: <c>{subscriber id}/{yyyy-MM-dd}/{photo id}.{ext}</c>, with the
/// thumbnail beside it as <c>{photo id}.thumb.jpg</c>.</summary>
/// <remarks>
/// Every name is built from the subscriber id (ours), the date, the photo id (20 hex digits) and the format's extension:
/// nothing from the mail. The file name the mail gave is kept in the blob's metadata (base64), for display only.
/// Listing is by the subscriber's (and date's) prefix, so no call ever reaches another subscriber's photos. Whatever
/// changes what a listing finds (a photo kept or deleted, a place claimed) then changes the subscriber's <see cref="JournalStamp"/>.
/// </remarks>
internal sealed class BlobPhotoStore(BlobServiceClient blobs, StorageTables tables, IOptions<StorageOptions> options) : IPhotoStore
{
    private const string ThumbnailSuffix = ".thumb.jpg";
    private const string NameKey = "name";
    private const string ThumbnailKey = "thumbnail";
    private const string SourceKey = "source";
    private const string PositionKey = "position";
    private const string SlotPrefix = "slot";
    private const string SlotPhotoKey = "photo";
    private static readonly LocalDatePattern Iso = LocalDatePattern.Iso;
    private readonly BlobContainerClient container = blobs.GetBlobContainerClient(options.Value.TablePrefix.ToLowerInvariant() + ContainerNames.Photos);

    public Task<IReadOnlyList<StoredPhoto>> ListAsync(string subscriberId, LocalDate date, CancellationToken cancellationToken = default) =>
        ListUnderAsync(Prefix(subscriberId) + Iso.Format(date) + "/", cancellationToken);

    // Dates lead the names after the subscriber's prefix, so a year is a prefix too ("{subscriber}/2026-").
    public Task<IReadOnlyList<StoredPhoto>> ListYearAsync(string subscriberId, int year, CancellationToken cancellationToken = default) =>
        ListUnderAsync(Prefix(subscriberId) + year.ToString("0000", CultureInfo.InvariantCulture) + "-", cancellationToken);

    public Task<IReadOnlyList<StoredPhoto>> ListAllAsync(string subscriberId, CancellationToken cancellationToken = default) =>
        ListUnderAsync(Prefix(subscriberId), cancellationToken);

    // A day's places are blobs "{subscriber}/{date}/slot{n}" naming their photo, created only if absent (If-None-Match: *),
    // so of two replies kept at once each place goes to exactly one photo. They are not photos: the listing passes over them.
    public async Task<bool> TryClaimSlotAsync(string subscriberId, LocalDate date, string id, int slots, CancellationToken cancellationToken = default)
    {
        if (!StoredPhoto.IsId(id))
        {
            throw new ArgumentException("Not a photo id.", nameof(id));
        }

        // A day kept before places existed holds photos that name no place. Each is given one first, oldest first, by the
        // same conditional create: done once (a photo with a place is passed over), and two ingestions doing it at once
        // agree on it, so those photos count against the day's places as every later one does.
        var day = Prefix(subscriberId) + Iso.Format(date) + "/";
        foreach (var unplaced in await UnplacedAsync(day, cancellationToken))
        {
            if (!string.Equals(unplaced, id, StringComparison.Ordinal))
            {
                await ClaimAsync(subscriberId, day, unplaced, slots, cancellationToken);
            }
        }

        return await ClaimAsync(subscriberId, day, id, slots, cancellationToken);
    }

    public async Task SaveAsync(string subscriberId, StoredPhoto photo, ReadOnlyMemory<byte> content, ReadOnlyMemory<byte>? thumbnail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(photo);
        var name = BlobName(subscriberId, photo);

        // The thumbnail first: a photo that is listed has its thumbnail.
        if (thumbnail is { } small)
        {
            await container.GetBlobClient(ThumbnailName(name)).UploadAsync(
                new BinaryData(small),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "image/jpeg" } },
                cancellationToken);
        }

        var metadata = new Dictionary<string, string>
        {
            [NameKey] = Convert.ToBase64String(Encoding.UTF8.GetBytes(photo.Name)),
            [ThumbnailKey] = thumbnail is null ? "0" : "1",
        };
        if (photo.Source is { Length: > 0 } source)
        {
            metadata[SourceKey] = Convert.ToBase64String(Encoding.UTF8.GetBytes(source));
        }

        if (photo.Position is { } position)
        {
            metadata[PositionKey] = position.ToString(CultureInfo.InvariantCulture);
        }

        await container.GetBlobClient(name).UploadAsync(
            new BinaryData(content),
            new BlobUploadOptions { Metadata = metadata, HttpHeaders = new BlobHttpHeaders { ContentType = photo.MediaType } },
            cancellationToken);
        await JournalStamp.TouchAsync(tables.Subscribers(subscriberId), subscriberId, cancellationToken);
    }

    public async Task<Stream?> OpenAsync(string subscriberId, StoredPhoto photo, bool thumbnail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(photo);
        var name = BlobName(subscriberId, photo);
        try
        {
            var result = await container.GetBlobClient(thumbnail ? ThumbnailName(name) : name).DownloadStreamingAsync(cancellationToken: cancellationToken);
            return result.Value.Content;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    public async Task<bool> DeleteAsync(string subscriberId, LocalDate date, string id, CancellationToken cancellationToken = default)
    {
        if (!StoredPhoto.IsId(id))
        {
            return false;
        }

        var day = Prefix(subscriberId) + Iso.Format(date) + "/";
        var deleted = await DeleteUnderAsync(day + id + ".", cancellationToken) > 0;

        // Its place in the day goes with it, so the day can take another photo.
        await foreach (var slot in container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, day + SlotPrefix, cancellationToken))
        {
            if (slot.Metadata is { } metadata && metadata.TryGetValue(SlotPhotoKey, out var held) && string.Equals(held, id, StringComparison.Ordinal))
            {
                await container.DeleteBlobIfExistsAsync(slot.Name, cancellationToken: cancellationToken);
            }
        }

        await JournalStamp.TouchAsync(tables.Subscribers(subscriberId), subscriberId, cancellationToken);
        return deleted;
    }

    // Deleting everything (the subscriber's deletion) changes the stamp only when a photo went: a run that finds
    // nothing left (a deletion finishing after an interruption) writes nothing into a partition being emptied.
    public async Task<int> DeleteAllAsync(string subscriberId, CancellationToken cancellationToken = default)
    {
        var deleted = await DeleteUnderAsync(Prefix(subscriberId), cancellationToken);
        if (deleted > 0)
        {
            await JournalStamp.TouchAsync(tables.Subscribers(subscriberId), subscriberId, cancellationToken);
        }

        return deleted;
    }

    private async Task<bool> ClaimAsync(string subscriberId, string day, string id, int slots, CancellationToken cancellationToken)
    {
        for (var slot = 1; slot <= slots; slot++)
        {
            var blob = container.GetBlobClient(string.Create(CultureInfo.InvariantCulture, $"{day}{SlotPrefix}{slot}"));
            for (var attempt = 0; attempt < 2; attempt++)
            {
                try
                {
                    await blob.UploadAsync(
                        BinaryData.Empty,
                        new BlobUploadOptions { Metadata = new Dictionary<string, string> { [SlotPhotoKey] = id }, Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                        cancellationToken);
                    await JournalStamp.TouchAsync(tables.Subscribers(subscriberId), subscriberId, cancellationToken);
                    return true;
                }
                catch (RequestFailedException exception) when (exception.Status is 409 or 412)
                {
                    // Taken: by this photo already (a redelivery), or by another.
                }

                try
                {
                    var holder = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
                    if (holder.Value.Metadata.TryGetValue(SlotPhotoKey, out var held) && string.Equals(held, id, StringComparison.Ordinal))
                    {
                        return true;
                    }

                    break;
                }
                catch (RequestFailedException gone) when (gone.Status == 404)
                {
                    // Freed in between (its photo was deleted): try that place once more.
                }
            }
        }

        return false;
    }

    // The day's photos that no place names, oldest first (one listing of the day: its photos, thumbnails and places).
    private async Task<IReadOnlyList<string>> UnplacedAsync(string day, CancellationToken cancellationToken)
    {
        var photos = new List<(DateTimeOffset Created, string Id)>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, day, cancellationToken))
        {
            if (blob.Name.AsSpan(day.Length).StartsWith(SlotPrefix, StringComparison.Ordinal))
            {
                if (blob.Metadata is { } metadata && metadata.TryGetValue(SlotPhotoKey, out var held))
                {
                    placed.Add(held);
                }
            }
            else if (!blob.Name.EndsWith(ThumbnailSuffix, StringComparison.Ordinal) && Parse(blob) is { } photo)
            {
                photos.Add((blob.Properties.CreatedOn ?? DateTimeOffset.MinValue, photo.Id));
            }
        }

        return [.. photos.Where(photo => !placed.Contains(photo.Id)).OrderBy(photo => photo.Created).ThenBy(photo => photo.Id, StringComparer.Ordinal).Select(photo => photo.Id)];
    }

    private async Task<IReadOnlyList<StoredPhoto>> ListUnderAsync(string prefix, CancellationToken cancellationToken)
    {
        var found = new List<(DateTimeOffset Created, StoredPhoto Photo)>();
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix, cancellationToken))
        {
            if (!blob.Name.EndsWith(ThumbnailSuffix, StringComparison.Ordinal) && Parse(blob) is { } photo)
            {
                found.Add((blob.Properties.CreatedOn ?? DateTimeOffset.MinValue, photo));
            }
        }

        // Creation times come in whole seconds: a reply's photos kept within one second keep the order the reply held them in.
        return [.. found.OrderBy(p => p.Photo.Date).ThenBy(p => p.Created).ThenBy(p => p.Photo.Position ?? int.MaxValue).ThenBy(p => p.Photo.Id, StringComparer.Ordinal).Select(p => p.Photo)];
    }

    private async Task<int> DeleteUnderAsync(string prefix, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            names.Add(blob.Name);
        }

        var deleted = 0;
        foreach (var name in names)
        {
            if ((await container.DeleteBlobIfExistsAsync(name, cancellationToken: cancellationToken)).Value)
            {
                deleted++;
            }
        }

        return deleted;
    }

    // "{subscriber}/{yyyy-MM-dd}/{id}.{ext}" back into a photo; anything else under the prefix is not one of ours.
    private static StoredPhoto? Parse(BlobItem blob)
    {
        var parts = blob.Name.Split('/');
        if (parts.Length != 3 || !Iso.Parse(parts[1]).TryGetValue(default, out var date))
        {
            return null;
        }

        var dot = parts[2].IndexOf('.', StringComparison.Ordinal);
        var id = dot < 0 ? parts[2] : parts[2][..dot];
        var format = (dot < 0 ? string.Empty : parts[2][dot..]) switch
        {
            ".jpg" => PhotoFormat.Jpeg,
            ".png" => PhotoFormat.Png,
            ".webp" => PhotoFormat.WebP,
            ".heic" => PhotoFormat.Heic,
            _ => PhotoFormat.Unknown,
        };
        if (!StoredPhoto.IsId(id) || format == PhotoFormat.Unknown)
        {
            return null;
        }

        var metadata = blob.Metadata ?? new Dictionary<string, string>();
        var name = metadata.TryGetValue(NameKey, out var encoded) ? Encoding.UTF8.GetString(Convert.FromBase64String(encoded)) : id;
        var hasThumbnail = metadata.TryGetValue(ThumbnailKey, out var flag) && flag == "1";
        var source = metadata.TryGetValue(SourceKey, out var from) ? Encoding.UTF8.GetString(Convert.FromBase64String(from)) : null;
        var position = metadata.TryGetValue(PositionKey, out var place) && int.TryParse(place, NumberStyles.None, CultureInfo.InvariantCulture, out var at) ? at : (int?)null;
        return new StoredPhoto(date, id, format, name, blob.Properties.ContentLength ?? 0, hasThumbnail) { Source = source, Position = position };
    }

    private static string Prefix(string subscriberId)
    {
        TableKeys.Require(subscriberId, nameof(subscriberId));
        return subscriberId.Contains('/', StringComparison.Ordinal) || subscriberId.Contains('.', StringComparison.Ordinal)
            ? throw new ArgumentException("A subscriber id never holds a path character.", nameof(subscriberId))
            : subscriberId + "/";
    }

    private static string BlobName(string subscriberId, StoredPhoto photo) =>
        StoredPhoto.IsId(photo.Id)
            ? string.Create(CultureInfo.InvariantCulture, $"{Prefix(subscriberId)}{Iso.Format(photo.Date)}/{photo.Id}{photo.Extension}")
            : throw new ArgumentException("Not a photo id.", nameof(photo));

    private static string ThumbnailName(string name) => name[..name.LastIndexOf('.')] + ThumbnailSuffix;
}
