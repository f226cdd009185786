using Compersion.Core.Security;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Security;

public sealed class FormTokensTests
{
    private const string Page = "settings-link-token";

    [Fact]
    public void Check_TokenForThisCookieAndPage_Valid()
    {
        var sut = new FormTokens(Signer());
        var nonce = FormTokens.NewNonce();

        var check = sut.Check(Page, nonce, sut.TokenFor(Page, nonce));

        Assert.Equal(FormCheck.Valid, check);
    }

    [Fact]
    public void Check_TokenMadeForAnotherCookie_Mismatch()
    {
        var sut = new FormTokens(Signer());

        var check = sut.Check(Page, FormTokens.NewNonce(), sut.TokenFor(Page, FormTokens.NewNonce()));

        Assert.Equal(FormCheck.Mismatch, check);
    }

    [Fact]
    public void Check_TokenMadeForAnotherPage_Mismatch()
    {
        var sut = new FormTokens(Signer());
        var nonce = FormTokens.NewNonce();

        var check = sut.Check(Page, nonce, sut.TokenFor("someone-elses-link", nonce));

        Assert.Equal(FormCheck.Mismatch, check);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("this nonce has spaces in it!!")]
    public void Check_NoOrMalformedCookie_MissingCookie(string? cookie)
    {
        var sut = new FormTokens(Signer());

        var check = sut.Check(Page, cookie, sut.TokenFor(Page, FormTokens.NewNonce()));

        Assert.Equal(FormCheck.MissingCookie, check);
    }

    [Fact]
    public void Check_NoToken_MissingToken()
    {
        var sut = new FormTokens(Signer());

        var check = sut.Check(Page, FormTokens.NewNonce(), null);

        Assert.Equal(FormCheck.MissingToken, check);
    }

    [Fact]
    public void Check_AfterSecretRotation_TokenFromBeforeStillValid()
    {
        var nonce = FormTokens.NewNonce();
        var token = new FormTokens(Signer(OtherSecret)).TokenFor(Page, nonce);

        var check = new FormTokens(Signer(Secret, previous: OtherSecret)).Check(Page, nonce, token);

        Assert.Equal(FormCheck.Valid, check);
    }

    [Fact]
    public void Check_TokenSignedWithAnUnknownSecret_Mismatch()
    {
        var nonce = FormTokens.NewNonce();
        var token = new FormTokens(Signer(OtherSecret)).TokenFor(Page, nonce);

        var check = new FormTokens(Signer()).Check(Page, nonce, token);

        Assert.Equal(FormCheck.Mismatch, check);
    }
}
