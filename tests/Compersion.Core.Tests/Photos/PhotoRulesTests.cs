using Compersion.Core.Photos;

namespace Compersion.Core.Tests.Photos;

public sealed class PhotoRulesTests
{
    [Theory]
    [InlineData("IMG_0001.HEIC", "application/octet-stream", true)]
    [InlineData("beach.jpeg", null, true)]
    [InlineData("scan", "image/png", true)]
    [InlineData("invoice.pdf", "application/pdf", false)]
    [InlineData("invite.ics", "text/calendar", false)]
    [InlineData(null, null, false)]
    public void LooksLikePhoto_NameAndDeclaredType_ImagesOnly(string? name, string? type, bool expected)
    {
        var attachment = new MailAttachment(name, type, null, 10_000, new byte[10]);

        Assert.Equal(expected, PhotoRules.LooksLikePhoto(attachment));
    }

    [Fact]
    public void IsSignatureImage_LogoInGmailSignature_True()
    {
        const string html = """<div dir="ltr">1. Sam's soup<br><img src="cid:photo1"></div><div class="gmail_signature"><img src="cid:logo@acme"> ACME Ltd</div>""";

        Assert.True(PhotoRules.IsSignatureImage(html, "logo@acme"));
        Assert.False(PhotoRules.IsSignatureImage(html, "photo1"));
    }

    [Fact]
    public void IsSignatureImage_ImageAfterTheDashDashSeparator_True()
    {
        const string html = "<p>The rain stopped</p><p><img src=\"cid:beach\"></p>-- <br>Alex<br><img src=\"cid:badge\">";

        Assert.True(PhotoRules.IsSignatureImage(html, "badge"));
        Assert.False(PhotoRules.IsSignatureImage(html, "beach"));
    }

    [Theory]
    [InlineData("""<div id="Signature"><img src="cid:outlook-logo"></div>""")]
    [InlineData("""<div class="moz-signature"><img src="cid:outlook-logo"></div>""")]
    public void IsSignatureImage_OutlookAndThunderbirdSignatures_True(string html)
    {
        Assert.True(PhotoRules.IsSignatureImage(html, "outlook-logo"));
    }

    [Fact]
    public void IsSignatureImage_NotReferencedOrNoHtml_False()
    {
        Assert.False(PhotoRules.IsSignatureImage(null, "x"));
        Assert.False(PhotoRules.IsSignatureImage("<div class=\"gmail_signature\">Alex</div>", "attached-photo"));
    }

    [Theory]
    [InlineData(43, 1, 1, true)]
    [InlineData(30_000, 64, 64, true)]
    [InlineData(30_000, 48, 600, false)]
    [InlineData(1_900, 800, 600, true)]
    [InlineData(40_000, 800, 600, false)]
    public void IsTiny_PixelsAndLogos_SmallOnesAreNotPhotos(long bytes, int width, int height, bool expected)
    {
        Assert.Equal(expected, PhotoRules.IsTiny(bytes, width, height));
    }

    [Theory]
    [InlineData("../../etc/passwd", 1, "passwd")]
    [InlineData("C:\\Users\\alex\\beach.jpg", 1, "beach.jpg")]
    [InlineData("bad\u0000\u0007name.png", 1, "badname.png")]
    [InlineData("", 3, "photo 3")]
    [InlineData(null, 2, "photo 2")]
    public void DisplayName_PathsAndControlCharacters_LastSegmentCleaned(string? name, int position, string expected)
    {
        Assert.Equal(expected, PhotoRules.DisplayName(name, position));
    }
}
