using Compersion.Core.Subscribers;

namespace Compersion.Core.Tests.Subscribers;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("alex@example.org", "alex@example.org")]
    [InlineData("  alex@example.org \t", "alex@example.org")]
    [InlineData("Alex.Doe@Example.ORG", "Alex.Doe@example.org")] // the local part may be case-sensitive; the domain is not
    [InlineData("alex+gratitude@mail.example.co.uk", "alex+gratitude@mail.example.co.uk")]
    public void TryNormalize_ValidAddress_TrimsAndLowercasesTheDomainOnly(string input, string expected)
    {
        var ok = EmailAddress.TryNormalize(input, out var normalized);

        Assert.True(ok);
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("alex")]
    [InlineData("alex@")]
    [InlineData("@example.org")]
    [InlineData("alex@localhost")]
    [InlineData("alex@.example.org")]
    [InlineData("alex@example.org.")]
    [InlineData("alex@@example.org")]
    [InlineData("alex doe@example.org")]
    [InlineData("alex@exam ple.org")]
    [InlineData("alex@example.org\r\nBcc: victim@example.org")]
    [InlineData("Alex <alex@example.org>")]
    [InlineData("\"Alex\" <alex@example.org>")]
    [InlineData("<alex@example.org>")]
    [InlineData("alex@example.org, sam@example.org")]
    public void TryNormalize_MalformedOrDisplayName_IsRefused(string? input)
    {
        var ok = EmailAddress.TryNormalize(input, out var normalized);

        Assert.False(ok);
        Assert.Equal(string.Empty, normalized);
    }

    [Fact]
    public void TryNormalize_LongerThan254Characters_IsRefused()
    {
        var input = new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 3)) + ".example.org";

        var ok = EmailAddress.TryNormalize(input, out _);

        Assert.True(input.Length > EmailAddress.MaxLength);
        Assert.False(ok);
    }

    [Fact]
    public void Hash_KnownAddress_IsLowercaseHexSha256()
    {
        // sha256("alex@example.org"), computed with coreutils' sha256sum.
        const string expected = "2533d1b2cab8476f9e0c7226e027a013942c2aa3990443113939a3081ea8e1a6";

        var hash = EmailAddress.Hash("alex@example.org");

        Assert.Equal(expected, hash);
    }

    [Theory]
    [InlineData("ALEX@EXAMPLE.ORG")]
    [InlineData("Alex@Example.org")]
    [InlineData("  alex@example.org  ")]
    public void Hash_DifferentCaseOrSpacing_IsTheSame(string variant)
    {
        var hash = EmailAddress.Hash(variant);

        Assert.Equal(EmailAddress.Hash("alex@example.org"), hash);
    }

    [Fact]
    public void Hash_DifferentAddresses_Differ()
    {
        var first = EmailAddress.Hash("alex@example.org");

        var second = EmailAddress.Hash("sam@example.org");

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Hash_AnyAddress_IsSafeAsATableKey()
    {
        var hash = EmailAddress.Hash("o'brien/#?\\@example.org");

        Assert.Matches("^[0-9a-f]{64}$", hash);
    }
}
