namespace Compersion.Core.Photos;

/// <summary>Tells a photo's format from its first bytes, never from its name or declared type.</summary>
/// <remarks>
/// A mail can call anything <c>photo.jpg</c> with <c>image/jpeg</c>; only these signatures reach the image library, and
/// the library is told which decoder to use, so no other of its many decoders (SVG, PostScript, MSL …) ever reads mail.
/// </remarks>
public static class PhotoSniffer
{
    // ISO BMFF brands of HEIF still images (HEVC-coded and generic), as phones write them.
    private static readonly string[] HeifBrands = ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"];

    /// <summary>The format the bytes are in, or <see cref="PhotoFormat.Unknown"/>.</summary>
    public static PhotoFormat Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return PhotoFormat.Jpeg;
        }

        if (head.Length >= 8 && head[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return PhotoFormat.Png;
        }

        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return PhotoFormat.WebP;
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = System.Text.Encoding.ASCII.GetString(head[8..12]);
            return HeifBrands.Contains(brand, StringComparer.Ordinal) ? PhotoFormat.Heic : PhotoFormat.Unknown;
        }

        return PhotoFormat.Unknown;
    }
}
