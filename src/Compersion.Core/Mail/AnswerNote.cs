using Compersion.Core.Sending;

namespace Compersion.Core.Mail;

/// <summary>The answer to one inbound mail, before it is composed into a mail by <see cref="NoteComposer"/>.</summary>
/// <param name="Kind">The note kind (<c>receipt</c>, <c>command</c>, <c>help</c>, <c>export</c>, <c>settings</c>).</param>
/// <param name="Subject">The subject line.</param>
/// <param name="Paragraphs">Plain-text paragraphs.</param>
/// <param name="Items">Items listed under the paragraphs (may be empty).</param>
/// <param name="Attachments">Files to attach; null for none.</param>
/// <param name="ReplyDate">The local date a reply to this note is filed under (a receipt's day); null for the subscriber's today.</param>
/// <param name="InvitesReply">Whether a reply to the note is read (it then carries a reply token); false when it would not be.</param>
/// <param name="OffersHelp">Whether its footer offers the email commands: false when only some replies (RESUME) are read.</param>
/// <param name="Blocks">The body as blocks (lists, links, codes kept as such); when set, it is used instead of the paragraphs and items.</param>
public sealed record AnswerNote(
    string Kind,
    string Subject,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<string> Items,
    IReadOnlyList<MailAttachment>? Attachments = null,
    LocalDate? ReplyDate = null,
    bool InvitesReply = true,
    bool OffersHelp = true,
    IReadOnlyList<NoteBlock>? Blocks = null)
{
    /// <summary>The body as blocks: <see cref="Blocks"/> when set, else the paragraphs and then the items as a numbered list.</summary>
    public IReadOnlyList<NoteBlock> Body => Blocks ?? NoteBlock.Of(Paragraphs, Items);

    /// <summary>A note whose body is blocks.</summary>
    public static AnswerNote Of(string kind, string subject, IReadOnlyList<NoteBlock> blocks, IReadOnlyList<MailAttachment>? attachments = null, LocalDate? replyDate = null, bool invitesReply = true, bool offersHelp = true) =>
        new(kind, subject, [], [], attachments, replyDate, invitesReply, offersHelp, blocks);
}
