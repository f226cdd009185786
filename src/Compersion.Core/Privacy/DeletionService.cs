using Compersion.Core.Scheduling;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Microsoft.Extensions.Logging;

namespace Compersion.Core.Privacy;

/// <summary>Deletes everything about a subscriber after a confirm step, then says goodbye by email.</summary>
/// <remarks>
/// <para>The confirm page carries a <see cref="TokenPurpose.Delete"/> token that lasts <see cref="LinkLifetime"/>. It is
/// single-use without any stored state: once used, the subscriber id it names is gone for good (ids are random and
/// never reused; signing up again makes a new one), so a second use finds nobody and changes nothing.</para>
/// <para>Order: first the status becomes unsubscribed (nothing is sent from then on, and replies are no longer
/// attributed), then the schedule rows (<see cref="SubscriberSchedule.PossibleAll"/>) go, then the journal, acts,
/// outbox rows, raw mail and photos, and the profile last — so an interrupted deletion still has its profile and the same
/// link finishes it. Only the caller that removed the profile sends the farewell, so two clicks send one.</para>
/// <para>Jobs already queued for the subscriber find nobody and send nothing (<see cref="Outbound.OutboundSender"/>).</para>
/// </remarks>
public sealed partial class DeletionService(
    ISubscriberStore subscribers,
    IScheduleStore schedule,
    IPersonalDataStore data,
    Photos.IPhotoStore photos,
    TokenSigner signer,
    Mail.NoteComposer notes,
    IMailSender sender,
    TimeProvider time,
    ILogger<DeletionService> logger)
{
    /// <summary>How long the confirm page's delete button works.</summary>
    public static readonly Duration LinkLifetime = Duration.FromMinutes(30);

    /// <summary>The <see cref="TokenPurpose.Delete"/> token the confirm page posts back.</summary>
    public string IssueToken(Subscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return signer.ForLink(TokenPurpose.Delete, subscriber.Id, Now() + LinkLifetime);
    }

    /// <summary>Deletes everything the token's subscriber has with us.</summary>
    public async Task<DeleteOutcome> DeleteAsync(string? token, CancellationToken cancellationToken = default)
    {
        var now = Now();
        var check = signer.CheckLink(token, TokenPurpose.Delete, now, out var subscriberId);
        if (check == LinkCheck.Invalid)
        {
            return DeleteOutcome.Invalid;
        }

        if (check == LinkCheck.Expired)
        {
            return DeleteOutcome.Expired;
        }

        var subscriber = await subscribers.UpdateAsync(subscriberId!, s => s.Unsubscribe(), cancellationToken);
        if (subscriber is null)
        {
            return DeleteOutcome.AlreadyDeleted;
        }

        await schedule.RemoveAsync(SubscriberSchedule.PossibleAll(subscriber, now), cancellationToken);
        await data.EraseRecordsAsync(subscriber.Id, cancellationToken);
        await photos.DeleteAllAsync(subscriber.Id, cancellationToken);
        if (!await data.EraseProfileAsync(subscriber, cancellationToken))
        {
            return DeleteOutcome.AlreadyDeleted;
        }

        LogDeleted(logger, subscriber.Id);
        var note = Mail.NoteTemplates.Render("deleted");
        var farewell = notes.Compose(
            subscriber,
            "deleted",
            note.Subject,
            note.Blocks,
            subscriber.Id + "-deleted",
            settingsLink: false,
            invitesReply: false);
        var result = await sender.SendAsync(farewell, CancellationToken.None);
        if (result.Outcome != SendOutcome.Sent)
        {
            LogFarewellNotSent(logger, subscriber.Id, result.Reason);
        }

        return DeleteOutcome.Deleted;
    }

    private Instant Now() => Instant.FromDateTimeOffset(time.GetUtcNow());

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId} deleted everything")]
    private static partial void LogDeleted(ILogger logger, string subscriberId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Farewell to deleted subscriber {SubscriberId} not sent: {Reason}")]
    private static partial void LogFarewellNotSent(ILogger logger, string subscriberId, string? reason);
}
