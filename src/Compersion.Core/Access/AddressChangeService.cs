using System.Security.Cryptography;
using Compersion.Core.Links;
using Compersion.Core.Mail;
using Compersion.Core.Scheduling;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Compersion.Core.Access;

/// <summary>Moves a subscriber to a new address: asked for on the settings page, confirmed by a link mailed to the new address, told to the old one.</summary>
/// <remarks>
/// <para>The new address is only pending until its link is followed, so a typo never sends anyone's journal mail to a
/// stranger: the confirmation mail carries no settings or journal link, and invites no reply. The link names the
/// request by a random nonce kept with it, so only the latest request's link confirms, and it lapses after
/// <see cref="Lifetime"/>. Confirming is a form post from the link's page, never the link itself, so a mail scanner
/// that fetches links confirms nothing.</para>
/// <para>Once moved, prompts, digests and notes go to the new address; reply tokens name the subscriber, not the address,
/// so replies from the new address to earlier mails are read. The old address gets one notice with no link into the
/// journal, queued so a failed send is retried (<see cref="AddressMovedNotice"/>), whose link moves the mail back for
/// <see cref="PreviousAddress.UndoWindow"/> unless the address has changed again (<see cref="UndoAsync"/>); replies from
/// it are quarantined as <c>previous-address</c> (<see cref="Inbound.ReplyAttribution"/>).</para>
/// <para>A further sending address (<c>ADD ADDRESS</c>, or the settings page) takes the same path: pending until the link
/// mailed to it is confirmed by its page's button, then replies from it are theirs too (mail still goes to the registered
/// address, which is told). An address that is already someone's, registered or further, is refused at the link
/// without saying whose.</para>
/// </remarks>
public sealed partial class AddressChangeService(
    TokenSigner signer,
    ISubscriberStore subscribers,
    NoteComposer notes,
    IMailSender sender,
    IJobQueue queue,
    IOptions<MailOptions> options,
    TimeProvider time,
    IInboundQueue inbound,
    ILogger<AddressChangeService> logger)
{
    /// <summary>How long a confirmation link works.</summary>
    public static readonly Duration Lifetime = Duration.FromHours(24);

    /// <summary>The confirmation page's path under the public base URL.</summary>
    public const string ConfirmPath = Routes.Prefix + Routes.AddressConfirm;

    /// <summary>Records <paramref name="newAddress"/> as pending and mails its confirmation link there.</summary>
    /// <param name="subscriber">Who asks.</param>
    /// <param name="newAddress">The address, as typed.</param>
    /// <param name="extra">True to add it beside the registered address as a further sending address (<c>ADD ADDRESS</c>); false to move to it.</param>
    /// <param name="cancellationToken">Cancels the work (a send already started is not cancelled).</param>
    /// <remarks>
    /// Whether the address belongs to someone else is only told at the link, to whoever reads that mailbox: asking says
    /// nothing about other subscribers.
    /// </remarks>
    public async Task<AddressRequestOutcome> RequestAsync(Subscriber subscriber, string? newAddress, bool extra = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        if (!EmailAddress.TryNormalize(newAddress, out var email))
        {
            return AddressRequestOutcome.Invalid;
        }

        if (extra ? subscriber.Owns(email) : subscriber.IsPrimary(email))
        {
            return AddressRequestOutcome.Same;
        }

        if (extra && subscriber.Extras.Count >= Subscriber.MaxExtraAddresses)
        {
            return AddressRequestOutcome.TooMany;
        }

        var now = Now();
        PendingAddress? requested = null;
        var stored = await subscribers.UpdateAsync(
            subscriber.Id,
            s =>
            {
                // The same address asked for twice (a double click, a second visit, a redelivered command) keeps its first link working.
                requested = s.PendingAddress is { } pending && string.Equals(pending.Email, email, StringComparison.OrdinalIgnoreCase) && pending.Extra == extra && now < pending.Expires
                    ? null
                    : new PendingAddress(email, RandomNumberGenerator.GetInt32(1, int.MaxValue), now + Lifetime, extra);
                return requested is null ? s : s.RequestAddress(requested);
            },
            cancellationToken);
        if (stored is null)
        {
            return AddressRequestOutcome.Gone;
        }

        if (requested is null || stored.PendingAddress != requested)
        {
            return AddressRequestOutcome.AlreadySent;
        }

        var link = $"{options.Value.PublicBaseUrl.TrimEnd('/')}{ConfirmPath}?token={signer.Sign(TokenPurpose.AddressChange, subscriber.Id, requested.Nonce)}";
        var note = NoteTemplates.Render("address-confirm", ("extra", extra), ("confirm_url", link));
        var mail = notes.Compose(
            stored with { Email = requested.Email },
            "address",
            note.Subject,
            note.Blocks,
            $"{subscriber.Id}-address-{requested.Nonce}",
            settingsLink: false,
            invitesReply: false);
        var result = await sender.SendAsync(mail, CancellationToken.None);
        LogRequested(logger, subscriber.Id, result.Outcome);
        if (result.Outcome == SendOutcome.NotSent)
        {
            // Nothing went out: forget the request, so asking again sends again.
            await subscribers.UpdateAsync(subscriber.Id, s => s.PendingAddress == requested ? s with { PendingAddress = null } : s, CancellationToken.None);
            return AddressRequestOutcome.NotSent;
        }

        return AddressRequestOutcome.Sent;
    }

    /// <summary>Takes a further sending address back (<c>REMOVE ADDRESS</c>) and frees it in the address index.</summary>
    /// <returns>True when it was one of their further addresses and is theirs no more; false when it was not one.</returns>
    public async Task<bool> RemoveAsync(Subscriber subscriber, string address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var change = await subscribers.ChangeAddressAsync(subscriber.Id, s => s.RemoveAddress(address), cancellationToken);
        if (change.Status == AddressChangeStatus.Changed)
        {
            LogRemoved(logger, subscriber.Id);
            return true;
        }

        return false;
    }

    /// <summary>Checks a confirmation link without changing anything (the page's GET).</summary>
    /// <returns>The outcome, and the pending address when <see cref="AddressConfirmOutcome.Open"/> (shown to the person at that address).</returns>
    public async Task<(AddressConfirmOutcome Outcome, string? Address)> OpenAsync(string? token, CancellationToken cancellationToken = default)
    {
        var (outcome, pending) = await OpenRequestAsync(token, cancellationToken);
        return (outcome, pending?.Email);
    }

    /// <summary>Checks a confirmation link without changing anything, and says what it would confirm (a move or a further address).</summary>
    /// <returns>The outcome, and the request when <see cref="AddressConfirmOutcome.Open"/>.</returns>
    public async Task<(AddressConfirmOutcome Outcome, PendingAddress? Request)> OpenRequestAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (await FollowAsync(token, TokenPurpose.AddressChange, cancellationToken) is not var (verified, found))
        {
            return (AddressConfirmOutcome.Invalid, null);
        }

        if (found is not { } subscriber)
        {
            return (AddressConfirmOutcome.Gone, null);
        }

        var now = Now();
        if (subscriber.ConfirmAddress(verified.Value, now) != subscriber)
        {
            return (AddressConfirmOutcome.Open, subscriber.PendingAddress);
        }

        // Confirmed, but queueing what the address sent before it was theirs failed: the button is offered again to finish that.
        if (StrangerPostsFrom(subscriber) is { } address)
        {
            return (AddressConfirmOutcome.Open, new PendingAddress(address, verified.Value, now, Extra: !subscriber.IsPrimary(address)));
        }

        return subscriber.MovedBy(verified.Value, now) ? (AddressConfirmOutcome.Done, null) : (AddressConfirmOutcome.NotPending, null);
    }

    /// <summary>Confirms the change a link names (the page's form post), and tells the old address.</summary>
    public async Task<AddressConfirmOutcome> ConfirmAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!signer.TryVerify(token, TokenPurpose.AddressChange, out var verified))
        {
            return AddressConfirmOutcome.Invalid;
        }

        var now = Now();
        var change = await subscribers.ChangeAddressAsync(verified.SubscriberId, s => s.ConfirmAddress(verified.Value, now), cancellationToken);
        switch (change.Status)
        {
            case AddressChangeStatus.Gone:
                return AddressConfirmOutcome.Gone;
            case AddressChangeStatus.Taken:
                LogTaken(logger, verified.SubscriberId);
                return AddressConfirmOutcome.Taken;
            case AddressChangeStatus.Unchanged when change.Before!.MovedBy(verified.Value, now):
                // This link's move is done already: the click before may have failed after it, before its notice was queued.
                // Queued again under the same job id, so the outbox sends the notice once whichever click queued it.
                await QueueMovedNoticeAsync(change.Before!);
                await ReadStrangerPostsAgainAsync(change.Before!);
                return AddressConfirmOutcome.Done;
            case AddressChangeStatus.Unchanged:
                // Clicked again after queueing what the address sent before failed: those posts are still remembered, and queued now.
                return await ReadStrangerPostsAgainAsync(change.After!) is { } address
                    ? change.After!.IsPrimary(address) ? AddressConfirmOutcome.Done : AddressConfirmOutcome.Added
                    : AddressConfirmOutcome.NotPending;
        }

        var before = change.Before!;
        var after = change.After!;
        AddressConfirmOutcome outcome;
        if (before.PendingAddress is { Extra: true } added)
        {
            // Told at the registered address, so a further address added by someone else with a settings link is seen and taken back.
            var note = NoteTemplates.Render("address-added", ("address", added.Email));
            var told = notes.Compose(after, "address", note.Subject, note.Blocks, $"{before.Id}-address-added-{verified.Value}");
            var sent = await sender.SendAsync(told, CancellationToken.None);
            LogAdded(logger, before.Id, sent.Outcome);
            outcome = AddressConfirmOutcome.Added;
        }
        else
        {
            // Queued, not sent here: the outbox sends it once, and a failed send is retried with the job.
            await QueueMovedNoticeAsync(after);
            LogChanged(logger, before.Id);
            outcome = AddressConfirmOutcome.Done;
        }

        // After the notice, which the change itself owes: a failure here leaves only these posts to queue at the next click.
        await ReadStrangerPostsAgainAsync(after);
        return outcome;
    }

    // The job's date is the move's own, not today's: a later click queues the very same job, which the outbox sends once.
    private Task QueueMovedNoticeAsync(Subscriber moved)
    {
        var movedAt = moved.MovedFrom!.Until - PreviousAddress.UndoWindow;
        return queue.EnqueueAsync(OutboundJob.For(moved.Id, JobKind.AddressMoved, movedAt.InZone(moved.TimeZone).Date), CancellationToken.None);
    }

    /// <summary>Checks an undo link without changing anything (the page's GET).</summary>
    /// <returns>The outcome, and the address the mail would move back to when <see cref="AddressUndoOutcome.Open"/> (shown to whoever holds that inbox's link).</returns>
    public async Task<(AddressUndoOutcome Outcome, string? Address)> OpenUndoAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (await FollowAsync(token, TokenPurpose.AddressUndo, cancellationToken) is not var (verified, found))
        {
            return (AddressUndoOutcome.Invalid, null);
        }

        if (found is not { } subscriber)
        {
            return (AddressUndoOutcome.Gone, null);
        }

        return subscriber.UndoMove(verified.Value, Now()) != subscriber
            ? (AddressUndoOutcome.Open, subscriber.MovedFrom!.Email)
            : (AddressUndoOutcome.NotPending, null);
    }

    /// <summary>Moves the mail back to the old address an undo link names (the page's form post), if the address has not changed again since and the link's 7 days are not over.</summary>
    /// <remarks>The address moved away from then opens nothing (links mailed there lapse), and the old address is claimed again, unless someone else has it now.</remarks>
    public async Task<AddressUndoOutcome> UndoAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!signer.TryVerify(token, TokenPurpose.AddressUndo, out var verified))
        {
            return AddressUndoOutcome.Invalid;
        }

        var now = Now();
        var change = await subscribers.ChangeAddressAsync(verified.SubscriberId, s => s.UndoMove(verified.Value, now), cancellationToken);
        var outcome = change.Status switch
        {
            AddressChangeStatus.Gone => AddressUndoOutcome.Gone,
            AddressChangeStatus.Taken => AddressUndoOutcome.Taken,
            AddressChangeStatus.Unchanged => AddressUndoOutcome.NotPending,
            _ => AddressUndoOutcome.Done,
        };
        LogUndone(logger, verified.SubscriberId, outcome);
        return outcome;
    }

    private Instant Now() => Instant.FromDateTimeOffset(time.GetUtcNow());

    // A genuine link for this purpose and whoever it names (null when they are gone); null when the link is not ours.
    private async Task<(SignedToken Token, Subscriber? Subscriber)?> FollowAsync(string? token, TokenPurpose purpose, CancellationToken cancellationToken) =>
        signer.TryVerify(token, purpose, out var verified) ? (verified, await subscribers.FindByIdAsync(verified.SubscriberId, cancellationToken)) : null;

    // Replies with their token that were quarantined because they came from an address before it was theirs (the one just
    // confirmed, or one confirmed by an earlier click whose queueing failed) are queued to be read again, now as theirs: saved
    // once (the inbound ledger keys them to the subscriber now), on the day each answered, with the usual receipt threaded
    // under it. They are forgotten only once all are queued, so a failure leaves them remembered for the next click, and one
    // queued twice is read once: the second reading finds its ledger row done and is a duplicate.
    // Returns an address whose posts were queued, or null when there were none.
    private async Task<string?> ReadStrangerPostsAgainAsync(Subscriber after)
    {
        var names = after.AllAddresses.SelectMany(address => after.TakeStrangerPosts(address).ArchiveNames).ToList();
        if (names.Count == 0)
        {
            return null;
        }

        foreach (var name in names)
        {
            await inbound.EnqueueAsync(name, CancellationToken.None);
        }

        await subscribers.UpdateAsync(
            after.Id,
            s => s.AllAddresses.Aggregate(s, (remaining, address) => remaining.TakeStrangerPosts(address).Remaining),
            CancellationToken.None);
        LogStrangerPostsQueued(logger, after.Id, names.Count);
        return StrangerPostsFrom(after);
    }

    // One of their own addresses that posts are still remembered from (they are remembered only while it was not theirs).
    private static string? StrangerPostsFrom(Subscriber subscriber) =>
        subscriber.AllAddresses.FirstOrDefault(address => subscriber.TakeStrangerPosts(address).ArchiveNames.Count > 0);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId}: {Count} quarantined replies from the address just confirmed queued to be read again")]
    private static partial void LogStrangerPostsQueued(ILogger logger, string subscriberId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId}: confirmation for a new address {Outcome}")]
    private static partial void LogRequested(ILogger logger, string subscriberId, SendOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId}: address changed; the notice to the old address is queued")]
    private static partial void LogChanged(ILogger logger, string subscriberId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId}: undo of an address change {Outcome}")]
    private static partial void LogUndone(ILogger logger, string subscriberId, AddressUndoOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId}: further address added; note to the registered address {Outcome}")]
    private static partial void LogAdded(ILogger logger, string subscriberId, SendOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId}: further address removed")]
    private static partial void LogRemoved(ILogger logger, string subscriberId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId}: new address belongs to another subscriber; not changed")]
    private static partial void LogTaken(ILogger logger, string subscriberId);
}
