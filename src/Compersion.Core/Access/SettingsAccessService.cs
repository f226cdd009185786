using Compersion.Core.Links;
using Compersion.Core.Mail;
using Compersion.Core.Scheduling;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Compersion.Core.Access;

/// <summary>Opens settings links, and mails a fresh settings or journal link when a genuine one has expired — only ever to the address on file.</summary>
public sealed partial class SettingsAccessService(
    TokenSigner signer,
    ISubscriberStore subscribers,
    NoteComposer notes,
    IMailSender sender,
    IOutbox outbox,
    IOptions<MailOptions> options,
    TimeProvider time,
    ILogger<SettingsAccessService> logger)
{
    /// <summary>Checks a settings link and finds its subscriber.</summary>
    public async Task<SettingsAccess> OpenAsync(string? token, CancellationToken cancellationToken = default)
    {
        var check = signer.CheckLink(token, TokenPurpose.Settings, Now(), out var subscriberId);
        if (check == LinkCheck.Invalid)
        {
            return new SettingsAccess(SettingsAccessOutcome.Invalid, null, null);
        }

        var expires = ExpiryOf(token!);
        var subscriber = await subscribers.FindByIdAsync(subscriberId!, cancellationToken);
        if (subscriber is null)
        {
            return new SettingsAccess(SettingsAccessOutcome.Gone, null, expires);
        }

        // A link mailed to an address they have since moved away from is as good as expired: its page offers a fresh one, sent to the new address.
        return check == LinkCheck.Expired || subscriber.Predates(expires!.Value, SettingsLinks.Lifetime)
            ? new SettingsAccess(SettingsAccessOutcome.Expired, null, expires)
            : new SettingsAccess(SettingsAccessOutcome.Open, subscriber, expires)
            {
                JournalToken = signer.ForLink(TokenPurpose.Journal, subscriber.Id, expires!.Value),
                Today = Now().InZone(subscriber.TimeZone).Date,
                PendingEmail = subscriber.PendingAddress is { } pending && Now() <= pending.Expires ? pending.Email : string.Empty,
            };
    }

    /// <summary>Mails a fresh settings link to the subscriber a genuine (possibly expired) settings link names.</summary>
    /// <returns>False when the token is not a genuine settings link, or names nobody we may write to; nothing is sent then.</returns>
    /// <remarks>
    /// The link goes to the address on file and nowhere else, and at most once a local day (claimed in the outbox like a
    /// prompt), so a leaked old link can cause at most one more email a day to its owner. A second request the same day
    /// gets the same answer and sends nothing; the owner can still reply SETTINGS to any email.
    /// </remarks>
    public Task<bool> SendFreshLinkAsync(string? token, CancellationToken cancellationToken = default) =>
        SendFreshAsync(token, TokenPurpose.Settings, cancellationToken);

    /// <summary>Mails a fresh journal link to the subscriber a genuine (possibly expired) journal link names: the expired journal page's button.</summary>
    /// <returns>False when the token is not a genuine journal link, or names nobody we may write to; nothing is sent then.</returns>
    /// <remarks>The same rules as <see cref="SendFreshLinkAsync"/>: only to the address on file, at most once a local day.</remarks>
    public Task<bool> SendFreshJournalLinkAsync(string? token, CancellationToken cancellationToken = default) =>
        SendFreshAsync(token, TokenPurpose.Journal, cancellationToken);

    private async Task<bool> SendFreshAsync(string? token, TokenPurpose purpose, CancellationToken cancellationToken)
    {
        var journal = purpose == TokenPurpose.Journal;
        if (signer.CheckLink(token, purpose, Now(), out var subscriberId) == LinkCheck.Invalid)
        {
            return false;
        }

        var subscriber = await subscribers.FindByIdAsync(subscriberId!, cancellationToken);
        if (subscriber is null || subscriber.Status == SubscriberStatus.Pending)
        {
            return false;
        }

        var now = Now();
        var job = OutboundJob.For(subscriber.Id, journal ? JobKind.JournalLink : JobKind.SettingsLink, now.InZone(subscriber.TimeZone).Date);
        var claim = await outbox.TryClaimAsync(job, now, cancellationToken);
        if (claim.Status != OutboxClaimStatus.Claimed || await outbox.TryMarkStartedAsync(job, claim, now, cancellationToken) is not { } started)
        {
            LogFreshLinkThrottled(logger, subscriber.Id, purpose);
            return true;
        }

        var note = journal
            ? NoteTemplates.Render("fresh-journal-link", ("journal_url", JournalLinks.Url(signer, options.Value, subscriber.Id, now + JournalLinks.Lifetime)))
            : NoteTemplates.Render("fresh-settings-link", ("settings_url", SettingsLinks.Url(signer, options.Value, subscriber.Id, now + SettingsLinks.Lifetime)));
        var mail = notes.Compose(subscriber, journal ? "journal" : "settings", note.Subject, note.Blocks, job.Id);
        var result = await sender.SendAsync(mail, CancellationToken.None);
        var recorded = result.Outcome switch
        {
            SendOutcome.Sent => outbox.MarkSentAsync(job, started, result.MessageId, Now(), CancellationToken.None),
            SendOutcome.Uncertain => outbox.MarkUncertainAsync(job, started, result.Reason ?? "unknown", Now(), CancellationToken.None),
            _ => outbox.ReleaseAsync(job, started, result.Reason ?? "not sent", Now(), CancellationToken.None),
        };
        await recorded;

        LogFreshLink(logger, subscriber.Id, purpose, result.Outcome);
        return true;
    }

    private Instant? ExpiryOf(string token) =>
        TokenValue(token) is { } minutes ? Instant.FromUnixTimeSeconds(minutes * 60L) : null;

    private Instant Now() => Instant.FromDateTimeOffset(time.GetUtcNow());

    private int? TokenValue(string token) => signer.TryVerify(token, out var verified) ? verified!.Value : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId}: a fresh {Purpose} link was already sent today; not sent again")]
    private static partial void LogFreshLinkThrottled(ILogger logger, string subscriberId, TokenPurpose purpose);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId}: fresh {Purpose} link {Outcome}")]
    private static partial void LogFreshLink(ILogger logger, string subscriberId, TokenPurpose purpose, SendOutcome outcome);
}
