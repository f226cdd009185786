using Compersion.Core.Links;
using Compersion.Core.Mail;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Microsoft.Extensions.Options;

namespace Compersion.Core.Inbound;

/// <summary>Mail that is a subscriber's by its token and From address but that neither SPF nor DKIM vouches for: held, not acted on.</summary>
/// <remarks>
/// One factor (a token anyone who saw a prompt has, and a From anyone can write) changes nothing by itself. The note goes
/// to the subscriber's registered address, never to the sender, says what the mail asked for, and carries a link
/// (<see cref="KeepLinks"/>) that keeps it as if it had been verified; unkept, it is simply let go.
/// <para>At most one note a local day per subscriber (<see cref="TryTakeTodaysNoteAsync"/>), so forged mail carrying
/// someone's token and From cannot fill their inbox; later held mail that day stays held, archived, without a note.</para>
/// </remarks>
public sealed class HeldMail(TokenSigner signer, IOptions<MailOptions> mailOptions, IOutbox outbox, TimeProvider time)
{
    private const int MaxShownLength = 200;

    /// <summary>The note for a held command (its first line, as written) or held journal lines.</summary>
    /// <param name="subscriber">Whose it is; the note goes to them.</param>
    /// <param name="archiveName">The held post, which the link keeps.</param>
    /// <param name="command">The command line, when the mail was a command; null for journal text.</param>
    /// <param name="lines">The items and kind acts it would add, when it was journal text.</param>
    public AnswerNote Note(Subscriber subscriber, string archiveName, string? command, IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(lines);
        var link = KeepLinks.Url(signer, mailOptions.Value, subscriber.Id, archiveName, Now());
        var note = NoteTemplates.Render(
            "held",
            ("asked", command is not null),
            ("command", command is null ? string.Empty : Shorten(command)),
            ("lines", lines.Select(Shorten).ToList()),
            ("keep_days", KeepLinks.Lifetime.Days),
            ("keep_url", link));
        return new AnswerNote("held", note.Subject, note.Blocks, OffersHelp: false);
    }

    /// <summary>Takes the subscriber's one held-mail note of their local day; false when it was already taken.</summary>
    /// <remarks>
    /// An outbox row per (subscriber, day), claimed and marked at once: a process that dies between this and the send
    /// loses that one note (the mail stays held in the archive), which is the price of never mailing twice.
    /// </remarks>
    /// <exception cref="MailNotSentException">Another delivery holds today's claim and may still be using it; try again later.</exception>
    public async Task<bool> TryTakeTodaysNoteAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var now = Now();
        var job = Scheduling.OutboundJob.For(subscriber.Id, Scheduling.JobKind.HeldNote, now.InZone(subscriber.TimeZone).Date);
        var claim = await outbox.TryClaimAsync(job, now, cancellationToken);
        switch (claim.Status)
        {
            case OutboxClaimStatus.Claimed:
                // False only when another delivery took the claim over in between: that one takes the note.
                return await outbox.MarkSentAsync(job, claim, messageId: null, now, cancellationToken);
            case OutboxClaimStatus.InFlight:
                throw new MailNotSentException("another delivery is taking today's held-mail note; try again later");
            default:
                return false;
        }
    }

    /// <summary>Checks a keep link at the current time; on success names the subscriber it was mailed to.</summary>
    public LinkCheck Check(string? token, string? archiveName, string? mac, out string? subscriberId) =>
        KeepLinks.Check(signer, token, archiveName, mac, Now(), out subscriberId);

    private static string Shorten(string text) => text.Length <= MaxShownLength ? text : string.Concat(text.AsSpan(0, MaxShownLength), "…");

    private Instant Now() => Instant.FromDateTimeOffset(time.GetUtcNow());
}
