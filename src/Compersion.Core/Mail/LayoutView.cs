namespace Compersion.Core.Mail;

/// <summary>The HTML frame every mail shares.</summary>
/// <param name="Title">The document title (the subject).</param>
/// <param name="Preheader">The hidden preview line inboxes show after the subject.</param>
/// <param name="Brand">The sender name shown at the top.</param>
/// <param name="Content">Already-rendered, already-escaped HTML rows of the card.</param>
/// <param name="Footer">Already-rendered, already-escaped HTML rows below the card (may be empty).</param>
internal sealed record LayoutView(string Title, string Preheader, string Brand, string Content, string Footer);
