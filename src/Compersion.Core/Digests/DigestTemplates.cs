using Compersion.Core.Mail;

namespace Compersion.Core.Digests;

/// <summary>The digest templates in <c>Digests/Templates</c>, parsed once per process; the page frame and footer are the prompts'.</summary>
internal static class DigestTemplates
{
    /// <summary>The digest's own templates.</summary>
    public static MailTemplates Instance { get; } = new(
        typeof(DigestTemplates).Assembly,
        "Compersion.Core.Digests.Templates.",
        [typeof(DigestView), typeof(DigestActView), typeof(DigestGridRow), typeof(DigestIdeaView)]);
}
