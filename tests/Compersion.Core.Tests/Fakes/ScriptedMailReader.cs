using System.Text;
using Compersion.Core.Inbound;

namespace Compersion.Core.Tests.Fakes;

/// <summary>An <see cref="IInboundMailReader"/> that reads a post as the name of a mail registered with <see cref="Register"/>; anything else is unreadable.</summary>
internal sealed class ScriptedMailReader : IInboundMailReader
{
    private readonly Dictionary<string, InboundMail> mails = new(StringComparer.Ordinal);

    public string Register(InboundMail mail)
    {
        var handle = $"mail-{mails.Count:D4}";
        mails[handle] = mail;
        return handle;
    }

    /// <summary>Reads a registered post differently from now on, as a fixed reader would read the same bytes.</summary>
    public void Reread(string handle, InboundMail mail) => mails[handle] = mail;

    public bool TryRead(Stream post, string? contentType, out InboundMail? mail, out string? problem)
    {
        using var reader = new StreamReader(post, Encoding.UTF8);
        var found = mails.TryGetValue(reader.ReadToEnd(), out mail);
        problem = found ? null : "unreadable";
        return found;
    }
}
