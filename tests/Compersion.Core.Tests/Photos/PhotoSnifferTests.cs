using Compersion.Core.Photos;

namespace Compersion.Core.Tests.Photos;

public sealed class PhotoSnifferTests
{
    [Theory]
    [InlineData("FFD8FFE000104A464946", PhotoFormat.Jpeg)]
    [InlineData("89504E470D0A1A0A0000000D49484452", PhotoFormat.Png)]
    [InlineData("52494646AAAA000057454250565038", PhotoFormat.WebP)]
    [InlineData("00000018667479706865696300000000", PhotoFormat.Heic)]
    [InlineData("000000186674797068656963", PhotoFormat.Heic)]
    [InlineData("0000001C667479706D69663100000000", PhotoFormat.Heic)]
    [InlineData("0000001C6674797061766966", PhotoFormat.Unknown)]
    [InlineData("00000018667479706973736F6D", PhotoFormat.Unknown)]
    [InlineData("3C3F786D6C2076657273696F6E3D", PhotoFormat.Unknown)]
    [InlineData("474946383961", PhotoFormat.Unknown)]
    [InlineData("FFD8", PhotoFormat.Unknown)]
    [InlineData("", PhotoFormat.Unknown)]
    public void Sniff_FirstBytes_FormatFromTheSignatureOnly(string hex, PhotoFormat expected)
    {
        var head = Convert.FromHexString(hex);

        var format = PhotoSniffer.Sniff(head);

        Assert.Equal(expected, format);
    }
}
