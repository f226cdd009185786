using Compersion.Core.Links;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Microsoft.Extensions.Options;

namespace Compersion.Core.Mail;

/// <summary>Composes the short notes sent in answer to a reply: receipts, command confirmations, help, exports.</summary>
/// <remarks>
/// <para>Not list mail and never marketing: a note answers something the subscriber just sent. Its footer carries a signed
/// settings link that lapses <see cref="SettingsLinks.Lifetime"/> after the note is composed — except the farewell
/// after a deletion, which has nothing left to link to.</para>
/// <para>A note that invites a reply carries a reply token (purpose <see cref="TokenPurpose.Note"/>) in its Reply-To, so
/// the reply reaches Inbound Parse and is read; one that does not (the farewell) has no Reply-To and its footer offers
/// no command.</para>
/// </remarks>
public sealed class NoteComposer(IOptions<MailOptions> options, TokenSigner signer, TimeProvider time)
{
    /// <summary>Composes a note from blocks (paragraphs, lists, links, codes), each kept as it is in both renderings.</summary>
    /// <param name="subscriber">Who it goes to.</param>
    /// <param name="kind">The kind (<c>receipt</c>, <c>command</c>, <c>help</c>, <c>export</c> …), carried as <c>X-Compersion-Kind</c>.</param>
    /// <param name="subject">The subject line, also the note's heading.</param>
    /// <param name="blocks">The body, in order; the templates add the one sign-off.</param>
    /// <param name="jobId">An opaque id for the tags.</param>
    /// <param name="attachments">Files to attach (may be null).</param>
    /// <param name="settingsLink">Whether the footer links to the settings page.</param>
    /// <param name="invitesReply">Whether a reply is read: the note then carries a reply token in its Reply-To.</param>
    /// <param name="replyDate">The local date a reply is filed under; null for the subscriber's today.</param>
    /// <param name="offersHelp">Whether the footer offers the email commands (HELP); null for whenever it invites a reply.</param>
    /// <param name="thread">The mail this note answers: the note then takes its subject (<c>Re: …</c>) and names it in <c>In-Reply-To</c>/<c>References</c>.</param>
    public OutgoingMail Compose(
        Subscriber subscriber,
        string kind,
        string subject,
        IReadOnlyList<NoteBlock> blocks,
        string jobId,
        IReadOnlyList<MailAttachment>? attachments = null,
        bool settingsLink = true,
        bool invitesReply = true,
        LocalDate? replyDate = null,
        bool? offersHelp = null,
        MailThread? thread = null)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(blocks);
        var settings = options.Value;
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var replyTo = invitesReply
            ? ReplyAddress.For(signer, settings, TokenPurpose.Note, subscriber.Id, replyDate ?? now.InZone(subscriber.TimeZone).Date)
            : null;
        var view = new NoteView(subject, blocks, settings.FromName);
        var footer = settingsLink
            ? new NoteFooterView(
                SettingsLinks.Url(signer, settings, subscriber.Id, now + SettingsLinks.Lifetime),
                JournalLinks.Url(signer, settings, subscriber.Id, now + JournalLinks.Lifetime),
                offersHelp ?? invitesReply)
            : null;

        // The page title keeps the note's own subject; the mail's subject follows the conversation it answers.
        var preheader = blocks.FirstOrDefault(block => block.Kind == "paragraph")?.Text ?? subject;
        var body = MailTemplateSet.Render("note", view, subject, preheader, settings.FromName, footer is null ? null : "note-footer", footer);
        return ComposedMail.To(subscriber, settings, kind, replyTo, thread?.SubjectOr(subject) ?? subject, body, new Dictionary<string, string>(thread?.Headers() ?? [], StringComparer.OrdinalIgnoreCase), jobId, attachments);
    }
}
