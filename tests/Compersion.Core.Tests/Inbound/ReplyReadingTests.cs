using Compersion.Core.Inbound;

namespace Compersion.Core.Tests.Inbound;

public sealed class ReplyReadingTests
{
    [Fact]
    public void Read_ReplySignedWithTheSendersOwnName_DoesNotSaveTheName()
    {
        var mail = new InboundMail("m1@example.org", "dana@example.com", ["reply+t@reply.example"], "Re: today", "1. Coffee with Sam\n2. The frost on the grass\n\nDana", null, true, true, "hash");

        var reading = ReplyReading.Read(mail);

        Assert.Equal(["Coffee with Sam", "The frost on the grass"], reading.Items.Select(item => item.Text));
    }
}
