using Compersion.Core.Links;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Links;

public sealed class UnsubscribeLinksTests
{
    [Fact]
    public void Create_ForASubscriber_BuildsUrlMailtoAndBothHeaders()
    {
        var links = UnsubscribeLinks.Create(Signer(), MailSettings().Value, AlexId, Date("2026-11-25"));

        var t = links.Token;
        Assert.Equal($"https://app.example.org/api/unsubscribe?token={t}", links.Url);
        Assert.Equal($"unsubscribe+{t}@reply.example.org", links.MailtoAddress);
        Assert.Equal($"mailto:unsubscribe+{t}@reply.example.org", links.MailtoUrl);
        Assert.Equal($"<https://app.example.org/api/unsubscribe?token={t}>, <mailto:unsubscribe+{t}@reply.example.org>", links.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", links.Headers["List-Unsubscribe-Post"]);
        Assert.Equal(2, links.Headers.Count);
    }

    [Fact]
    public void Create_Token_UnsubscribesThisSubscriberAndNeverExpires()
    {
        var signer = Signer();

        var links = UnsubscribeLinks.Create(signer, MailSettings().Value, AlexId, Date("2026-11-25"));

        Assert.Equal(LinkCheck.Valid, signer.CheckLink(links.Token, TokenPurpose.Unsubscribe, Utc("2036-11-25T00:00:00Z"), out var subscriberId));
        Assert.Equal(AlexId, subscriberId);
        Assert.Equal(LinkCheck.Invalid, signer.CheckLink(links.Token, TokenPurpose.Confirm, Utc("2026-11-25T00:00:00Z"), out _));
    }

    [Fact]
    public void Create_BaseUrlWithTrailingSlash_HasNoDoubleSlash()
    {
        var options = new MailOptions { PublicBaseUrl = "https://app.example.org/", InboundDomain = InboundDomain };

        var links = UnsubscribeLinks.Create(Signer(), options, AlexId, Date("2026-11-25"));

        Assert.StartsWith("https://app.example.org/api/unsubscribe?token=", links.Url, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SameMailComposedTwice_HasTheSameLink()
    {
        var first = UnsubscribeLinks.Create(Signer(), MailSettings().Value, AlexId, Date("2026-11-25"));

        var second = UnsubscribeLinks.Create(Signer(), MailSettings().Value, AlexId, Date("2026-11-25"));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Create_FarFutureDate_DoesNotOverflow()
    {
        var links = UnsubscribeLinks.Create(Signer(), MailSettings().Value, AlexId, Date("9999-12-31"));

        Assert.Equal(45, links.Token.Length);
    }
}
