using System.Security.Cryptography;
using Compersion.Core.Scheduling;
using Compersion.Core.Security;
using Compersion.Core.Subscribers;
using Microsoft.Extensions.Logging;

namespace Compersion.Core.Subscriptions;

/// <summary>Sign-up with double opt-in, confirmation, and one-click unsubscribe.</summary>
/// <remarks>
/// <para>Nothing but the confirmation email is ever sent to an unconfirmed address. Signing up again is
/// idempotent: the outbox allows one confirmation per profile and local day, and the caller's answer
/// is the same whether or not the address was known.</para>
/// <para>An address that is already a pending or unsubscribed profile's (registered or further) changes nothing in that
/// profile when typed: the request waits beside it (<see cref="Subscriber.SignUp"/>), its confirmation goes to the address
/// typed, and the settings typed are applied only when that link is followed. An active or paused subscriber's address
/// gets nothing: their settings are theirs to change.</para>
/// </remarks>
public sealed partial class SubscriptionService(
    ISubscriberStore subscribers,
    IScheduleStore schedule,
    IJobQueue queue,
    TokenSigner signer,
    TimeProvider time,
    ILogger<SubscriptionService> logger)
{
    /// <summary>Registers (or refreshes) a pending sign-up and queues its confirmation email.</summary>
    public async Task<SignUpOutcome> SignUpAsync(SignUpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = Now();
        var candidate = new Subscriber(
            SubscriberId.New(), request.Email, request.Zone, request.PromptTime, request.DigestDay, request.DigestTime,
            SubscriberStatus.Pending, now, ConfirmedAt: null, LastReplyDate: null, KindnessGoal: request.KindnessGoal, TwelveHourClock: request.TwelveHourClock);
        var subscriber = await subscribers.AddOrGetAsync(candidate, cancellationToken);

        if (subscriber.Status is SubscriberStatus.Active or SubscriberStatus.Paused)
        {
            LogAlreadyActive(logger, subscriber.Id);
            return SignUpOutcome.AlreadyActive;
        }

        if (subscriber.Id != candidate.Id)
        {
            // Known but unconfirmed or unsubscribed, by their registered address or a further one: nothing in the profile changes
            // until the link mailed to the address typed is followed. The request waits beside the profile with the settings
            // typed; one already waiting from today is kept, since today's confirmation (one a day) carries its link.
            PendingSignUp? waiting = null;
            var stored = await subscribers.UpdateAsync(
                subscriber.Id,
                s =>
                {
                    if (s.Status is not (SubscriberStatus.Pending or SubscriberStatus.Unsubscribed))
                    {
                        waiting = null;
                        return s;
                    }

                    if (s.SignUp is { } earlier && earlier.RequestedOn == now.InZone(s.TimeZone).Date && now <= earlier.Expires)
                    {
                        waiting = earlier;
                        return s;
                    }

                    waiting = new PendingSignUp(
                        request.Email, request.Zone, request.PromptTime, request.DigestDay, request.DigestTime, request.KindnessGoal, request.TwelveHourClock,
                        RandomNumberGenerator.GetInt32(1, int.MaxValue), now + PendingSignUp.Lifetime, now.InZone(s.TimeZone).Date);
                    return s.RequestSignUp(waiting);
                },
                cancellationToken);
            if (stored is null || waiting is null)
            {
                LogAlreadyActive(logger, subscriber.Id);
                return SignUpOutcome.AlreadyActive;
            }

            subscriber = stored;
        }

        var localDate = now.InZone(subscriber.TimeZone).Date;
        await queue.EnqueueAsync(OutboundJob.For(subscriber.Id, JobKind.Confirm, localDate), cancellationToken);
        LogConfirmationQueued(logger, subscriber.Id);
        return SignUpOutcome.ConfirmationQueued;
    }

    /// <summary>Confirms a sign-up from its signed link, schedules the first prompt and digest, and queues the welcome mail.</summary>
    /// <remarks>The confirmation page's form post; following the link (a GET) goes through <see cref="OpenConfirmationAsync"/>.</remarks>
    public Task<LinkOutcome> ConfirmAsync(string? token, CancellationToken cancellationToken = default) =>
        ConfirmAsync(token, confirm: true, cancellationToken);

    /// <summary>
    /// Follows a confirmation link without confirming a pending sign-up (the page's GET, which a mail scanner may fetch):
    /// <see cref="LinkOutcome.Pending"/> asks the page to show its button. A sign-up already confirmed is finished here as
    /// on a re-click (schedule and welcome, each once), so clicking the link again after a crash still completes it.
    /// </summary>
    public Task<LinkOutcome> OpenConfirmationAsync(string? token, CancellationToken cancellationToken = default) =>
        ConfirmAsync(token, confirm: false, cancellationToken);

    private async Task<LinkOutcome> ConfirmAsync(string? token, bool confirm, CancellationToken cancellationToken)
    {
        var now = Now();
        if (signer.TryVerify(token, TokenPurpose.SignUpAgain, out var verified))
        {
            return await ConfirmAgainAsync(verified.SubscriberId, verified.Value, confirm, now, cancellationToken);
        }

        var check = signer.CheckLink(token, TokenPurpose.Confirm, now, out var subscriberId);
        if (check == LinkCheck.Expired)
        {
            return LinkOutcome.Expired;
        }

        var subscriber = check == LinkCheck.Valid ? await subscribers.FindByIdAsync(subscriberId!, cancellationToken) : null;
        if (subscriber is null)
        {
            return LinkOutcome.Invalid;
        }

        if (subscriber.Status != SubscriberStatus.Pending)
        {
            if (subscriber.Status == SubscriberStatus.Unsubscribed)
            {
                return LinkOutcome.Invalid;
            }

            // Clicked again: a confirmation the process died in the middle of (profile saved, schedule or welcome not) is
            // finished now; one that was finished adds nothing.
            await FinishConfirmationAsync(subscriber, cancellationToken);
            return LinkOutcome.AlreadyDone;
        }

        if (!confirm)
        {
            return LinkOutcome.Pending;
        }

        var confirmed = await subscribers.ApplyAsync(subscriber.Id, s => s.Confirm(now), cancellationToken);
        if (!confirmed.Changed || confirmed.After is not { } active)
        {
            return LinkOutcome.AlreadyDone;
        }

        await FinishConfirmationAsync(active, cancellationToken);
        LogConfirmed(logger, subscriber.Id);
        return LinkOutcome.Done;
    }

    // The link mailed to the address typed for a known profile (pending, or unsubscribed and coming back): the settings typed
    // are applied now, and only now, if the link is the waiting request's and has not lapsed.
    private async Task<LinkOutcome> ConfirmAgainAsync(string subscriberId, int nonce, bool confirm, Instant now, CancellationToken cancellationToken)
    {
        var subscriber = await subscribers.FindByIdAsync(subscriberId, cancellationToken);
        if (subscriber is null)
        {
            return LinkOutcome.Invalid;
        }

        if (subscriber.Status is SubscriberStatus.Active or SubscriberStatus.Paused)
        {
            // Clicked again after it was confirmed: finish what a crash may have left undone, as for a first sign-up.
            await FinishConfirmationAsync(subscriber, cancellationToken);
            return LinkOutcome.AlreadyDone;
        }

        if (subscriber.SignUp is not { } request || request.Nonce != nonce)
        {
            // Superseded by a later day's request (whose link was mailed then), or confirmed by the first link meanwhile.
            return LinkOutcome.Invalid;
        }

        if (now > request.Expires)
        {
            return LinkOutcome.Expired;
        }

        if (!confirm)
        {
            return LinkOutcome.Pending;
        }

        var confirmed = await subscribers.ApplyAsync(subscriber.Id, s => s.ConfirmSignUp(nonce, now), cancellationToken);
        if (confirmed.After is not { } active)
        {
            return LinkOutcome.Invalid;
        }

        await FinishConfirmationAsync(active, cancellationToken);
        if (!confirmed.Changed)
        {
            return LinkOutcome.AlreadyDone;
        }

        LogConfirmed(logger, subscriber.Id);
        return LinkOutcome.Done;
    }

    /// <summary>Adds an already-confirmed subscriber (operator verb); idempotent for a known address.</summary>
    /// <remarks>No welcome mail: the verb moves in people who confirmed elsewhere (a migration, a demo), not new sign-ups.</remarks>
    public async Task<Subscriber> AddConfirmedAsync(SignUpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = Now();
        var candidate = new Subscriber(
            SubscriberId.New(), request.Email, request.Zone, request.PromptTime, request.DigestDay, request.DigestTime,
            SubscriberStatus.Active, now, now, LastReplyDate: null, KindnessGoal: request.KindnessGoal, TwelveHourClock: request.TwelveHourClock);
        var subscriber = await subscribers.AddOrGetAsync(candidate, cancellationToken);
        if (subscriber.Id == candidate.Id)
        {
            await ScheduleFirstAsync(subscriber, now, cancellationToken);
            return subscriber;
        }

        var reactivated = await subscribers.ApplyAsync(subscriber.Id, s => s.Reactivate(now), cancellationToken);
        if (reactivated.After is not { } stored)
        {
            return subscriber;
        }

        if (reactivated.Changed)
        {
            await ScheduleFirstAsync(stored, now, cancellationToken);
        }

        return stored;
    }

    /// <summary>Unsubscribes from a signed link; idempotent, needs no key.</summary>
    public async Task<LinkOutcome> UnsubscribeAsync(string? token, CancellationToken cancellationToken = default) =>
        (await UnsubscribeByTokenAsync(token, cancellationToken)).Outcome;

    /// <summary>Unsubscribes whoever a signed unsubscribe token names (link or mailbox); idempotent.</summary>
    /// <returns>
    /// <see cref="LinkOutcome.Done"/> for exactly one of any number of concurrent calls, <see cref="LinkOutcome.AlreadyDone"/>
    /// for the others, <see cref="LinkOutcome.Invalid"/> (no subscriber) for a token that is not ours or names nobody.
    /// </returns>
    public async Task<(LinkOutcome Outcome, Subscriber? Subscriber)> UnsubscribeByTokenAsync(string? token, CancellationToken cancellationToken = default)
    {
        var check = signer.CheckLink(token, TokenPurpose.Unsubscribe, Now(), out var subscriberId);
        if (check != LinkCheck.Valid)
        {
            return (LinkOutcome.Invalid, null);
        }

        var unsubscribed = await subscribers.ApplyAsync(subscriberId!, s => s.Unsubscribe(), cancellationToken);
        if (unsubscribed.After is not { } after)
        {
            return (LinkOutcome.Invalid, null);
        }

        if (!unsubscribed.Changed)
        {
            return (LinkOutcome.AlreadyDone, after);
        }

        LogUnsubscribed(logger, after.Id);
        return (LinkOutcome.Done, after);
    }

    /// <summary>Pauses subscribers after a bounce, drop, spam report or provider unsubscribe; idempotent.</summary>
    public async Task<int> PauseForDeliveryProblemsAsync(IEnumerable<string> subscriberIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriberIds);
        var paused = 0;
        foreach (var id in subscriberIds.Where(SubscriberId.IsValid).Distinct(StringComparer.Ordinal))
        {
            // Pause() also makes a dated pause open-ended; only an active subscriber paused by this call is counted.
            var pause = await subscribers.ApplyAsync(id, s => s.Pause(), cancellationToken);
            if (pause.Before?.Status == SubscriberStatus.Active)
            {
                LogPausedForDelivery(logger, id);
                paused++;
            }
        }

        return paused;
    }

    // The first prompt and the first weekly digest.
    private Task ScheduleFirstAsync(Subscriber subscriber, Instant now, CancellationToken cancellationToken) =>
        schedule.UpsertAsync(SubscriberSchedule.NextAll(subscriber, now), cancellationToken);

    // What follows a confirmation: the next prompt and digest rows and the welcome mail. Doing it again (a second click,
    // a crash half-way) adds nothing: a schedule that is current already holds exactly these next rows (they are inserted
    // only where none exist, and a tick that writes the same next row later finds it there), and the welcome's job id
    // comes from the moment of confirming, so the outbox sends it once.
    private async Task FinishConfirmationAsync(Subscriber subscriber, CancellationToken cancellationToken)
    {
        if (subscriber.Status != SubscriberStatus.Active || subscriber.ConfirmedAt is not { } confirmedAt)
        {
            return;
        }

        await schedule.AddAsync(SubscriberSchedule.NextAll(subscriber, Now()), cancellationToken);
        await queue.EnqueueAsync(OutboundJob.For(subscriber.Id, JobKind.Welcome, confirmedAt.InZone(subscriber.TimeZone).Date), cancellationToken);
    }

    private Instant Now() => Instant.FromDateTimeOffset(time.GetUtcNow());

    [LoggerMessage(Level = LogLevel.Information, Message = "Confirmation queued for subscriber {SubscriberId}")]
    private static partial void LogConfirmationQueued(ILogger logger, string subscriberId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-up for already active subscriber {SubscriberId}: nothing sent")]
    private static partial void LogAlreadyActive(ILogger logger, string subscriberId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId} confirmed")]
    private static partial void LogConfirmed(ILogger logger, string subscriberId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId} unsubscribed")]
    private static partial void LogUnsubscribed(ILogger logger, string subscriberId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscriber {SubscriberId} paused after a delivery problem")]
    private static partial void LogPausedForDelivery(ILogger logger, string subscriberId);
}
