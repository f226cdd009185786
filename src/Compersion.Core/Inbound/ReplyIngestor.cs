using System.Security.Cryptography;
using System.Text;
using Compersion.Core.Commands;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Mail;
using Compersion.Core.Prompts;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Compersion.Replies;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Compersion.Core.Inbound;

/// <summary>Turns one archived inbound post into journal items and kind acts, a settings change, or a quarantine entry — exactly once.</summary>
/// <remarks>
/// <para>A reply to a prompt holds gratitudes (and <c>kindness:</c> lines, which are acts); a reply to the weekly digest
/// (its token's purpose is <see cref="TokenPurpose.Digest"/>) holds kind acts, every item of it. Acts are classified
/// by <see cref="ActClassifier"/> as they are stored.</para>
/// <para>Attribution: the reply token in the envelope recipient (<c>reply+token@inbound-domain</c>) names the
/// subscriber, the date and the purpose, and the From address must also be theirs. Mail without a valid
/// token is accepted only from a registered address with SPF or DKIM passing. Anything else is quarantined:
/// kept in the archive, attributed to no one, logged without address or text — never written into a journal.</para>
/// <para>Idempotency: the ledger, keyed by a hash of the Message-ID (else of the content), records each stage,
/// so a redelivered queue message or a post SendGrid sent twice resumes where it stopped and never appends
/// items or acts, or sends an answer twice.</para>
/// </remarks>
public sealed partial class ReplyIngestor(
    IInboundArchive archive,
    IInboundMailReader reader,
    IInboundLedger ledger,
    ISubscriberStore subscribers,
    IEntryStore entries,
    IActStore acts,
    SettingsService settings,
    Api.PersonalTokens personalTokens,
    TokenSigner signer,
    NoteComposer notes,
    IMailSender sender,
    IOptions<MailOptions> mailOptions,
    ILogger<ReplyIngestor> logger,
    Export.ExportService exports,
    IPostIndex postIndex,
    TimeProvider time)
{
    /// <summary>A token older than this files items under the date of arrival instead.</summary>
    public static readonly Period MaxTokenAge = Period.FromDays(7);

    /// <summary>Items (and, separately, kind acts) kept from one reply; beyond this a reply is more likely a pasted document than a day's gratitudes.</summary>
    public const int MaxItemsPerReply = 100;

    /// <summary>Ingests one archived post.</summary>
    public async Task<IngestOutcome> IngestAsync(string archiveName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(archiveName);
        InboundMail? mail;
        string? problem;
        DateTimeOffset receivedAt;
        await using (var post = await archive.OpenAsync(archiveName, cancellationToken))
        {
            if (post is null)
            {
                LogGone(logger, archiveName);
                return IngestOutcome.Gone;
            }

            receivedAt = post.ReceivedAt;
            reader.TryRead(post.Content, post.ContentType, out mail, out problem);
        }

        if (mail is null)
        {
            await ledger.BeginAsync("a:" + Hash(archiveName), archiveName, cancellationToken);
            return await QuarantineAsync("a:" + Hash(archiveName), problem ?? "unreadable", cancellationToken);
        }

        var key = mail.MessageId is { Length: > 0 } id ? "m:" + Hash(id) : "h:" + mail.ContentHash[..Math.Min(40, mail.ContentHash.Length)];
        var stage = await ledger.BeginAsync(key, archiveName, cancellationToken);
        if (stage is InboundStage.Done or InboundStage.Quarantined)
        {
            // A second copy of a message (SendGrid posted it twice, or an archive replay) is its own blob: index it too,
            // so deleting the subscriber finds every copy.
            if (stage == InboundStage.Done && (await AttributeAsync(mail, cancellationToken)).Subscriber is { } owner)
            {
                await postIndex.RecordAsync(owner.Id, archiveName, key, cancellationToken);
            }

            LogDuplicate(logger, archiveName);
            return IngestOutcome.Duplicate;
        }

        var (subscriber, token, purpose, reason) = await AttributeAsync(mail, cancellationToken);
        if (subscriber is null)
        {
            return await QuarantineAsync(key, reason!, cancellationToken);
        }

        // Before anything is stored for them, so a deletion finds this post whatever happens next.
        await postIndex.RecordAsync(subscriber.Id, archiveName, key, cancellationToken);

        var visible = Visible(mail);
        var now = Instant.FromDateTimeOffset(receivedAt);
        if (CommandParser.TryParse(visible, out var command) && command is not null && !(command.Kind == CommandKind.Unknown && HasMoreThanOneLine(visible)))
        {
            if (command.Kind == CommandKind.Token && command.Error is not { Length: > 0 })
            {
                // Issuing rotates the token, so only the delivery that wins the answer claim issues one, and mails it:
                // concurrent deliveries of one message that each issued a token would mail one a later issue revoked.
                await AnswerAsync(key, subscriber, async () => TokenNote(await personalTokens.IssueAsync(subscriber, cancellationToken)), cancellationToken);
            }
            else
            {
                var answer = await ApplyCommandAsync(subscriber, command, stage, cancellationToken);
                if (stage < InboundStage.Stored)
                {
                    await ledger.AdvanceAsync(key, InboundStage.Stored, subscriber.Id, null, cancellationToken);
                }

                await AnswerAsync(key, subscriber, answer, cancellationToken);
            }

            LogCommand(logger, subscriber.Id, command.Kind);
            return IngestOutcome.Command;
        }

        // A reply to a prompt is filed under the prompt's date; a reply to the weekly digest logs acts on the day it
        // arrives, so next week's digest counts them.
        var arrival = now.InZone(subscriber.TimeZone).Date;
        var digestReply = purpose == TokenPurpose.Digest;
        var date = !digestReply && token is not null && token.Value >= arrival.Minus(MaxTokenAge) && token.Value <= arrival.PlusDays(1) ? token.Value : arrival;
        var content = ItemSplitter.Split(visible);
        var items = digestReply ? [] : content.Items.Take(MaxItemsPerReply).Select(JournalItem.Understand).ToList();
        var kindActs = (digestReply ? content.Items.Concat(content.Acts) : content.Acts).Take(MaxItemsPerReply).Select(ActClassifier.ToAct).ToList();
        if (stage < InboundStage.Stored)
        {
            // Items and acts live in different rows, each remembering the key: a retry after a crash between the two
            // appends finds the first already done and completes the second.
            await entries.AppendAsync(subscriber.Id, date, items, key, cancellationToken);
            await acts.AppendAsync(subscriber.Id, date, kindActs, key, cancellationToken);
            if (items.Count > 0 || kindActs.Count > 0)
            {
                await settings.RecordReplyAsync(subscriber, date, cancellationToken);
            }

            await ledger.AdvanceAsync(key, InboundStage.Stored, subscriber.Id, null, cancellationToken);
        }

        var receipt = ReplyReceipt.For(subscriber, items, kindActs, date, actsExpected: digestReply);
        if (receipt is not null)
        {
            await AnswerAsync(key, subscriber, new Note("receipt", receipt.Subject, receipt.Paragraphs, receipt.Items), cancellationToken);
        }
        else
        {
            await ledger.AdvanceAsync(key, InboundStage.Done, subscriber.Id, null, cancellationToken);
        }

        LogJournaled(logger, subscriber.Id, items.Count, kindActs.Count);
        return items.Count == 0 && kindActs.Count == 0 ? IngestOutcome.Empty : IngestOutcome.Journaled;
    }

    // An all-caps first line ("SAM MADE ME DINNER") followed by more text is a gratitude, not an unknown command.
    private static bool HasMoreThanOneLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Count(line => line.Length > 0) > 1;

    private static string Visible(InboundMail mail)
    {
        if (!string.IsNullOrWhiteSpace(mail.Text))
        {
            return VisibleTextExtractor.Extract(mail.Text);
        }

        return string.IsNullOrWhiteSpace(mail.Html) ? string.Empty : VisibleTextExtractor.ExtractFromHtml(mail.Html);
    }

    private async Task<(Subscriber? Subscriber, LocalDate? TokenDate, TokenPurpose? Purpose, string? Reason)> AttributeAsync(InboundMail mail, CancellationToken cancellationToken)
    {
        var domain = mailOptions.Value.InboundDomain;
        foreach (var recipient in mail.EnvelopeTo)
        {
            if (!TryReadToken(recipient, domain, out var text))
            {
                continue;
            }

            if (!signer.TryVerify(text, out var token) || token!.Purpose is not (TokenPurpose.Prompt or TokenPurpose.Digest))
            {
                return (null, null, null, "invalid-token");
            }

            var subscriber = await subscribers.FindByIdAsync(token.SubscriberId, cancellationToken);
            if (subscriber is null)
            {
                return (null, null, null, "unknown-subscriber");
            }

            if (!SameAddress(mail.From, subscriber.Email))
            {
                return (null, null, null, "from-mismatch");
            }

            if (subscriber.Status is SubscriberStatus.Pending or SubscriberStatus.Unsubscribed)
            {
                return (null, null, null, "not-subscribed");
            }

            return (subscriber, DateExtensions.FromDaysSinceEpoch(token.Value), token.Purpose, null);
        }

        if (string.IsNullOrWhiteSpace(mail.From))
        {
            return (null, null, null, "no-sender");
        }

        if (!mail.SpfPass && !mail.DkimPass)
        {
            return (null, null, null, "unverified-sender");
        }

        var known = await subscribers.FindByEmailAsync(mail.From, cancellationToken);
        if (known is null || known.Status is SubscriberStatus.Pending or SubscriberStatus.Unsubscribed)
        {
            return (null, null, null, "unknown-sender");
        }

        return (known, null, null, null);
    }

    private static bool TryReadToken(string recipient, string inboundDomain, out string token)
    {
        token = string.Empty;
        var address = recipient.Trim().Trim('<', '>');
        var at = address.LastIndexOf('@');
        if (at < 0 || !string.Equals(address[(at + 1)..], inboundDomain, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var local = address[..at];
        const string prefix = "reply+";
        if (!local.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        token = local[prefix.Length..].ToLowerInvariant();
        return true;
    }

    private static bool SameAddress(string? from, string registered) =>
        from is not null && EmailAddress.TryNormalize(from, out var normalized) &&
        string.Equals(normalized, registered, StringComparison.OrdinalIgnoreCase);

    private async Task<IngestOutcome> QuarantineAsync(string key, string reason, CancellationToken cancellationToken)
    {
        await ledger.AdvanceAsync(key, InboundStage.Quarantined, null, reason, cancellationToken);
        LogQuarantined(logger, reason);
        return IngestOutcome.Quarantined;
    }

    private Task AnswerAsync(string key, Subscriber subscriber, Note note, CancellationToken cancellationToken) =>
        AnswerAsync(key, subscriber, () => Task.FromResult(note), cancellationToken);

    // The note is composed only after the claim is won, so a note whose making has effects (a new token) is made once.
    private async Task AnswerAsync(string key, Subscriber subscriber, Func<Task<Note>> compose, CancellationToken cancellationToken)
    {
        if (await ledger.TryClaimAnswerAsync(key, cancellationToken))
        {
            var note = await compose();
            var mail = notes.Compose(subscriber, note.Kind, note.Subject, note.Paragraphs, note.Items, key, note.Attachments);
            var result = await sender.SendAsync(mail, CancellationToken.None);
            if (result.Outcome == SendOutcome.NotSent)
            {
                LogAnswerNotSent(logger, subscriber.Id, result.Reason);
            }
        }

        await ledger.AdvanceAsync(key, InboundStage.Done, subscriber.Id, null, cancellationToken);
    }

    private async Task<Note> ApplyCommandAsync(Subscriber subscriber, EmailCommand command, InboundStage stage, CancellationToken cancellationToken)
    {
        if (command.Error is { Length: > 0 } error)
        {
            return new Note("command", "That command needs a small fix", [error], []);
        }

        var apply = stage < InboundStage.Stored;
        Note note;
        switch (command.Kind)
        {
            case CommandKind.Pause:
                if (apply)
                {
                    await settings.PauseAsync(subscriber, cancellationToken);
                }

                note = new Note("command", "Paused", ["Your daily prompts are paused. Reply RESUME whenever you're ready — no rush, and be kind to yourself."], []);
                break;
            case CommandKind.Resume:
                if (apply)
                {
                    await settings.ResumeAsync(subscriber, cancellationToken);
                }

                note = new Note("command", "Welcome back", [$"Your daily prompt is back on, at {Format(subscriber.PromptTime)} ({subscriber.Zone})."], []);
                break;
            case CommandKind.Stop:
                if (apply)
                {
                    await settings.StopAsync(subscriber, cancellationToken);
                }

                note = new Note("command", "You're unsubscribed", ["No more emails will come. Thank you for the gratitude you wrote."], []);
                break;
            case CommandKind.Time when command.Time is { } at:
                if (apply)
                {
                    await settings.ChangeTimeAsync(subscriber, at, cancellationToken);
                }

                note = new Note("command", $"Your prompt now comes at {Format(at)}", [$"From now on your daily prompt arrives at {Format(at)} ({subscriber.Zone})."], []);
                break;
            case CommandKind.Zone when command.Zone is { } zone:
                if (apply)
                {
                    await settings.ChangeZoneAsync(subscriber, zone, cancellationToken);
                }

                note = new Note("command", $"Time zone set to {zone}", [$"Your daily prompt now arrives at {Format(subscriber.PromptTime)} in {zone}."], []);
                break;
            case CommandKind.Digest when command.Day is { } day && command.Time is { } digestAt:
                if (apply)
                {
                    await settings.ChangeDigestAsync(subscriber, day, digestAt, cancellationToken);
                }

                note = new Note("command", "Weekly look-back moved", [$"Your weekly look-back is now set for {day}s at {Format(digestAt)}."], []);
                break;
            case CommandKind.Goal when command.Number is { } goal:
                if (apply)
                {
                    await settings.ChangeGoalAsync(subscriber, goal, cancellationToken);
                }

                note = new Note("command", $"Kindness goal: {goal} a week", [$"Your goal is now {goal} secret act{(goal == 1 ? string.Empty : "s")} of kindness a week. Keep them to yourself — you'll remember them longer."], []);
                break;
            case CommandKind.Export:
                var export = await exports.ExportAsync(subscriber, cancellationToken);
                var days = export.Entries.Count;
                note = new Note(
                    "export",
                    "Your Compersion journal",
                    [
                        days == 0
                            ? "Your journal is empty so far — your first reply will start it. Your settings are attached all the same."
                            : $"Here is everything you have written, {days} {(days == 1 ? "day" : "days")} of it, oldest first. It is yours to keep.",
                        $"Two files are attached: {Export.ExportService.MarkdownFileName} to read, and {Export.ExportService.JsonFileName} for other apps.",
                    ],
                    [],
                    Export.ExportService.Attachments(export));
                break;
            case CommandKind.Settings:
                var link = SettingsLinks.Url(signer, mailOptions.Value, subscriber.Id, Instant.FromDateTimeOffset(time.GetUtcNow()) + SettingsLinks.Lifetime);
                note = new Note("settings", "Your settings link", [
                    "Here is your private link to your settings: the time and zone of your prompt, your weekly look-back, your kindness goal, pausing, exporting, importing, or deleting everything.",
                    link,
                    "It works for 24 hours. Anyone with it can change your settings, so keep it to yourself; reply SETTINGS again whenever you need a new one.",
                ], []);
                break;
            case CommandKind.Journal:
                note = new Note("journal", "Your journal link", [
                    "Here is your private link to your journal: every day you've written, a calendar of the year, search, the people who show up, and your kind acts.",
                    JournalLinks.Url(signer, mailOptions.Value, subscriber.Id, Instant.FromDateTimeOffset(time.GetUtcNow()) + JournalLinks.Lifetime),
                    "It works for 24 hours. Anyone with it can read your journal, so keep it to yourself; reply JOURNAL again whenever you need a new one.",
                ], []);
                break;
            case CommandKind.Help:
                note = new Note("help", "How to use Compersion by email", [CommandHelp.HelpText], []);
                break;
            default:
                note = new Note("help", "Here's what you can send", ["That command isn't one we know, so here is the list.", CommandHelp.HelpText], []);
                break;
        }

        return note;
    }

    private Note TokenNote(string issued) => new("command", "Your personal token", [
        "Here is your personal token for the entries API. It replaces any earlier one; keep it to yourself.",
        issued,
        $"Use it as 'Authorization: Bearer <token>' with {mailOptions.Value.PublicBaseUrl.TrimEnd('/')}/api/entries.",
    ], []);

    private static string Format(LocalTime time) => time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..40];

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbound {Name} is gone from the archive; nothing to do")]
    private static partial void LogGone(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbound {Name} was ingested before; nothing done")]
    private static partial void LogDuplicate(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbound mail quarantined: {Reason}")]
    private static partial void LogQuarantined(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId}: command {Command}")]
    private static partial void LogCommand(ILogger logger, string subscriberId, CommandKind command);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId}: {Items} items and {Acts} kind acts journaled")]
    private static partial void LogJournaled(ILogger logger, string subscriberId, int items, int acts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answer to subscriber {SubscriberId} not sent: {Reason}")]
    private static partial void LogAnswerNotSent(ILogger logger, string subscriberId, string? reason);

    private sealed record Note(string Kind, string Subject, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Items, IReadOnlyList<MailAttachment>? Attachments = null);
}
