using System.Security.Cryptography;
using Compersion.Core.Prompts;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Compersion.Core.Subscribers;

/// <summary>Moves a subscriber to a new address: asked for on the settings page, confirmed by a link mailed to the new address, told to the old one.</summary>
/// <remarks>
/// <para>The new address is only pending until its link is followed, so a typo never sends anyone's journal mail to a
/// stranger: the confirmation mail carries no settings or journal link, and invites no reply. The link names the
/// request by a random nonce kept with it, so only the latest request's link confirms, and it lapses after
/// <see cref="Lifetime"/>. Confirming is a form post from the link's page, never the link itself, so a mail scanner
/// that fetches links confirms nothing.</para>
/// <para>Once moved, prompts, digests and notes go to the new address; reply tokens name the subscriber, not the address,
/// so replies from the new address to earlier mails are read. The old address gets one notice with no link into the
/// journal; replies from it are quarantined as <c>previous-address</c> (<see cref="Inbound.ReplyAttribution"/>).</para>
/// </remarks>
public sealed partial class AddressChangeService(
    TokenSigner signer,
    ISubscriberStore subscribers,
    NoteComposer notes,
    IMailSender sender,
    IOptions<MailOptions> options,
    TimeProvider time,
    ILogger<AddressChangeService> logger)
{
    /// <summary>How long a confirmation link works.</summary>
    public static readonly Duration Lifetime = Duration.FromHours(24);

    /// <summary>The confirmation page's path under the public base URL.</summary>
    public const string ConfirmPath = "/api/address/confirm";

    /// <summary>Records <paramref name="newAddress"/> as pending and mails its confirmation link there.</summary>
    public async Task<AddressRequestOutcome> RequestAsync(Subscriber subscriber, string? newAddress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        if (!EmailAddress.TryNormalize(newAddress, out var email))
        {
            return AddressRequestOutcome.Invalid;
        }

        if (string.Equals(email, subscriber.Email, StringComparison.OrdinalIgnoreCase))
        {
            return AddressRequestOutcome.Same;
        }

        var now = Now();
        PendingAddress? requested = null;
        var stored = await subscribers.UpdateAsync(
            subscriber.Id,
            s =>
            {
                // The same address asked for twice (a double click, a second visit) keeps its first link working.
                requested = s.PendingAddress is { } pending && string.Equals(pending.Email, email, StringComparison.OrdinalIgnoreCase) && now < pending.Expires
                    ? null
                    : new PendingAddress(email, RandomNumberGenerator.GetInt32(1, int.MaxValue), now + Lifetime);
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
        var mail = notes.Compose(
            stored with { Email = requested.Email },
            "address",
            "Please confirm your new address",
            [
                "Someone with your private Compersion settings link, most likely you, asked for your gratitude emails to come to this address from now on.",
                "To say yes, open this link and press the button on its page. It works for 24 hours:",
                link,
                "If you didn't ask for this, just ignore this email. Nothing changes, and we won't write here again.",
            ],
            [],
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

    /// <summary>Checks a confirmation link without changing anything (the page's GET).</summary>
    /// <returns>The outcome, and the pending address when <see cref="AddressConfirmOutcome.Open"/> (shown to the person at that address).</returns>
    public async Task<(AddressConfirmOutcome Outcome, string? Address)> OpenAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!signer.TryVerify(token, out var verified) || verified!.Purpose != TokenPurpose.AddressChange)
        {
            return (AddressConfirmOutcome.Invalid, null);
        }

        var subscriber = await subscribers.FindByIdAsync(verified.SubscriberId, cancellationToken);
        if (subscriber is null)
        {
            return (AddressConfirmOutcome.Gone, null);
        }

        return subscriber.ConfirmAddress(verified.Value, Now()) is var confirmed && confirmed != subscriber
            ? (AddressConfirmOutcome.Open, confirmed.Email)
            : (AddressConfirmOutcome.NotPending, null);
    }

    /// <summary>Confirms the change a link names (the page's form post), and tells the old address.</summary>
    public async Task<AddressConfirmOutcome> ConfirmAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!signer.TryVerify(token, out var verified) || verified!.Purpose != TokenPurpose.AddressChange)
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
            case AddressChangeStatus.Unchanged:
                return AddressConfirmOutcome.NotPending;
        }

        var before = change.Before!;
        var after = change.After!;
        var notice = notes.Compose(
            before,
            "address",
            "Your Compersion emails have moved",
            [
                $"Your Compersion emails now go to {EmailAddress.Mask(after.Email)}, as asked on your settings page and confirmed from that address.",
                "This address won't get them any more, and replies from it are no longer saved. Your journal itself is just as it was.",
            ],
            [],
            $"{before.Id}-address-moved-{verified.Value}",
            settingsLink: false,
            invitesReply: false);
        var result = await sender.SendAsync(notice, CancellationToken.None);
        LogChanged(logger, before.Id, result.Outcome);
        return AddressConfirmOutcome.Done;
    }

    private Instant Now() => Instant.FromDateTimeOffset(time.GetUtcNow());

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId}: confirmation for a new address {Outcome}")]
    private static partial void LogRequested(ILogger logger, string subscriberId, SendOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId}: address changed; notice to the old address {Outcome}")]
    private static partial void LogChanged(ILogger logger, string subscriberId, SendOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId}: new address belongs to another subscriber; not changed")]
    private static partial void LogTaken(ILogger logger, string subscriberId);
}
