using System.Globalization;
using Compersion.Core.Api;
using Compersion.Core.Export;
using Compersion.Core.Inbound;
using Compersion.Core.Journal;
using Compersion.Core.Mail;
using Compersion.Core.Prompts;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Microsoft.Extensions.Options;
using NodaTime;

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
    AddressChangeService addresses)
{
    /// <summary>The one short confirmation of an unsubscribe, by <c>STOP</c> or by the unsubscribe mailbox: how to come back, and how to get the journal.</summary>
    /// <remarks>
    /// After an unsubscribe only a <c>RESUME</c> is read, so the note invites that reply and offers no other command. The
    /// settings link (export, delete) is fresh, so the journal can be taken along without asking for anything.
    /// </remarks>
    public AnswerNote Unsubscribed(Subscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var options = mailOptions.Value;
        return AnswerNote.Of(
            "command",
            "You're unsubscribed",
            [
                NoteBlock.Paragraph("No more emails will come. Thank you for the gratitude you wrote."),
                NoteBlock.Paragraph("If you'd like to come back, reply RESUME to this email, or sign up again:"),
                NoteBlock.Link("Sign up again", Routes.Url(options, Routes.SignUp)),
                NoteBlock.Paragraph("Your journal is still yours. This private link opens your settings, where you can export it or delete everything; it works for 24 hours:"),
                NoteBlock.Link("Open my settings", SettingsLinks.Url(signer, options, subscriber.Id, Instant.FromDateTimeOffset(time.GetUtcNow()) + SettingsLinks.Lifetime)),
            ],
            offersHelp: false);
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
    public async Task<AnswerNote> ApplyAsync(Subscriber subscriber, EmailCommand command, bool apply, bool fromRegistered = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(command);
        if (command.Error is { Length: > 0 } error)
        {
            return new AnswerNote("command", "That command needs a small fix", [error], []);
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
                    ? new AnswerNote("command", "Your daily prompt is on", [$"Your daily prompt comes again, at {MailFormat.Schedule(subscriber.PromptTime, subscriber.Zone, subscriber.TwelveHourClock)}.{StillPaused(subscriber)}"], [])
                    : new AnswerNote("command", "Your daily prompt is off", [$"No more daily prompts. {(subscriber.DigestEnabled ? "Your weekly digest still comes, and you can write to us any day you like." : "Your weekly digest is off too, so no emails will come; you can still write to us any day you like.")} Reply PROMPTS ON whenever you'd like it back."], []);
            case CommandKind.Digest when command.On is { } digestOn:
                if (apply)
                {
                    await settings.ChangeDigestEnabledAsync(subscriber, digestOn, cancellationToken);
                }

                return digestOn
                    ? new AnswerNote("command", "Your weekly digest is on", [$"Your weekly digest comes again, on {subscriber.DigestDay}s at {MailFormat.Schedule(subscriber.DigestTime, subscriber.Zone, subscriber.TwelveHourClock)}.{StillPaused(subscriber)}"], [])
                    : new AnswerNote("command", "Your weekly digest is off", [$"No more weekly digests. {(subscriber.PromptsEnabled ? "Your daily prompt still comes as before." : "Your daily prompt is off too, so no emails will come; you can still write to us any day you like.")} Reply DIGEST ON whenever you'd like it back."], []);
            case CommandKind.Pause:
                if (apply)
                {
                    await settings.PauseAsync(subscriber, cancellationToken);
                }

                return new AnswerNote("command", "Paused", ["Your daily prompts are paused. Reply RESUME whenever you're ready — no rush, and be kind to yourself."], []);
            case CommandKind.Resume:
                if (apply)
                {
                    await settings.ResumeAsync(subscriber, cancellationToken);
                }

                // Someone who turned the prompt off on its own is not told it is coming: only the digest does.
                return new AnswerNote("command", "Welcome back", [subscriber.PromptsEnabled
                    ? $"Your daily prompt is back on, at {MailFormat.Schedule(subscriber.PromptTime, subscriber.Zone, subscriber.TwelveHourClock)}."
                    : $"Your emails are back on. Your daily prompt stays off, as you chose, so your weekly digest is what comes{(subscriber.DigestEnabled ? string.Empty : " (and that is off too)")}. Reply PROMPTS ON whenever you'd like the prompt again."], []);
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

                return new AnswerNote("command", $"Your prompt now comes at {MailFormat.Time(at, subscriber.TwelveHourClock)}", [$"From now on your daily prompt arrives at {MailFormat.Schedule(at, subscriber.Zone, subscriber.TwelveHourClock)}."], []);
            case CommandKind.Zone when command.Zone is { } zone:
                if (apply)
                {
                    await settings.ChangeZoneAsync(subscriber, zone, cancellationToken);
                }

                return new AnswerNote("command", $"Time zone set to {MailFormat.Zone(zone)}", [$"Your daily prompt now arrives at {MailFormat.Schedule(subscriber.PromptTime, zone, subscriber.TwelveHourClock)}."], []);
            case CommandKind.Digest when command.Day is { } day && command.Time is { } digestAt:
                if (apply)
                {
                    await settings.ChangeDigestAsync(subscriber, day, digestAt, cancellationToken);
                }

                return new AnswerNote("command", "Weekly digest moved", [$"Your weekly digest now comes on {day}s at {MailFormat.Schedule(digestAt, subscriber.Zone, subscriber.TwelveHourClock)}."], []);
            case CommandKind.Goal when command.Number is { } goal:
                if (apply)
                {
                    await settings.ChangeGoalAsync(subscriber, goal, cancellationToken);
                }

                return new AnswerNote("command", $"Kindness goal: {goal} a week", [goal == 0
                    ? "Your goal is now no set number of kind acts a week. Whenever you do one, keep it to yourself: you'll remember it longer."
                    : $"Your goal is now {goal} secret act{(goal == 1 ? string.Empty : "s")} of kindness a week. Keep {(goal == 1 ? "it" : "them")} to yourself: you'll remember {(goal == 1 ? "it" : "them")} longer."], []);
            case CommandKind.AddAddress or CommandKind.RemoveAddress when !fromRegistered:
                return new AnswerNote("command", "Please send that from your main address", [$"{command.Word} works only from {EmailAddress.Mask(subscriber.Email)}, the address your emails come to, so nobody else can change whose replies are saved. Nothing was changed."], []);
            case CommandKind.AddAddress:
                return await AddAddressAsync(subscriber, command.Argument!, apply, cancellationToken);
            case CommandKind.RemoveAddress:
                // Redelivered: the first delivery removed it, and answers the same.
                var removed = apply ? await addresses.RemoveAsync(subscriber, command.Argument!, cancellationToken) : !subscriber.Owns(command.Argument);
                return removed
                    ? new AnswerNote("command", "Address removed", [$"Replies from {command.Argument} are no longer saved to your journal. What it sent before stays, just as it was."], [])
                    : new AnswerNote("command", "Nothing to remove", [$"{command.Argument} isn't one of the further addresses that can write to your journal, so nothing was changed. Your main address can't be removed this way: your settings page can change it."], []);
            case CommandKind.Export:
                return await ExportNoteAsync(subscriber, cancellationToken);
            case CommandKind.Settings:
                var link = SettingsLinks.Url(signer, mailOptions.Value, subscriber.Id, Instant.FromDateTimeOffset(time.GetUtcNow()) + SettingsLinks.Lifetime);
                return AnswerNote.Of("settings", "Your settings link", [
                    NoteBlock.Paragraph("Here is your private link to your settings: the time and zone of your prompt, your weekly digest, your kindness goal, pausing, exporting, importing, or deleting everything."),
                    NoteBlock.Link("Open my settings", link),
                    NoteBlock.Paragraph("It works for 24 hours. Anyone with it can change your settings, so keep it to yourself; reply SETTINGS again whenever you need a new one."),
                ]);
            case CommandKind.Journal:
                return AnswerNote.Of("journal", "Your journal link", [
                    NoteBlock.Paragraph("Here is your private link to your journal: every day you've written, a calendar of the year, search, the people who show up, and your kind acts."),
                    NoteBlock.Link("Open my journal", JournalLinks.Url(signer, mailOptions.Value, subscriber.Id, Instant.FromDateTimeOffset(time.GetUtcNow()) + JournalLinks.Lifetime)),
                    NoteBlock.Paragraph("It works for 24 hours. Anyone with it can read your journal, so keep it to yourself; reply JOURNAL again whenever you need a new one."),
                ]);
            case CommandKind.Help:
                return AnswerNote.Of("help", "How to use Compersion by email", CommandHelp.Blocks);
            default:
                return AnswerNote.Of("help", "Here's what you can send", [NoteBlock.Paragraph("That command isn't one we know, so here is the list."), .. CommandHelp.Blocks]);
        }
    }

    /// <summary>Issues (rotating) a personal token for the entries API and returns the note that carries it.</summary>
    /// <remarks>Call only once the answer claim is won: an issued token revokes the previous one.</remarks>
    public async Task<AnswerNote> IssueTokenAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        var issued = await personalTokens.IssueAsync(subscriber, cancellationToken);
        return AnswerNote.Of("command", "Your personal token", [
            NoteBlock.Paragraph("Here is your personal token for the entries API. It replaces any earlier one; keep it to yourself."),
            NoteBlock.Code(issued),
            NoteBlock.Paragraph("Send it as the header 'Authorization: Bearer <token>' to this address:"),
            NoteBlock.Code(Routes.Url(mailOptions.Value, Routes.Entries)),
        ]);
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
            return (AnswerNote.Of("command", "That reply is more than a day old", [
                NoteBlock.Paragraph("UNDO works for a day after a reply, and that one came in more than 24 hours ago, so nothing was changed."),
                NoteBlock.Paragraph("You can still delete or move any of its items on your journal's day page. This private link opens your journal; it works for 24 hours:"),
                NoteBlock.Link("Open my journal", JournalLinks.Url(signer, mailOptions.Value, subscriber.Id, Instant.FromDateTimeOffset(time.GetUtcNow()) + JournalLinks.Lifetime)),
            ]), false);
        }

        var taken = await undo.UndoAsync(subscriber.Id, answered, apply, cancellationToken);
        if (taken.IsEmpty && !apply && takenBefore)
        {
            // The first delivery took the reply back and stopped before answering: say so, not that there was nothing.
            return (AnswerNote.Of("command", "Taken back", [
                NoteBlock.Paragraph("Done: that reply is out of your journal again."),
                NoteBlock.Paragraph("If you'd like to write it again, just reply to your next prompt."),
            ]), true);
        }

        if (taken.IsEmpty)
        {
            return (AnswerNote.Of("command", "Nothing to take back", [
                NoteBlock.Paragraph("I couldn't find anything to take back. UNDO works as a reply to the note that listed what a reply saved, and what it saved may already be gone."),
                NoteBlock.Paragraph("You can also delete or move single items on your journal's day page: reply JOURNAL for a private link."),
            ]), false);
        }

        var count = taken.Items.Count + taken.Acts.Count;
        return (AnswerNote.Of("command", "Taken back", [
            NoteBlock.Paragraph($"Done: that reply's {Count(taken.Items.Count, "gratitude", "gratitudes")}{(taken.Items.Count > 0 && taken.Acts.Count > 0 ? " and " : string.Empty)}{Count(taken.Acts.Count, "kind act", "kind acts")} {(count == 1 ? "is" : "are")} out of your journal again:"),
            NoteBlock.Numbered([.. taken.Items.Select(item => item.Text), .. taken.Acts.Select(act => ReplyReceipt.ActLabel + act.Text)]),
            NoteBlock.Paragraph($"If you'd like to write {(count == 1 ? "it" : "them")} again, just reply to your next prompt."),
        ]), true);
    }

    private static string Count(int count, string one, string many) => count switch
    {
        0 => string.Empty,
        1 => "1 " + one,
        _ => string.Create(CultureInfo.InvariantCulture, $"{count} {many}"),
    };

    private async Task<AnswerNote> AddAddressAsync(Subscriber subscriber, string address, bool apply, CancellationToken cancellationToken)
    {
        // A redelivery (apply false) asks again: the service keeps the first link working and sends nothing twice.
        _ = apply;
        return await addresses.RequestAsync(subscriber, address, extra: true, cancellationToken) switch
        {
            AddressRequestOutcome.Sent or AddressRequestOutcome.AlreadySent => new AnswerNote(
                "command",
                "Check the other inbox",
                [$"We've sent a link to {address}. Open it there and press the button, and replies from that address will be saved to your journal too. It works for 24 hours.", "Your emails keep coming here, as before."],
                []),
            AddressRequestOutcome.Same => new AnswerNote("command", "Already yours", [$"{address} can already write to your journal, so nothing needed changing."], []),
            AddressRequestOutcome.TooMany => new AnswerNote("command", "That's the most addresses", [string.Create(CultureInfo.InvariantCulture, $"You already have {Subscriber.MaxExtraAddresses} further addresses that can write to your journal. To add this one, first remove one you don't use with REMOVE ADDRESS and that address. Nothing was changed.")], []),
            AddressRequestOutcome.NotSent => new AnswerNote("command", "That didn't go through", ["We couldn't send the link just now. Please try ADD ADDRESS again in a little while. Nothing was changed."], []),
            _ => new AnswerNote("command", "That command needs a small fix", [CommandHelp.Usage(CommandKind.AddAddress)!], []),
        };
    }

    private async Task<AnswerNote> ExportNoteAsync(Subscriber subscriber, CancellationToken cancellationToken)
    {
        var export = await exports.ExportAsync(subscriber, cancellationToken);
        var days = export.Entries.Count;
        return AnswerNote.Of(
            "export",
            "Your Compersion journal",
            [
                NoteBlock.Paragraph(days == 0
                    ? "Your journal is empty so far — your first reply will start it. Your settings are attached all the same."
                    : $"Here is everything you have written, {days} {(days == 1 ? "day" : "days")} of it, oldest first. It is yours to keep."),
                NoteBlock.Paragraph("Two files are attached:"),
                NoteBlock.List([$"{ExportService.MarkdownFileName}, to read", $"{ExportService.JsonFileName}, for other apps"]),
            ],
            ExportService.Attachments(export));
    }

    private async Task<AnswerNote> PauseUntilAsync(Subscriber subscriber, PauseEnd end, bool apply, CancellationToken cancellationToken)
    {
        // Counted from the day the command is read, in their zone: PAUSE 2 WEEKS on a Monday ends on the Monday two weeks on.
        if (!end.TryResolve(settings.Today(subscriber), out var until, out var error))
        {
            return new AnswerNote("command", "That pause needs a small fix", [error], []);
        }

        if (subscriber.Status is not (SubscriberStatus.Active or SubscriberStatus.Paused))
        {
            return new AnswerNote("command", "Nothing to pause", ["No emails are coming to you now, so there's nothing to pause. Reply RESUME whenever you'd like them back."], []);
        }

        if (apply)
        {
            await settings.PauseUntilAsync(subscriber, until, cancellationToken);
        }

        return new AnswerNote(
            "command",
            $"Paused until {ShortDate(until)}",
            [$"Your emails are paused. They start again by themselves on {LongDate(until)}, with your prompt at {MailFormat.Schedule(subscriber.PromptTime, subscriber.Zone, subscriber.TwelveHourClock)}. Enjoy the break, and be kind to yourself. Reply RESUME if you'd like them back sooner."],
            []);
    }

    private static string StillPaused(Subscriber subscriber) => subscriber.Status != SubscriberStatus.Paused
        ? string.Empty
        : subscriber.PausedUntil is { } until
            ? $" Your emails are paused until {LongDate(until)}, so it starts then."
            : " Your emails are paused, so it starts when you reply RESUME.";

    private static string ShortDate(LocalDate date) => date.ToString("d MMMM", CultureInfo.InvariantCulture);

    private static string LongDate(LocalDate date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
}
