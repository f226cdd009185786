namespace Compersion.Core.Mail;

/// <summary>A mail's two renderings of the same view, each with its footer.</summary>
/// <param name="Text">The plain-text body.</param>
/// <param name="Html">The HTML body, inside the shared frame.</param>
internal sealed record MailBody(string Text, string Html);
