namespace Compersion.Core.Inbound;

/// <summary>Turns an archived Inbound Parse post into an <see cref="InboundMail"/> (a port; Email implements it with MimeKit).</summary>
public interface IInboundMailReader
{
    /// <summary>Reads a post; false with an address-free reason when it can't be read.</summary>
    bool TryRead(Stream post, string? contentType, out InboundMail? mail, out string? problem);
}
