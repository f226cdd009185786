using System.Runtime.InteropServices;
using Compersion.Core.Photos;
using ImageMagick;

namespace Compersion.Imaging;

/// <summary>Reads photos and makes thumbnails with Magick.NET (ImageMagick with libheif, libjpeg-turbo, libpng, libwebp).</summary>
/// <remarks>
/// <para>The format comes from the bytes (<see cref="PhotoSniffer"/>) and is handed to ImageMagick, so only the JPEG,
/// PNG, WebP and HEIC decoders ever read mail. The header is read first (a ping, no pixels) and an image declaring more
/// than <see cref="IPhotoImaging.MaxPixels"/> is refused unread, so an image bomb costs a few kilobytes, not gigabytes.</para>
/// <para>A JPEG is decoded at a reduced size (libjpeg's scaled decoding, the <c>jpeg:size</c> hint), which keeps a
/// 24 MP photo's thumbnail near 20 MB of memory. Thumbnails are turned upright by their EXIF orientation and carry
/// no metadata (no location).</para>
/// </remarks>
internal sealed class MagickPhotoImaging : IPhotoImaging
{
    static MagickPhotoImaging()
    {
        // A second fence behind the ping: ImageMagick itself refuses a picture wider or taller than this.
        ResourceLimits.Width = 30_000;
        ResourceLimits.Height = 30_000;
    }

    /// <inheritdoc />
    public PhotoReading Read(ReadOnlyMemory<byte> content)
    {
        var format = PhotoSniffer.Sniff(content.Span[..Math.Min(content.Length, 32)]);
        if (format == PhotoFormat.Unknown)
        {
            return new PhotoReading(format, 0, 0, null, PhotoProblem.NotAnImage);
        }

        var (array, offset, count) = Segment(content);
        var settings = new MagickReadSettings { Format = MagickFormatOf(format) };
        uint width;
        uint height;
        try
        {
            var info = new MagickImageInfo(array, offset, count, settings);
            width = info.Width;
            height = info.Height;
        }
        catch (MagickException)
        {
            return new PhotoReading(format, 0, 0, null, PhotoProblem.Undecodable);
        }

        if (width == 0 || height == 0)
        {
            return new PhotoReading(format, 0, 0, null, PhotoProblem.Undecodable);
        }

        if ((long)width * height > IPhotoImaging.MaxPixels)
        {
            return new PhotoReading(format, Clamp(width), Clamp(height), null, PhotoProblem.TooManyPixels);
        }

        try
        {
            if (format == PhotoFormat.Jpeg)
            {
                settings.SetDefine(MagickFormat.Jpeg, "size", $"{IPhotoImaging.ThumbnailSide * 2}x{IPhotoImaging.ThumbnailSide * 2}");
            }

            using var image = new MagickImage(array, offset, count, settings);
            image.AutoOrient();
            image.Thumbnail(new MagickGeometry(IPhotoImaging.ThumbnailSide, IPhotoImaging.ThumbnailSide) { Greater = true });
            image.Strip();
            image.Quality = 80;
            image.Format = MagickFormat.Jpeg;
            return new PhotoReading(format, Clamp(width), Clamp(height), image.ToByteArray(), PhotoProblem.None);
        }
        catch (MagickException)
        {
            return new PhotoReading(format, Clamp(width), Clamp(height), null, PhotoProblem.Undecodable);
        }
    }

    private static MagickFormat MagickFormatOf(PhotoFormat format) => format switch
    {
        PhotoFormat.Jpeg => MagickFormat.Jpeg,
        PhotoFormat.Png => MagickFormat.Png,
        PhotoFormat.WebP => MagickFormat.WebP,
        PhotoFormat.Heic => MagickFormat.Heic,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a photo format"),
    };

    private static (byte[] Array, uint Offset, uint Count) Segment(ReadOnlyMemory<byte> content) =>
        MemoryMarshal.TryGetArray(content, out var segment) && segment.Array is not null
            ? (segment.Array, (uint)segment.Offset, (uint)segment.Count)
            : (content.ToArray(), 0u, (uint)content.Length);

    private static int Clamp(uint value) => (int)Math.Min(value, int.MaxValue);
}
