using System.Globalization;
using Compersion.Core.Mail;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Microsoft.Extensions.Logging;

namespace Compersion.Core.Inbound;

/// <summary>
/// Tells a subscriber, at most once a week, that a reply carrying their token came from an address that is not theirs,
/// naming it masked (<c>t•••@work.example</c>) and how to add it (<c>ADD ADDRESS</c>).
/// </summary>
/// <remarks>
/// <para>The note goes to the subscriber's registered address, never to the sender: a forged or mistaken sender gets no
/// mail from us (no backscatter), and learns nothing. The mail itself stays quarantined; nothing from it is saved.</para>
/// <para>The post itself is remembered on the profile, every time (not only weekly), so that when the subscriber adds and
/// confirms that address, <see cref="Access.AddressChangeService"/> queues it to be read again, now as theirs.</para>
/// <para>The week is claimed on the profile (<see cref="Subscriber.StrangerNotedOn"/>) with optimistic concurrency before
/// the send, so concurrent or redelivered mail sends one note; a send that fails after the claim is not retried that week.</para>
/// </remarks>
public sealed partial class UnknownSenderNote(ISubscriberStore subscribers, NoteComposer notes, IMailSender sender, TimeProvider time, ILogger<UnknownSenderNote> logger)
{
    /// <summary>The least time between two such notes to one subscriber.</summary>
    public static readonly Period Interval = Period.FromDays(7);

    /// <summary>Sends the note unless one went out in the last <see cref="Interval"/>.</summary>
    /// <param name="subscriber">Whose token the mail carried.</param>
    /// <param name="from">The address it came from (only shown masked).</param>
    /// <param name="archiveName">
    /// The quarantined post, remembered on the profile (<see cref="Subscriber.RememberStrangerPost"/>) so that adding and
    /// confirming <paramref name="from"/> saves it; null to remember nothing (a command, which is never carried out late).
    /// </param>
    /// <param name="cancellationToken">Cancels the claim (a claimed send is never cancelled).</param>
    /// <returns>Whether a note was sent.</returns>
    public async Task<bool> TellAsync(Subscriber subscriber, string? from, string? archiveName = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        if (subscriber.Status is not (SubscriberStatus.Active or SubscriberStatus.Paused) || !EmailAddress.TryNormalize(from, out var address))
        {
            return false;
        }

        var today = Instant.FromDateTimeOffset(time.GetUtcNow()).InZone(subscriber.TimeZone).Date;
        var claimed = false;
        var stored = await subscribers.UpdateAsync(
            subscriber.Id,
            s =>
            {
                claimed = s.StrangerNotedOn is not { } last || last.Plus(Interval) <= today;
                var remembered = archiveName is null ? s : s.RememberStrangerPost(address, archiveName);
                return claimed ? remembered with { StrangerNotedOn = today } : remembered;
            },
            cancellationToken);
        if (stored is null || !claimed)
        {
            return false;
        }

        var note = NoteTemplates.Render("unknown-sender", ("sender_masked", EmailAddress.Mask(address)));
        var mail = notes.Compose(stored, "unknown-sender", note.Subject, note.Blocks, $"{subscriber.Id}-unknown-sender-{today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        var result = await sender.SendAsync(mail, CancellationToken.None);
        LogTold(logger, subscriber.Id, result.Outcome);
        return result.Outcome != SendOutcome.NotSent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId}: told of a reply with their token from an unknown address; {Outcome}")]
    private static partial void LogTold(ILogger logger, string subscriberId, SendOutcome outcome);
}
