using Compersion.Core.Photos;
using ImageMagick;

namespace Compersion.Imaging.Tests;

public sealed class MagickPhotoImagingTests
{
    private static readonly string TestData = Path.Combine(AppContext.BaseDirectory, "TestData");

    [Theory]
    [InlineData(MagickFormat.Jpeg, PhotoFormat.Jpeg)]
    [InlineData(MagickFormat.Png, PhotoFormat.Png)]
    [InlineData(MagickFormat.WebP, PhotoFormat.WebP)]
    public void Read_LandscapePhoto_ThumbnailIsAJpegWithLongSide512(MagickFormat written, PhotoFormat expected)
    {
        var photo = Picture(1600, 1200, written);

        var reading = CreateSut().Read(photo);

        Assert.Equal(PhotoProblem.None, reading.Problem);
        Assert.Equal((expected, 1600, 1200), (reading.Format, reading.Width, reading.Height));
        var thumbnail = new MagickImageInfo(reading.Thumbnail!);
        Assert.Equal((MagickFormat.Jpeg, 512u, 384u), (thumbnail.Format, thumbnail.Width, thumbnail.Height));
    }

    [Fact]
    public void Read_HeicFromAPhone_ThumbnailMade()
    {
        var photo = File.ReadAllBytes(Path.Combine(TestData, "photo.heic"));

        var reading = CreateSut().Read(photo);

        Assert.Equal((PhotoFormat.Heic, PhotoProblem.None), (reading.Format, reading.Problem));
        Assert.Equal(MagickFormat.Jpeg, new MagickImageInfo(reading.Thumbnail!).Format);
    }

    [Fact]
    public void Read_HeicCutShort_KeptAsHeicButUndecodable()
    {
        var photo = File.ReadAllBytes(Path.Combine(TestData, "truncated.heic"));

        var reading = CreateSut().Read(photo);

        Assert.Equal((PhotoFormat.Heic, PhotoProblem.Undecodable), (reading.Format, reading.Problem));
        Assert.Null(reading.Thumbnail);
    }

    [Fact]
    public void Read_JpegDeclaring65000By65000_RefusedUnreadAsTooManyPixels()
    {
        var bomb = Picture(300, 200, MagickFormat.Jpeg);
        var frame = Enumerable.Range(2, bomb.Length - 3).First(i => bomb[i] == 0xFF && bomb[i + 1] is 0xC0 or 0xC2);
        bomb[frame + 5] = 0xFD;
        bomb[frame + 6] = 0xE8;
        bomb[frame + 7] = 0xFD;
        bomb[frame + 8] = 0xE8;

        var reading = CreateSut().Read(bomb);

        Assert.Equal((PhotoProblem.TooManyPixels, 65000, 65000), (reading.Problem, reading.Width, reading.Height));
        Assert.Null(reading.Thumbnail);
    }

    [Fact]
    public void Read_TextNamedLikeAJpeg_NotAnImage()
    {
        var text = "Just a note that says it is a photo."u8.ToArray();

        var reading = CreateSut().Read(text);

        Assert.Equal((PhotoFormat.Unknown, PhotoProblem.NotAnImage), (reading.Format, reading.Problem));
    }

    [Fact]
    public void Read_JpegSignatureThenGarbage_Undecodable()
    {
        byte[] fake = [0xFF, 0xD8, 0xFF, .. Enumerable.Repeat((byte)0x41, 4000)];

        var reading = CreateSut().Read(fake);

        Assert.Equal((PhotoFormat.Jpeg, PhotoProblem.Undecodable), (reading.Format, reading.Problem));
    }

    [Fact]
    public void Read_PortraitShotSidewaysWithLocation_ThumbnailUprightWithoutMetadata()
    {
        using var image = new MagickImage("gradient:red-blue", 800, 400) { Orientation = Orientation.RightTop };
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.Orientation, (ushort)6);
        image.SetProfile(exif);
        var photo = image.ToByteArray(MagickFormat.Jpeg);

        var reading = CreateSut().Read(photo);

        using var thumbnail = new MagickImage(reading.Thumbnail!);
        Assert.Equal((256u, 512u), (thumbnail.Width, thumbnail.Height));
        Assert.Null(thumbnail.GetExifProfile());
    }

    private static MagickPhotoImaging CreateSut() => new();

    private static byte[] Picture(uint width, uint height, MagickFormat format)
    {
        using var image = new MagickImage("plasma:", width, height);
        return image.ToByteArray(format);
    }
}
