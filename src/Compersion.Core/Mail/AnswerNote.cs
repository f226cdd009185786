using Compersion.Core.Sending;

namespace Compersion.Core.Mail;

/// <summary>The answer to one inbound mail, before it is composed into a mail by <see cref="NoteComposer"/>.</summary>
/// <param name="Kind">The note kind (<c>receipt</c>, <c>command</c>, <c>help</c>, <c>export</c>, <c>settings</c>).</param>
/// <param name="Subject">The subject line.</param>
/// <param name="Blocks">The body as blocks (paragraphs, lists, links, codes kept as such).</param>
/// <param name="Attachments">Files to attach; null for none.</param>
/// <param name="ReplyDate">The local date a reply to this note is filed under (a receipt's day); null for the subscriber's today.</param>
/// <param name="InvitesReply">Whether a reply to the note is read (it then carries a reply token); false when it would not be.</param>
/// <param name="OffersHelp">Whether its footer offers the email commands: false when only some replies (RESUME) are read.</param>
public sealed record AnswerNote(
    string Kind,
    string Subject,
    IReadOnlyList<NoteBlock> Blocks,
    IReadOnlyList<MailAttachment>? Attachments = null,
    LocalDate? ReplyDate = null,
    bool InvitesReply = true,
    bool OffersHelp = true);
