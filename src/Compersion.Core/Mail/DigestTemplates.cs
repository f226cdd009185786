using Compersion.Core.Common;

namespace Compersion.Core.Mail;

/// <summary>The digest templates in <c>Mail/Templates</c>, parsed once per process; the page frame and footer are the prompts'.</summary>
internal static class DigestTemplates
{
    /// <summary>The digest's own templates.</summary>
    public static LiquidTemplates Instance { get; } = new(
        typeof(DigestTemplates).Assembly,
        "Compersion.Core.Mail.Templates.",
        [typeof(DigestView), typeof(DigestActView), typeof(DigestGridRow), typeof(DigestIdeaView)]);
}
