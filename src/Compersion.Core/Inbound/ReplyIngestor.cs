using System.Security.Cryptography;
using System.Text;
using Compersion.Core.Commands;
using Compersion.Core.Journal;
using Compersion.Core.Mail;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using Compersion.Replies;
using Microsoft.Extensions.Logging;

namespace Compersion.Core.Inbound;

/// <summary>Turns one archived inbound post into journal items and kind acts, a settings change, or a quarantine entry — exactly once.</summary>
/// <remarks>
/// <para>The steps are parts of their own: <see cref="ReplyAttribution"/> decides whose the mail is,
/// <see cref="EmailCommands"/> carries out a command, a mail to the unsubscribe mailbox unsubscribes whoever its signed
/// token names (<see cref="SubscriptionService.UnsubscribeByTokenAsync"/>), <see cref="JournalWriter"/> stores what was written (as the
/// entries API and import do), and <see cref="ReplyAnswers"/> sends the one answer. This class reads the post, keeps
/// the ledger and picks the path.</para>
/// <para>A reply to a prompt holds gratitudes (and <c>kindness:</c> lines, which are acts); a reply to the weekly digest
/// (its token's purpose is <see cref="TokenPurpose.Digest"/>) holds kind acts, every item of it.</para>
/// <para>Idempotency: the ledger, keyed by a hash of the attributed subscriber and the Message-ID (else the content),
/// records each stage, so a redelivered queue message or a post SendGrid sent twice resumes where it stopped and never
/// appends items or acts, or sends an answer twice. Mail attributed to no one is keyed apart (<c>q:</c>), so a
/// quarantined forgery that reuses a subscriber's Message-ID never shadows their genuine reply.</para>
/// </remarks>
public sealed partial class ReplyIngestor(
    IInboundArchive archive,
    IInboundMailReader reader,
    IInboundLedger ledger,
    IPostIndex postIndex,
    ReplyAttribution attribution,
    EmailCommands commands,
    JournalWriter writer,
    ReplyAnswers answers,
    SubscriptionService subscriptions,
    HeldMail held,
    SignUpByMail signUps,
    UnknownSenderNote unknownSenders,
    ReplyPhotos photos,
    ILogger<ReplyIngestor> logger)
{
    // The ledger detail of an UNDO that took something back, so a redelivery answers "taken back" too.
    private const string UndoneDetail = "undone";

    /// <summary>A token older than this files items under the date of arrival instead.</summary>
    public static readonly Period MaxTokenAge = Period.FromDays(7);

    /// <summary>Items (and, separately, kind acts) kept from one reply; beyond this a reply is more likely a pasted document than a day's gratitudes.</summary>
    public const int MaxItemsPerReply = JournalWriter.MaxItems;

    /// <summary>Ingests one archived post.</summary>
    public Task<IngestOutcome> IngestAsync(string archiveName, CancellationToken cancellationToken = default) =>
        IngestAsync(archiveName, keptBy: null, cancellationToken);

    /// <summary>Keeps a held mail (its sender unverified) by the link mailed to its subscriber: ingests it as if verified.</summary>
    /// <param name="token">The link's signed token.</param>
    /// <param name="archiveName">The held post the link names.</param>
    /// <param name="mac">The link's MAC binding the token to the post.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <remarks>Idempotent: the kept mail takes the key a verified copy would, so a second click finds it done.</remarks>
    public async Task<KeepOutcome> KeepAsync(string? token, string? archiveName, string? mac, CancellationToken cancellationToken = default)
    {
        var check = held.Check(token, archiveName, mac, out var subscriberId);
        if (check != LinkCheck.Valid)
        {
            return check == LinkCheck.Expired ? KeepOutcome.Expired : KeepOutcome.Invalid;
        }

        return await IngestAsync(archiveName!, keptBy: subscriberId, cancellationToken) switch
        {
            IngestOutcome.Duplicate => KeepOutcome.AlreadyKept,
            IngestOutcome.Gone or IngestOutcome.Quarantined or IngestOutcome.Held => KeepOutcome.Gone,
            _ => KeepOutcome.Kept,
        };
    }

    private async Task<IngestOutcome> IngestAsync(string archiveName, string? keptBy, CancellationToken cancellationToken)
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

        if (mail is null && keptBy is not null)
        {
            return IngestOutcome.Gone;
        }

        if (mail is null)
        {
            await ledger.BeginAsync("a:" + Hash(archiveName), archiveName, cancellationToken);
            return await QuarantineAsync("a:" + Hash(archiveName), problem ?? "unreadable", cancellationToken);
        }

        // Whose the mail is decides its ledger key, so no mail attributed to someone else (or to no one) can take the key a
        // subscriber's own reply needs: a quarantined forgery carrying Alice's next Message-ID leaves her reply untouched.
        string? unsubscribeToken = null;
        Attribution? attributed = null;
        string? owner;
        if (attribution.TryFindUnsubscribeToken(mail, out var found))
        {
            unsubscribeToken = found;
            owner = attribution.UnsubscribeOwner(found);
        }
        else
        {
            attributed = await attribution.AttributeAsync(mail, receivedAt, cancellationToken);
            owner = attributed.Subscriber?.Id;
        }

        if (keptBy is not null && (unsubscribeToken is not null || !string.Equals(owner, keptBy, StringComparison.Ordinal)))
        {
            // A keep link names a post held for its subscriber; anything else (the subscriber deleted since) has nothing to keep.
            return IngestOutcome.Gone;
        }

        // Mail that is theirs but unverified (and not kept by its link) is keyed apart too: holding a forgery never takes
        // the key of the verified reply.
        var trusted = unsubscribeToken is not null || attributed!.Verified || keptBy is not null;
        var identity = Identity(mail);
        var key = LedgerKey(identity, owner, trusted);
        var stage = await ledger.BeginAsync(key, archiveName, cancellationToken);
        if (stage == InboundStage.Received && owner is not null)
        {
            stage = await CarryOverLegacyStageAsync(archiveName, key, identity, owner, cancellationToken);
        }

        if (stage is InboundStage.Done or InboundStage.Quarantined)
        {
            // A second copy of a message (SendGrid posted it twice, or an archive replay) is its own blob: index it too,
            // so deleting the subscriber finds every copy (unsubscribe mail, and theirs quarantined after STOP, included).
            if (owner is not null)
            {
                await postIndex.RecordAsync(owner, archiveName, key, cancellationToken);
            }

            LogDuplicate(logger, archiveName);
            return IngestOutcome.Duplicate;
        }

        if (unsubscribeToken is not null)
        {
            return await UnsubscribeAsync(archiveName, key, stage, unsubscribeToken, cancellationToken);
        }

        if (signUps.IsFor(mail))
        {
            return await SignUpAsync(archiveName, key, mail, cancellationToken);
        }

        if (attributed!.Subscriber is not { } subscriber)
        {
            var quarantined = await QuarantineAsync(key, attributed.Reason!, cancellationToken);
            if (attributed.TokenOwner is { } tokenOwner && stage == InboundStage.Received)
            {
                // A valid token from an address that is not theirs: they (never the sender) may hear of it, at most weekly. Journal
                // text (never a command, which would be carried out late) is remembered, so adding that address saves it.
                var remember = !TryReadCommand(VisibleReply.Read(mail.Text, mail.Html), out _);
                await unknownSenders.TellAsync(tokenOwner, mail.From, remember ? archiveName : null, cancellationToken);
            }

            return quarantined;
        }

        var visible = VisibleReply.Read(mail.Text, mail.Html, mail.From);
        var isCommand = TryReadCommand(visible, out var command);
        if (subscriber.Status == SubscriberStatus.Unsubscribed && !(isCommand && command!.Kind == CommandKind.Resume))
        {
            // After STOP only RESUME is read (the STOP answer says so); anything else is stored against no one, and not answered.
            // It is still their mail: indexed, so deleting them removes it.
            await postIndex.RecordAsync(subscriber.Id, archiveName, key, cancellationToken);
            return await QuarantineAsync(key, "not-subscribed", cancellationToken);
        }

        if (!trusted)
        {
            return await HoldAsync(archiveName, key, stage, subscriber, mail, visible, isCommand, attributed.Purpose == TokenPurpose.Digest, cancellationToken);
        }

        // Before anything is stored for them, so a deletion finds this post whatever happens next.
        await postIndex.RecordAsync(subscriber.Id, archiveName, key, cancellationToken);

        var thread = new MailThread(mail.MessageId, mail.Subject);
        if (isCommand)
        {
            if (command!.Kind == CommandKind.Token && command.Error is not { Length: > 0 })
            {
                await answers.AnswerAsync(key, subscriber, async () => await commands.IssueTokenAsync(subscriber, cancellationToken), thread, cancellationToken);
            }
            else if (command.Kind == CommandKind.Undo)
            {
                // The receipt it answers names the reply it listed (References), and so the journal source of what to take back;
                // within a day of that reply's arrival. A redelivery answers as the first delivery did (its ledger detail says).
                var tooLate = await AnsweredAtAsync(mail, subscriber.Id, cancellationToken) is { } answeredAt && receivedAt - answeredAt > EmailCommands.UndoWindow;
                var takenBefore = stage >= InboundStage.Stored && (await ledger.FindAsync(key, cancellationToken))?.Detail == UndoneDetail;
                var (answer, taken) = await commands.UndoAsync(subscriber, [.. mail.References.Select(SourceOf)], apply: stage < InboundStage.Stored, tooLate, takenBefore, cancellationToken);
                if (stage < InboundStage.Stored)
                {
                    await ledger.AdvanceAsync(key, InboundStage.Stored, subscriber.Id, taken ? UndoneDetail : null, cancellationToken);
                }

                await answers.AnswerAsync(key, subscriber, answer, thread, cancellationToken);
            }
            else
            {
                // Address commands count only from the registered address, verified (never a further one, never a kept held mail).
                var fromRegistered = attributed.Verified && keptBy is null && subscriber.IsPrimary(mail.From);
                var answer = await commands.ApplyAsync(subscriber, command, apply: stage < InboundStage.Stored, fromRegistered, cancellationToken);
                if (stage < InboundStage.Stored)
                {
                    await ledger.AdvanceAsync(key, InboundStage.Stored, subscriber.Id, null, cancellationToken);
                }

                await answers.AnswerAsync(key, subscriber, answer, thread, cancellationToken);
            }

            LogCommand(logger, subscriber.Id, command.Kind);
            return IngestOutcome.Command;
        }

        // A reply to a prompt is filed under the prompt's date; a reply to the weekly digest logs acts on the day it
        // arrives, so next week's digest counts them.
        var digestReply = attributed.Purpose == TokenPurpose.Digest;
        var arrived = ArrivalDate(subscriber, receivedAt);
        var date = FileDate(subscriber, attributed, receivedAt);
        var addition = ReplyReading.Read(visible, digestReply).Addition;

        // Receipts judge the merged day: everything stored for the date once this reply is in, unless this reply alone
        // already made a complete day that gets no receipt (then the day does too, and nothing needs reading).
        // "Returning": the subscriber as attributed, before this reply was recorded, had been quiet long enough to be
        // getting check-ins (which say one line is plenty).
        // They count what was saved: a gratitude the day already held (from an earlier message, or twice in this one) is
        // stored once (JournalItem.Merge), so the day is read before the write to tell which of this reply's items are new.
        // A redelivery after the write can no longer tell, and counts the reply's own items once each.
        var returning = !digestReply && addition.Items.Count > 0 &&
                        Period.Between(Prompts.BackOffPolicy.LastActivity(subscriber, date, []), date, PeriodUnits.Days).Days >= Prompts.BackOffPolicy.QuietDays;
        // Photos first: kept under ids from the message, so a redelivery finds them kept and counts them again, storing nothing.
        var kept = await photos.KeepAsync(subscriber.Id, date, identity, mail, LegacyKey(identity), cancellationToken);
        var alone = ReplyReceipt.For(subscriber, addition.Items, addition.Acts, date, actsExpected: digestReply, returning: returning, photos: kept, today: arrived);
        var needsDay = alone is not null && addition.Items.Count > 0 && !returning;
        var saved = JournalItem.Merge([], addition.Items);
        if (stage < InboundStage.Stored)
        {
            if (needsDay)
            {
                var before = await writer.ItemsOnAsync(subscriber.Id, date, cancellationToken);
                saved = [.. JournalItem.Merge(before, addition.Items).Skip(before.Count)];
            }

            // The append key is the message's own identity: the journal row is the subscriber's alone, and it matches what
            // was written before ledger keys named the subscriber, so a replayed old post adds nothing twice.
            await writer.WriteAsync(subscriber, date, addition, LegacyKey(identity), countsAsReply: true, cancellationToken);
            await ledger.AdvanceAsync(key, InboundStage.Stored, subscriber.Id, null, cancellationToken);
        }

        var receipt = needsDay
            ? ReplyReceipt.For(subscriber, saved, addition.Acts, date, actsExpected: digestReply, day: await writer.ItemsOnAsync(subscriber.Id, date, cancellationToken), alreadySaved: addition.Items.Count - saved.Count, photos: kept, today: arrived)
            : alone;
        if (receipt is not null)
        {
            await answers.AnswerAsync(key, subscriber, new AnswerNote("receipt", receipt.Subject, receipt.Blocks, ReplyDate: date), thread, cancellationToken);
        }
        else
        {
            await ledger.AdvanceAsync(key, InboundStage.Done, subscriber.Id, null, cancellationToken);
        }

        LogJournaled(logger, subscriber.Id, addition.Items.Count, addition.Acts.Count);
        return addition.IsEmpty && kept.Kept == 0 ? IngestOutcome.Empty : IngestOutcome.Journaled;
    }

    // The signed token is the authority, as for the one-click link: whatever the sender (forged or not) or the body, only
    // the subscriber it names is unsubscribed, nothing is journaled, and only the mail that made the change is answered.
    private async Task<IngestOutcome> UnsubscribeAsync(string archiveName, string key, InboundStage stage, string token, CancellationToken cancellationToken)
    {
        var (outcome, subscriber) = await subscriptions.UnsubscribeByTokenAsync(token, cancellationToken);
        if (subscriber is null)
        {
            return await QuarantineAsync(key, "invalid-unsubscribe-token", cancellationToken);
        }

        await postIndex.RecordAsync(subscriber.Id, archiveName, key, cancellationToken);
        if (stage < InboundStage.Stored)
        {
            await ledger.AdvanceAsync(key, InboundStage.Stored, subscriber.Id, null, cancellationToken);
        }

        if (outcome == LinkOutcome.Done)
        {
            // Not threaded: the mail to the unsubscribe mailbox may come from anyone, the confirmation goes to the subscriber.
            await answers.AnswerAsync(key, subscriber, commands.Unsubscribed(subscriber), thread: null, cancellationToken);
        }
        else
        {
            await ledger.AdvanceAsync(key, InboundStage.Done, subscriber.Id, null, cancellationToken);
        }

        LogUnsubscribed(logger, subscriber.Id, outcome);
        return IngestOutcome.Unsubscribed;
    }

    /// <summary>The inbound ledger key of a readable mail: a hash of its Message-ID, else of its content (never an address).</summary>
    internal static string MessageKey(InboundMail mail) =>
        mail.MessageId is { Length: > 0 } id ? SourceOf(id) : "h:" + mail.ContentHash[..Math.Min(40, mail.ContentHash.Length)];

    // When the reply an UNDO answers arrived: the first of its References with a ledger row of theirs names its archived post.
    private async Task<DateTimeOffset?> AnsweredAtAsync(InboundMail mail, string subscriberId, CancellationToken cancellationToken)
    {
        foreach (var reference in mail.References)
        {
            var identity = "m:" + reference;
            foreach (var candidate in (string[])[LedgerKey(identity, subscriberId, trusted: true), LegacyKey(identity)])
            {
                if (await ledger.FindAsync(candidate, cancellationToken) is { ArchiveName: { } name } row && row.SubscriberId == subscriberId)
                {
                    await using var post = await archive.OpenAsync(name, cancellationToken);
                    return post?.ReceivedAt;
                }
            }
        }

        return null;
    }

    /// <summary>The journal source (<see cref="JournalItem.Source"/>) of what the message with this Message-ID wrote.</summary>
    internal static string SourceOf(string messageId) => "m:" + Hash(messageId);

    /// <summary>The journal date a reply is filed under: a prompt's date from its token (when recent), else the local date it arrived.</summary>
    /// <remarks>A reply to the weekly digest logs acts on the day it arrives, so next week's digest counts them.</remarks>
    internal static LocalDate FileDate(Subscriber subscriber, Attribution attributed, DateTimeOffset receivedAt)
    {
        var arrival = ArrivalDate(subscriber, receivedAt);
        return attributed.Purpose != TokenPurpose.Digest && attributed.TokenDate is { } tokenDate && tokenDate >= arrival.Minus(MaxTokenAge) && tokenDate <= arrival.PlusDays(1)
            ? tokenDate
            : arrival;
    }

    // The subscriber's own date when the reply arrived: what receipts call today, and where a stale token's reply is filed.
    private static LocalDate ArrivalDate(Subscriber subscriber, DateTimeOffset receivedAt) => Instant.FromDateTimeOffset(receivedAt).InZone(subscriber.TimeZone).Date;

    /// <summary>Whether the visible text is an email command rather than journal text.</summary>
    internal static bool TryReadCommand(VisibleReply visible, out EmailCommand? command) =>
        CommandParser.TryParse(visible.Text, out command) && command is not null && !(command.Kind == CommandKind.Unknown && HasMoreThanOneLine(visible.Text));

    /// <summary>The ledger keys a readable mail may have, in the order to look them up: the one naming the subscriber it is
    /// attributed to now (verified, then held as unverified), the one it has when quarantined against no one, and the one
    /// from before keys named the subscriber.</summary>
    internal static IReadOnlyList<string> LedgerKeys(InboundMail mail, string? owner)
    {
        var identity = Identity(mail);
        return owner is null
            ? [LedgerKey(identity, null, false), LegacyKey(identity)]
            : [LedgerKey(identity, owner, true), LedgerKey(identity, owner, false), LedgerKey(identity, null, false), LegacyKey(identity)];
    }

    // Whose the mail is, and whether that is verified, decides its key: no mail attributed to someone else, to no one, or
    // unverified can take the key a subscriber's own verified reply needs.
    private static string LedgerKey(string identity, string? owner, bool trusted) =>
        owner is null ? "q:" + Hash(identity) : (trusted ? "s:" : "u:") + Hash(owner + "|" + identity);

    // Theirs by token and From, but neither SPF nor DKIM vouches for it: nothing is stored or changed. The note goes to
    // their registered address and offers a link that keeps it; an unsubscribed subscriber is not mailed about it.
    private async Task<IngestOutcome> HoldAsync(
        string archiveName, string key, InboundStage stage, Subscriber subscriber, InboundMail mail, VisibleReply visible, bool isCommand, bool digestReply, CancellationToken cancellationToken)
    {
        await postIndex.RecordAsync(subscriber.Id, archiveName, key, cancellationToken);
        if (subscriber.Status == SubscriberStatus.Unsubscribed)
        {
            return await QuarantineAsync(key, "unverified-sender", cancellationToken);
        }

        if (stage < InboundStage.Stored)
        {
            await ledger.AdvanceAsync(key, InboundStage.Stored, subscriber.Id, "held-unverified-sender", cancellationToken);
        }

        var addition = isCommand ? JournalAddition.Empty : ReplyReading.Read(visible, digestReply).Addition;
        var command = isCommand ? visible.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? string.Empty : null;
        IReadOnlyList<string> lines = [.. addition.Items.Select(i => i.Text), .. addition.Acts.Select(a => "kindness: " + a.Text)];
        await answers.AnswerAsync(
            key,
            subscriber,
            async () =>
            {
                if (await held.TryTakeTodaysNoteAsync(subscriber, cancellationToken))
                {
                    return held.Note(subscriber, archiveName, command, lines);
                }

                LogHeldWithoutNote(logger, subscriber.Id);
                return null;
            },
            new MailThread(mail.MessageId, mail.Subject),
            cancellationToken);
        LogHeld(logger, subscriber.Id);
        return IngestOutcome.Held;
    }

    // A mail to the sign-up mailbox is never journaled, whoever sent it: it starts the page's double opt-in for the sender's
    // address (SignUpByMail), and only a verified, already subscribed sender gets an answer (their settings link). Carried
    // out again on a redelivery: the outbox sends one confirmation a day, and the ledger one answer per message.
    private async Task<IngestOutcome> SignUpAsync(string archiveName, string key, InboundMail mail, CancellationToken cancellationToken)
    {
        var (outcome, owner, registered) = await signUps.SignUpAsync(mail, VisibleReply.Read(mail.Text, mail.Html).Text, cancellationToken);
        if (outcome == SignUpByMailOutcome.NoSender)
        {
            return await QuarantineAsync(key, "no-sender", cancellationToken);
        }

        if (owner is not null)
        {
            await postIndex.RecordAsync(owner, archiveName, key, cancellationToken);
        }

        await ledger.AdvanceAsync(key, InboundStage.Stored, owner, "sign-up", cancellationToken);
        if (registered is not null)
        {
            var link = await commands.ApplyAsync(registered, new EmailCommand(CommandKind.Settings, "SETTINGS", null), apply: false, cancellationToken: cancellationToken);
            await answers.AnswerAsync(key, registered, link, new MailThread(mail.MessageId, mail.Subject), cancellationToken);
        }
        else
        {
            await ledger.AdvanceAsync(key, InboundStage.Done, owner, "sign-up", cancellationToken);
        }

        LogSignUp(logger, outcome);
        return IngestOutcome.SignUp;
    }

    // An all-caps first line ("SAM MADE ME DINNER") followed by more text is a gratitude, not an unknown command.
    private static bool HasMoreThanOneLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Count(line => line.Length > 0) > 1;

    private async Task<IngestOutcome> QuarantineAsync(string key, string reason, CancellationToken cancellationToken)
    {
        await ledger.AdvanceAsync(key, InboundStage.Quarantined, null, reason, cancellationToken);
        LogQuarantined(logger, reason);
        return IngestOutcome.Quarantined;
    }

    // Ledger rows written before keys named the subscriber are keyed by the message alone. One the same subscriber
    // finished (or stored) then counts for the new key too, so replaying the archive after this change doubles nothing.
    // Such rows last as long as the archive keeps their posts; then this read can go.
    // The old row is indexed under this post too: the new key's row replaces nothing, so deleting them must find both.
    private async Task<InboundStage> CarryOverLegacyStageAsync(string archiveName, string key, string identity, string owner, CancellationToken cancellationToken)
    {
        var legacyKey = LegacyKey(identity);
        var legacy = await ledger.FindAsync(legacyKey, cancellationToken);
        if (legacy is not { SubscriberId: { } legacyOwner } || !string.Equals(legacyOwner, owner, StringComparison.Ordinal))
        {
            return InboundStage.Received;
        }

        await postIndex.RecordAsync(owner, archiveName, legacyKey, cancellationToken);
        if (legacy.Stage is InboundStage.Received or InboundStage.Quarantined)
        {
            return InboundStage.Received;
        }

        var carried = legacy.Stage == InboundStage.Done ? InboundStage.Done : InboundStage.Stored;
        await ledger.AdvanceAsync(key, carried, owner, null, cancellationToken);
        return carried;
    }

    /// <summary>A readable mail's identity: its Message-ID, else its content hash (what its photo ids are made from).</summary>
    internal static string Identity(InboundMail mail) =>
        mail.MessageId is { Length: > 0 } id ? "m:" + id : "h:" + mail.ContentHash;

    private static string LegacyKey(string identity) =>
        identity.StartsWith("m:", StringComparison.Ordinal) ? "m:" + Hash(identity[2..]) : "h:" + identity[2..][..Math.Min(40, identity.Length - 2)];

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..40];

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbound {Name} is gone from the archive; nothing to do")]
    private static partial void LogGone(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbound {Name} was ingested before; nothing done")]
    private static partial void LogDuplicate(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbound mail quarantined: {Reason}")]
    private static partial void LogQuarantined(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscriber {SubscriberId}: mail with their token and address but neither SPF nor DKIM passing held; a keep link was mailed to them")]
    private static partial void LogHeld(ILogger logger, string subscriberId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId} already had today's note about held mail; this one stays held without a note")]
    private static partial void LogHeldWithoutNote(ILogger logger, string subscriberId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId}: command {Command}")]
    private static partial void LogCommand(ILogger logger, string subscriberId, CommandKind command);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId}: unsubscribe mailbox, {Outcome}")]
    private static partial void LogUnsubscribed(ILogger logger, string subscriberId, LinkOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-up mailbox: {Outcome}")]
    private static partial void LogSignUp(ILogger logger, SignUpByMailOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId}: {Items} items and {Acts} kind acts journaled")]
    private static partial void LogJournaled(ILogger logger, string subscriberId, int items, int acts);
}
