using Compersion.Core.Links;

namespace Compersion.Cli.Inbox;

/// <summary>One mail in the local inbox's list.</summary>
/// <param name="Url">Where selecting it leads.</param>
/// <param name="Subject">Its subject.</param>
/// <param name="Kind">Its <c>X-Compersion-Kind</c>.</param>
/// <param name="To">Its recipient.</param>
/// <param name="Date">When it was written (UTC).</param>
/// <param name="Selected">Whether it is the one shown.</param>
internal sealed record InboxRow(string Url, string Subject, string Kind, string To, string Date, bool Selected);

/// <summary>The local inbox page.</summary>
/// <param name="Folder">The pickup folder shown.</param>
/// <param name="Rows">Every mail, newest first.</param>
/// <param name="Notice">What the last reply did, or empty.</param>
/// <param name="HasSelected">Whether a mail is shown.</param>
/// <param name="FileName">The shown mail's file.</param>
/// <param name="Subject">Its subject.</param>
/// <param name="From">Its sender.</param>
/// <param name="To">Its recipient.</param>
/// <param name="ReplyTo">Its Reply-To (where a reply goes).</param>
/// <param name="Date">When it was written.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="HtmlUrl">Its HTML, for the sandboxed frame; empty when it has none.</param>
/// <param name="Text">Its text part.</param>
/// <param name="Attachments">The names of its attachments.</param>
/// <param name="CanReply">Whether it has a reply address Inbound Parse receives.</param>
/// <param name="FormToken">The anti-forgery token of the reply form.</param>
/// <param name="NoReply">Why the shown mail takes no reply; empty when it takes one.</param>
internal sealed record InboxView(
    string Folder,
    IReadOnlyList<InboxRow> Rows,
    string Notice,
    bool HasSelected,
    string FileName,
    string Subject,
    string From,
    string To,
    string ReplyTo,
    string Date,
    string Kind,
    string HtmlUrl,
    string Text,
    IReadOnlyList<string> Attachments,
    bool CanReply,
    string FormToken,
    string NoReply)
{
    /// <summary>The sign-up page, suggested while the inbox is empty.</summary>
    public string SignUpUrl { get; } = Routes.Path(Routes.SignUp);
}
