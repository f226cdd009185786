using Compersion.Core.Mail;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Microsoft.Extensions.Logging;

namespace Compersion.Core.Inbound;

/// <summary>Sends the one answer an inbound mail gets (a receipt, a command's confirmation), at most once per message.</summary>
/// <remarks>
/// The ledger's answer claim is won before the note is composed, so a redelivered message never sends a second answer
/// and a note whose making has effects (a new personal token) is made once. The message is marked done either way.
/// A worker that dies around the send leaves no answer held for good: the claim is marked started just before the send,
/// and a redelivery takes over a claim that never started, or one started and never finished (sent again, reported at
/// Warning); while another delivery may still be sending, this throws so the queue tries again later
/// (<see cref="IInboundLedger.TryClaimAnswerAsync"/>).
/// </remarks>
public sealed partial class ReplyAnswers(IInboundLedger ledger, NoteComposer notes, IMailSender sender, TimeProvider time, ILogger<ReplyAnswers> logger)
{
    /// <summary>Sends a note unless an earlier delivery of the message already claimed the answer; then marks the message done.</summary>
    /// <param name="messageKey">The inbound message's ledger key.</param>
    /// <param name="subscriber">Who the note goes to.</param>
    /// <param name="note">The note.</param>
    /// <param name="thread">The mail answered, to thread the note under it; null for a note that starts its own conversation.</param>
    /// <param name="cancellationToken">Cancels the ledger work (a claimed send is never cancelled).</param>
    public Task AnswerAsync(string messageKey, Subscriber subscriber, AnswerNote note, MailThread? thread, CancellationToken cancellationToken = default) =>
        AnswerAsync(messageKey, subscriber, () => Task.FromResult<AnswerNote?>(note), thread, cancellationToken);

    /// <summary>Composes and sends a note only when this delivery wins the answer claim; then marks the message done.</summary>
    /// <param name="messageKey">The inbound message's ledger key.</param>
    /// <param name="subscriber">Who the note goes to.</param>
    /// <param name="compose">Makes the note, or null for none (the message is still marked done); called only once the claim is won.</param>
    /// <param name="thread">The mail answered, to thread the note under it; null for a note that starts its own conversation.</param>
    /// <param name="cancellationToken">Cancels the ledger work (a claimed send is never cancelled).</param>
    public async Task AnswerAsync(string messageKey, Subscriber subscriber, Func<Task<AnswerNote?>> compose, MailThread? thread, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(compose);
        var claim = await ledger.TryClaimAnswerAsync(messageKey, Now(), cancellationToken);
        if (claim.Status == OutboxClaimStatus.InFlight)
        {
            // Another delivery is answering, or died doing so moments ago: the queue brings this one back to settle it.
            throw new MailNotSentException("another delivery is answering this message; try again later");
        }

        if (claim.Status == OutboxClaimStatus.Claimed && await compose() is { } note)
        {
            var mail = notes.Compose(subscriber, note.Kind, note.Subject, note.Blocks, messageKey, note.Attachments, invitesReply: note.InvitesReply, replyDate: note.ReplyDate, offersHelp: note.InvitesReply && note.OffersHelp, thread: thread);
            if (!await ledger.TryStartAnswerAsync(messageKey, claim, Now(), cancellationToken))
            {
                // A later delivery took the claim over (this one was presumed dead): it answers and marks the message done.
                return;
            }

            // Once claimed, the answer is sent even if the trigger is being cancelled: a redelivery would not send it.
            var result = await sender.SendAsync(mail, CancellationToken.None);
            if (result.Outcome == SendOutcome.NotSent)
            {
                LogAnswerNotSent(logger, subscriber.Id, result.Reason);
            }
        }

        await ledger.AdvanceAsync(messageKey, InboundStage.Done, subscriber.Id, null, cancellationToken);
    }

    private NodaTime.Instant Now() => NodaTime.Instant.FromDateTimeOffset(time.GetUtcNow());

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answer to subscriber {SubscriberId} not sent: {Reason}")]
    private static partial void LogAnswerNotSent(ILogger logger, string subscriberId, string? reason);
}
