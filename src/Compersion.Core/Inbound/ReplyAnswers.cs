using Compersion.Core.Prompts;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Microsoft.Extensions.Logging;

namespace Compersion.Core.Inbound;

/// <summary>Sends the one answer an inbound mail gets (a receipt, a command's confirmation), at most once per message.</summary>
/// <remarks>
/// The ledger's answer claim is won before the note is composed, so a redelivered message never sends a second answer
/// and a note whose making has effects (a new personal token) is made once. The message is marked done either way.
/// </remarks>
public sealed partial class ReplyAnswers(IInboundLedger ledger, NoteComposer notes, IMailSender sender, ILogger<ReplyAnswers> logger)
{
    /// <summary>Sends a note unless an earlier delivery of the message already claimed the answer; then marks the message done.</summary>
    /// <param name="messageKey">The inbound message's ledger key.</param>
    /// <param name="subscriber">Who the note goes to.</param>
    /// <param name="note">The note.</param>
    /// <param name="thread">The mail answered, to thread the note under it; null for a note that starts its own conversation.</param>
    /// <param name="cancellationToken">Cancels the ledger work (a claimed send is never cancelled).</param>
    public Task AnswerAsync(string messageKey, Subscriber subscriber, AnswerNote note, MailThread? thread, CancellationToken cancellationToken = default) =>
        AnswerAsync(messageKey, subscriber, () => Task.FromResult(note), thread, cancellationToken);

    /// <summary>Composes and sends a note only when this delivery wins the answer claim; then marks the message done.</summary>
    /// <param name="messageKey">The inbound message's ledger key.</param>
    /// <param name="subscriber">Who the note goes to.</param>
    /// <param name="compose">Makes the note; called only once the claim is won.</param>
    /// <param name="thread">The mail answered, to thread the note under it; null for a note that starts its own conversation.</param>
    /// <param name="cancellationToken">Cancels the ledger work (a claimed send is never cancelled).</param>
    public async Task AnswerAsync(string messageKey, Subscriber subscriber, Func<Task<AnswerNote>> compose, MailThread? thread, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(compose);
        if (await ledger.TryClaimAnswerAsync(messageKey, cancellationToken))
        {
            var note = await compose();
            var mail = notes.Compose(subscriber, note.Kind, note.Subject, note.Paragraphs, note.Items, messageKey, note.Attachments, invitesReply: note.InvitesReply, replyDate: note.ReplyDate, offersHelp: note.InvitesReply && note.OffersHelp, thread: thread);

            // Once claimed, the answer is sent even if the trigger is being cancelled: a redelivery would not send it.
            var result = await sender.SendAsync(mail, CancellationToken.None);
            if (result.Outcome == SendOutcome.NotSent)
            {
                LogAnswerNotSent(logger, subscriber.Id, result.Reason);
            }
        }

        await ledger.AdvanceAsync(messageKey, InboundStage.Done, subscriber.Id, null, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answer to subscriber {SubscriberId} not sent: {Reason}")]
    private static partial void LogAnswerNotSent(ILogger logger, string subscriberId, string? reason);
}
