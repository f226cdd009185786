using Compersion.Core.Links;
using Compersion.Core.Mail;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Microsoft.Extensions.Options;

namespace Compersion.Core.Access;

/// <summary>The short notice to the address a subscriber moved away from: where their mail goes now (masked), and a link that
/// undoes the move for <see cref="PreviousAddress.UndoWindow"/>.</summary>
/// <remarks>
/// Sent as a queued job (<see cref="Scheduling.JobKind.AddressMoved"/>) through the outbox, so a failed send is retried and a
/// redelivered one is not sent twice. It carries no settings or journal link and invites no reply: whoever reads the old
/// inbox may not be the subscriber any more; the undo link only moves the mail back there.
/// </remarks>
public sealed class AddressMovedNotice(TokenSigner signer, NoteComposer notes, IOptions<MailOptions> options)
{
    /// <summary>The undo page's path under the public base URL.</summary>
    public const string UndoPath = Routes.Prefix + Routes.AddressUndo;

    /// <summary>The notice for the subscriber's last move, addressed to the old address; null when there is none to tell (no move, or its window has closed).</summary>
    public OutgoingMail? Compose(Subscriber subscriber, Instant now, string jobId)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        if (subscriber.MovedFrom is not { } previous || now > previous.Until)
        {
            return null;
        }

        var link = $"{options.Value.PublicBaseUrl.TrimEnd('/')}{UndoPath}?token={signer.Sign(TokenPurpose.AddressUndo, subscriber.Id, previous.Nonce)}";
        var note = NoteTemplates.Render("address-moved", ("new_masked", EmailAddress.Mask(subscriber.Email)), ("undo_url", link));
        return notes.Compose(
            subscriber with { Email = previous.Email },
            "address",
            note.Subject,
            note.Blocks,
            jobId,
            settingsLink: false,
            invitesReply: false);
    }
}
