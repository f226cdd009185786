using System.Text.Json;

namespace Compersion.Email.Tests;

public sealed class SendGridMessageFactoryTests
{
    [Fact]
    public void Create_NoHtml_SendsPlainTextOnly()
    {
        var mail = TestMail.Prompt(html: null);

        var message = SendGridMessageFactory.Create(mail);

        using var json = JsonDocument.Parse(message.Serialize());
        var content = Assert.Single(json.RootElement.GetProperty("content").EnumerateArray());
        Assert.Equal("text/plain", content.GetProperty("type").GetString());
    }

    [Fact]
    public void Create_NoReplyTo_OmitsReplyTo()
    {
        var mail = TestMail.Prompt() with { ReplyTo = null };

        var message = SendGridMessageFactory.Create(mail);

        using var json = JsonDocument.Parse(message.Serialize());
        Assert.False(json.RootElement.TryGetProperty("reply_to", out _));
    }

    [Fact]
    public void Create_KindShapedLikeAnAddress_NoCategory()
    {
        var mail = TestMail.Prompt() with { Kind = "ada@example.org" };

        var message = SendGridMessageFactory.Create(mail);

        using var json = JsonDocument.Parse(message.Serialize());
        Assert.False(json.RootElement.TryGetProperty("categories", out _));
    }

    [Theory]
    [InlineData("mfrggzdfmztwq2lk", true)]
    [InlineData("prompt", true)]
    [InlineData("ada@example.org", false)]
    [InlineData("", false)]
    [InlineData(" ", false)]
    [InlineData(null, false)]
    public void IsOpaque_Value_OnlyNonEmptyAndAddressFree(string? value, bool expected)
    {
        var opaque = SendGridMessageFactory.IsOpaque(value);

        Assert.Equal(expected, opaque);
    }
}
