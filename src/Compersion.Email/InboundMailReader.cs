using Compersion.Core.Inbound;

namespace Compersion.Email;

/// <summary>Core's <see cref="IInboundMailReader"/> over <see cref="InboundParseReader"/>.</summary>
internal sealed class InboundMailReader : IInboundMailReader
{
    public bool TryRead(Stream post, string? contentType, out InboundMail? mail, out string? problem) =>
        InboundParseReader.TryRead(post, contentType, out mail, out problem);
}
