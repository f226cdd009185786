using Compersion.Core.Photos;

namespace Compersion.Core.Tests.Fakes;

/// <summary>An <see cref="IPhotoImaging"/> that reads a picture's size from the test's own header: <c>PHOTO {format} {width}x{height}</c>, then padding.</summary>
/// <remarks>Bytes that start otherwise are not an image; <c>PHOTO Heic broken</c> is a HEIC that cannot be decoded.</remarks>
internal sealed class ScriptedPhotoImaging : IPhotoImaging
{
    public int Reads { get; private set; }

    /// <summary>A scripted picture of the given size and format, padded to <paramref name="bytes"/>.</summary>
    public static byte[] Picture(int width, int height, PhotoFormat format = PhotoFormat.Jpeg, int bytes = 50_000)
    {
        var head = System.Text.Encoding.ASCII.GetBytes($"PHOTO {format} {width}x{height}\n");
        var content = new byte[Math.Max(bytes, head.Length)];
        head.CopyTo(content, 0);
        return content;
    }

    public PhotoReading Read(ReadOnlyMemory<byte> content)
    {
        Reads++;
        var text = System.Text.Encoding.ASCII.GetString(content.Span[..Math.Min(content.Length, 40)]);
        var line = text.Split('\n')[0].Split(' ');
        if (line.Length != 3 || line[0] != "PHOTO" || !Enum.TryParse<PhotoFormat>(line[1], out var format))
        {
            return new PhotoReading(PhotoFormat.Unknown, 0, 0, null, PhotoProblem.NotAnImage);
        }

        if (line[2] == "broken")
        {
            return new PhotoReading(format, 0, 0, null, PhotoProblem.Undecodable);
        }

        var size = line[2].Split('x');
        var (width, height) = (int.Parse(size[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(size[1], System.Globalization.CultureInfo.InvariantCulture));
        return (long)width * height > IPhotoImaging.MaxPixels
            ? new PhotoReading(format, width, height, null, PhotoProblem.TooManyPixels)
            : new PhotoReading(format, width, height, [1, 2, 3], PhotoProblem.None);
    }
}
