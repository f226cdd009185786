using System.Globalization;
using Compersion.Core.Access;
using Compersion.Core.Api;
using Compersion.Core.Export;
using Compersion.Core.Journal;
using Compersion.Core.Links;
using Compersion.Core.Mail;
using Compersion.Core.Photos;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using Microsoft.Extensions.Options;

namespace Compersion.Core.Commands;

/// <summary>Carries out a command sent by email (<c>PAUSE</c>, <c>TIME 07:30</c>, <c>EXPORT</c> …) and says what changed.</summary>
/// <remarks>
/// A command is applied once: a redelivered message (<c>apply</c> false) is answered with the same words but changes
/// nothing again. <c>TOKEN</c> is apart (<see cref="IssueTokenAsync"/>) because issuing rotates the token, so only
/// the delivery that wins the answer claim may issue one.
/// </remarks>
public sealed class EmailCommands(
    SettingsService settings,
    PersonalTokens personalTokens,
    ExportService exports,
    TokenSigner signer,
    IOptions<MailOptions> mailOptions,
    TimeProvider time,
    JournalUndo undo,
    AddressChangeService addresses,
    IPhotoStore photos)
{
    /// <summary>The one short confirmation of an unsubscribe, by <c>STOP</c> or by the unsubscribe mailbox: how to come back, and how to get the journal.</summary>
    /// <remarks>
    /// After an unsubscribe only a <c>RESUME</c> is read, so the note invites that reply and offers no other command. The
    /// settings link (export, delete) is fresh, so the journal can be taken along without asking for anything.
    /// </remarks>
    public AnswerNote Unsubscribed(Subscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return Command("unsubscribed", ("signup_url", Routes.Url(mailOptions.Value, Routes.SignUp)), ("settings_url", SettingsUrl(subscriber))) with { OffersHelp = false };
    }

    /// <summary>Applies a command (unless <paramref name="apply"/> is false) and returns its answer.</summary>
    /// <param name="subscriber">Who sent it.</param>
    /// <param name="command">The parsed command; one with an error is answered with how to write it.</param>
    /// <param name="apply">False when an earlier delivery of the same message already applied it.</param>
    /// <param name="fromRegistered">
    /// Whether the mail came from their registered address with SPF or DKIM passing: <c>ADD ADDRESS</c> and
    /// <c>REMOVE ADDRESS</c> are carried out only then, so a further address can never add or remove addresses.
    /// </param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <exception cref="ArgumentException"><c>TOKEN</c> or <c>UNDO</c> without an error: they are carried out by <see cref="IssueTokenAsync"/> and <see cref="UndoAsync"/>.</exception>
    public async Task<AnswerNote> ApplyAsync(Subscriber subscriber, EmailCommand command, bool apply, bool fromRegistered = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(command);
        if (command.Error is { Length: > 0 } error)
        {
            return Command("command-fix", ("error", error));
        }

        switch (command.Kind)
        {
            case CommandKind.Pause when command.Until is { } end:
                return await PauseUntilAsync(subscriber, end, apply, cancellationToken);
            case CommandKind.Prompts when command.On is { } promptsOn:
                if (apply)
                {
                    await settings.ChangePromptsAsync(subscriber, promptsOn, cancellationToken);
                }

                return promptsOn
                    ? Command("prompts-on", [("schedule", PromptSchedule(subscriber)), .. Paused(subscriber)])
                    : Command("prompts-off", ("digest_enabled", subscriber.DigestEnabled));
            case CommandKind.Digest when command.On is { } digestOn:
                if (apply)
                {
                    await settings.ChangeDigestEnabledAsync(subscriber, digestOn, cancellationToken);
                }

                return digestOn
                    ? Command("digest-on", [("day", subscriber.DigestDay.ToString()), ("schedule", MailFormat.Schedule(subscriber.DigestTime, subscriber.Zone, subscriber.TwelveHourClock)), .. Paused(subscriber)])
                    : Command("digest-off", ("prompts_enabled", subscriber.PromptsEnabled));
            case CommandKind.Pause:
                if (apply)
                {
                    await settings.PauseAsync(subscriber, cancellationToken);
                }

                return Command("paused");
            case CommandKind.Resume:
                if (apply)
                {
                    await settings.ResumeAsync(subscriber, cancellationToken);
                }

                return Command("resumed", ("prompts_enabled", subscriber.PromptsEnabled), ("digest_enabled", subscriber.DigestEnabled), ("schedule", PromptSchedule(subscriber)));
            case CommandKind.Stop:
                if (apply)
                {
                    await settings.StopAsync(subscriber, cancellationToken);
                }

                return Unsubscribed(subscriber);
            case CommandKind.Time when command.Time is { } at:
                if (apply)
                {
                    await settings.ChangeTimeAsync(subscriber, at, cancellationToken);
                }

                return Command("time", ("time", MailFormat.Time(at, subscriber.TwelveHourClock)), ("schedule", MailFormat.Schedule(at, subscriber.Zone, subscriber.TwelveHourClock)));
            case CommandKind.Zone when command.Zone is { } zone:
                if (apply)
                {
                    await settings.ChangeZoneAsync(subscriber, zone, cancellationToken);
                }

                return Command("zone", ("zone", MailFormat.Zone(zone)), ("schedule", MailFormat.Schedule(subscriber.PromptTime, zone, subscriber.TwelveHourClock)));
            case CommandKind.Digest when command.Day is { } day && command.Time is { } digestAt:
                if (apply)
                {
                    await settings.ChangeDigestAsync(subscriber, day, digestAt, cancellationToken);
                }

                return Command("digest-moved", ("day", day.ToString()), ("schedule", MailFormat.Schedule(digestAt, subscriber.Zone, subscriber.TwelveHourClock)));
            case CommandKind.Goal when command.Number is { } goal:
                if (apply)
                {
                    await settings.ChangeGoalAsync(subscriber, goal, cancellationToken);
                }

                return Command("goal", ("goal", goal));
            case CommandKind.AddAddress or CommandKind.RemoveAddress or CommandKind.ChangeAddress when !fromRegistered:
                return Command("address-from-main", ("word", command.Word), ("main_masked", EmailAddress.Mask(subscriber.Email)));
            case CommandKind.AddAddress:
                return await AddAddressAsync(subscriber, command.Argument!, apply, cancellationToken);
            case CommandKind.ChangeAddress:
                return await ChangeAddressAsync(subscriber, command.Argument!, cancellationToken);
            case CommandKind.RemoveAddress:
                // Redelivered: the first delivery removed it, and answers the same.
                var removed = apply ? await addresses.RemoveAsync(subscriber, command.Argument!, cancellationToken) : !subscriber.Owns(command.Argument);
                return Command(removed ? "address-removed" : "address-not-removed", ("address", command.Argument!));
            case CommandKind.Export:
                return await ExportNoteAsync(subscriber, cancellationToken);
            case CommandKind.Settings:
                return Answer("settings", "settings", ("settings_url", SettingsUrl(subscriber)));
            case CommandKind.Journal:
                return Answer("journal", "journal", ("journal_url", JournalUrl(subscriber)));
            case CommandKind.Help:
                return Answer("help", "help", ("unknown", false), ("commands", CommandHelp.Commands));
            case CommandKind.Token or CommandKind.Undo:
                // Each needs what only the ingestor has (the answer claim; the receipt's thread and the reply's arrival).
                throw new ArgumentException($"{command.Word} is carried out by {(command.Kind == CommandKind.Token ? nameof(IssueTokenAsync) : nameof(UndoAsync))}, not here.", nameof(command));
            case CommandKind.Unknown:
                return Answer("help", "help", ("unknown", true), ("commands", CommandHelp.Commands));
            default:
                // A kind without the value its case needs, which the parser never makes (it gives an error instead): read as unknown.
                return Answer("help", "help", ("unknown", true), ("commands", CommandHelp.Commands));
        }
    }

    /// <summary>Issues (rotating) a personal token for the entries API and returns the note that carries it.</summary>
    /// <remarks>Call only once the answer claim is won: an issued token revokes the previous one.</remarks>
    public async Task<AnswerNote> IssueTokenAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        var issued = await personalTokens.IssueAsync(subscriber, cancellationToken);
        return Command("token", ("token", issued), ("entries_url", Routes.Url(mailOptions.Value, Routes.Entries)));
    }

    /// <summary>How long after the reply it answers an <c>UNDO</c> by mail still takes it back (24 hours); later, the journal's day page does.</summary>
    public static readonly TimeSpan UndoWindow = TimeSpan.FromHours(24);

    /// <summary>Carries out <c>UNDO</c>: takes back everything the reply it answers saved, and says what went.</summary>
    /// <param name="subscriber">Who sent it (only their journal is touched).</param>
    /// <param name="answered">The journal sources of the messages the UNDO mail answers, the likeliest first.</param>
    /// <param name="apply">False for a redelivery: the first delivery already took it back.</param>
    /// <param name="tooLate">The reply it answers arrived more than <see cref="UndoWindow"/> before the UNDO: nothing is taken back, and the answer points at the journal page.</param>
    /// <param name="takenBefore">For a redelivery: the first delivery took something back, so an empty journal now means done, not "nothing to take back".</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The answer, and whether anything was (or would be) taken back.</returns>
    public async Task<(AnswerNote Note, bool Taken)> UndoAsync(
        Subscriber subscriber, IReadOnlyList<string> answered, bool apply, bool tooLate = false, bool takenBefore = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        if (tooLate)
        {
            return (Command("undo-too-late", ("journal_url", JournalUrl(subscriber))), false);
        }

        var taken = await undo.UndoAsync(subscriber.Id, answered, apply, cancellationToken);
        if (taken.IsEmpty && !apply && takenBefore)
        {
            // The first delivery took the reply back and stopped before answering: say so, not that there was nothing.
            return (Command("undo-done"), true);
        }

        if (taken.IsEmpty)
        {
            return (Command("undo-nothing"), false);
        }

        var written = taken.Written;
        return (Command(
            "undo-taken",
            ("gratitudes", written.Items.Select(item => item.Text).ToList()),
            ("acts", written.Acts.Select(act => act.Text).ToList()),
            ("act_label", ReplyReceipt.ActLabel),
            ("photos", taken.Photos),
            ("written", written.Items.Count + written.Acts.Count),
            ("count", written.Items.Count + written.Acts.Count + taken.Photos)), true);
    }

    // The settings page's change of address, by mail: a link to the new address, which must be followed there; until then
    // nothing changes. A redelivery asks again: the service keeps the first link working and sends nothing twice.
    private async Task<AnswerNote> ChangeAddressAsync(Subscriber subscriber, string address, CancellationToken cancellationToken) =>
        await addresses.RequestAsync(subscriber, address, extra: false, cancellationToken) switch
        {
            AddressRequestOutcome.Sent or AddressRequestOutcome.AlreadySent => Command("change-address-sent", ("address", address)),
            AddressRequestOutcome.Same => Command("change-address-same", ("address", address)),
            AddressRequestOutcome.NotSent => Command("change-address-not-sent"),
            _ => Command("command-fix", ("error", CommandHelp.Usage(CommandKind.ChangeAddress)!)),
        };

    private async Task<AnswerNote> AddAddressAsync(Subscriber subscriber, string address, bool apply, CancellationToken cancellationToken)
    {
        // A redelivery (apply false) asks again: the service keeps the first link working and sends nothing twice.
        _ = apply;
        return await addresses.RequestAsync(subscriber, address, extra: true, cancellationToken) switch
        {
            AddressRequestOutcome.Sent or AddressRequestOutcome.AlreadySent => Command("address-sent", ("address", address)),
            AddressRequestOutcome.Same => Command("address-same", ("address", address)),
            AddressRequestOutcome.TooMany => Command("address-too-many", ("most", Subscriber.MaxExtraAddresses)),
            AddressRequestOutcome.NotSent => Command("address-not-sent"),
            _ => Command("command-fix", ("error", CommandHelp.Usage(CommandKind.AddAddress)!)),
        };
    }

    // The journal as two files, and the photos: attached while they fit one mail safely (ExportService.MaxMailedPhotoBytes),
    // else a fresh private link to the zip that holds them all.
    private async Task<AnswerNote> ExportNoteAsync(Subscriber subscriber, CancellationToken cancellationToken)
    {
        var export = await exports.ExportAsync(subscriber, cancellationToken);
        var kept = await photos.ListAllAsync(subscriber.Id, cancellationToken);
        var attachments = ExportService.Attachments(export).ToList();
        var photoBytes = kept.Sum(photo => photo.Length);
        var attached = 0;
        var zipUrl = string.Empty;
        if (kept.Count > 0 && photoBytes <= ExportService.MaxMailedPhotoBytes)
        {
            foreach (var photo in kept)
            {
                await using var content = await photos.OpenAsync(subscriber.Id, photo, thumbnail: false, cancellationToken);
                if (content is not null)
                {
                    using var buffer = new MemoryStream((int)photo.Length);
                    await content.CopyToAsync(buffer, cancellationToken);
                    attachments.Add(new Sending.MailAttachment(ExportService.PhotoFileName(photo), photo.MediaType, buffer.ToArray()));
                    attached++;
                }
            }
        }
        else if (kept.Count > 0)
        {
            var expires = Instant.FromDateTimeOffset(time.GetUtcNow()) + SettingsLinks.Lifetime;
            zipUrl = $"{Routes.Url(mailOptions.Value, Routes.SettingsExport)}?format=zip&token={signer.ForLink(TokenPurpose.Settings, subscriber.Id, expires)}";
        }

        var note = Answer(
            "export",
            "export",
            ("days", export.Entries.Count),
            ("markdown_file", ExportService.MarkdownFileName),
            ("json_file", ExportService.JsonFileName),
            ("photos_attached", attached),
            ("photos_waiting", zipUrl.Length > 0 ? kept.Count : 0),
            ("photos_mb", photoBytes / (1024 * 1024)),
            ("zip_url", zipUrl));
        return note with { Attachments = attachments };
    }

    private async Task<AnswerNote> PauseUntilAsync(Subscriber subscriber, PauseEnd end, bool apply, CancellationToken cancellationToken)
    {
        // Counted from the day the command is read, in their zone: PAUSE 2 WEEKS on a Monday ends on the Monday two weeks on.
        if (!end.TryResolve(settings.Today(subscriber), out var until, out var error))
        {
            return Command("pause-fix", ("error", error));
        }

        if (subscriber.Status is not (SubscriberStatus.Active or SubscriberStatus.Paused))
        {
            return Command("nothing-to-pause");
        }

        if (apply)
        {
            await settings.PauseUntilAsync(subscriber, until, cancellationToken);
        }

        return Command("paused-until", ("until_short", ShortDate(until)), ("until", LongDate(until)), ("schedule", PromptSchedule(subscriber)));
    }

    // The note's words are in Mail/Notes/{template}.liquid; a command's answer is of kind "command" unless it says otherwise.
    private static AnswerNote Command(string template, params (string Name, object Value)[] values) => Answer("command", template, values);

    private static AnswerNote Answer(string kind, string template, params (string Name, object Value)[] values)
    {
        var note = NoteTemplates.Render(template, values);
        return new AnswerNote(kind, note.Subject, note.Blocks);
    }

    // Whether the subscriber is paused, and until when ("" for until RESUME): a switched-on mail says when it starts.
    private static (string Name, object Value)[] Paused(Subscriber subscriber) =>
    [
        ("paused", subscriber.Status == SubscriberStatus.Paused),
        ("paused_until", subscriber.PausedUntil is { } until ? LongDate(until) : string.Empty),
    ];

    private static string PromptSchedule(Subscriber subscriber) => MailFormat.Schedule(subscriber.PromptTime, subscriber.Zone, subscriber.TwelveHourClock);

    private string SettingsUrl(Subscriber subscriber) =>
        SettingsLinks.Url(signer, mailOptions.Value, subscriber.Id, Instant.FromDateTimeOffset(time.GetUtcNow()) + SettingsLinks.Lifetime);

    private string JournalUrl(Subscriber subscriber) =>
        JournalLinks.Url(signer, mailOptions.Value, subscriber.Id, Instant.FromDateTimeOffset(time.GetUtcNow()) + JournalLinks.Lifetime);

    private static string ShortDate(LocalDate date) => date.ToString("d MMMM", CultureInfo.InvariantCulture);

    private static string LongDate(LocalDate date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
}
