using Compersion.Core.Journal;
using Compersion.Core.Photos;
using Compersion.Core.Scheduling;
using Compersion.Core.Security;
using Compersion.Core.Subscribers;
using Compersion.Replies;
using Microsoft.Extensions.Logging;

namespace Compersion.Core.Inbound;

/// <summary>Heals history after a parser or attribution fix: reads an archived post again with today's code (<c>replay --archive --reparse</c>).</summary>
/// <remarks>
/// <para>A post ingested as a reply (<see cref="InboundStage.Done"/>) has what it wrote replaced by today's reading, in place,
/// through the one date edit (<see cref="IJournalEditor"/>): every stored item remembers the message that wrote it
/// (<see cref="JournalItem.Source"/>), so nothing is doubled and nothing else on the date is touched. When the subscriber
/// corrected any of that post's items on the web, the post is left as it is: their corrections stand.</para>
/// <para>A quarantined post that today's attribution finds to be a subscriber's (a sender registered since, say) is
/// journaled under the date ingestion would have chosen, quietly: no receipt days later, no settings changed.</para>
/// <para>Photos come back as ingestion keeps them (<see cref="ReplyPhotos"/>): their ids come from the message and the
/// attachment's place in it, so a photo already kept is found and not stored twice, and one never kept (a parsed-mode
/// post from before those were read) is kept now. A reply taken back by <c>UNDO</c>, or whose photo was deleted on the
/// day page, is marked as corrected and gets none back.</para>
/// <para>Commands and mails to the unsubscribe mailbox are never carried out again. With <c>apply: false</c> nothing is
/// written: the outcome says what a real run would do, the photos it would keep included (each is read and judged as a
/// real run judges it; <see cref="ReparseSummary.PhotosAdded"/>).</para>
/// </remarks>
public sealed partial class ArchiveReparser(
    IInboundArchive archive,
    IInboundMailReader reader,
    IInboundLedger ledger,
    IInboundQueue queue,
    IPostIndex postIndex,
    ReplyAttribution attribution,
    JournalWriter writer,
    IJournalEditor editor,
    ISubscriberJournal journals,
    ReplyPhotos photos,
    IPhotoStore photoStore,
    ILogger<ArchiveReparser> logger)
{
    /// <summary>Reads every post archived on or after a UTC day again (<see cref="ReparseAsync"/>), oldest first.</summary>
    /// <remarks>With <paramref name="apply"/>, posts never ingested (<see cref="ReparseOutcome.Pending"/>) are queued for ordinary ingestion.</remarks>
    /// <param name="sinceUtc">The first UTC day.</param>
    /// <param name="apply">False for a dry run.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<ReparseSummary> ReparseSinceAsync(DateOnly sinceUtc, bool apply, CancellationToken cancellationToken = default)
    {
        var counts = new Dictionary<ReparseOutcome, int>();
        var photosAdded = 0;
        await foreach (var name in archive.ListSinceAsync(sinceUtc, cancellationToken))
        {
            var (outcome, added) = await ReparsePostAsync(name, apply, cancellationToken);
            if (apply && outcome == ReparseOutcome.Pending)
            {
                await queue.EnqueueAsync(name, cancellationToken);
            }

            counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
            photosAdded += added;
        }

        return new ReparseSummary(counts) { PhotosAdded = photosAdded };
    }

    /// <summary>Reads one archived post again and, when <paramref name="apply"/> is true, stores what today's code reads.</summary>
    /// <param name="archiveName">The post's name in the archive.</param>
    /// <param name="apply">False for a dry run: nothing is written, the outcome says what would happen.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<ReparseOutcome> ReparseAsync(string archiveName, bool apply, CancellationToken cancellationToken = default) =>
        (await ReparsePostAsync(archiveName, apply, cancellationToken)).Outcome;

    // The outcome, and the photos the post kept now (with apply) or would keep (without): the same count either way.
    private async Task<(ReparseOutcome Outcome, int PhotosAdded)> ReparsePostAsync(string archiveName, bool apply, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(archiveName);
        InboundMail? mail;
        DateTimeOffset receivedAt;
        await using (var post = await archive.OpenAsync(archiveName, cancellationToken))
        {
            if (post is null)
            {
                return Report(archiveName, ReparseOutcome.Gone);
            }

            receivedAt = post.ReceivedAt;
            reader.TryRead(post.Content, post.ContentType, out mail, out _);
        }

        if (mail is null)
        {
            // Unreadable then and now: it stays quarantined under its archive name. (Readable now: its key is new, so Pending.)
            return Report(archiveName, ReparseOutcome.StillQuarantined);
        }

        if (attribution.TryFindUnsubscribeToken(mail, out _))
        {
            return Report(archiveName, ReparseOutcome.NotReplayed);
        }

        // The ledger row may name the subscriber it was filed for, be quarantined against no one, or predate keys that name
        // anyone: the first that exists tells how far the post got.
        var attributed = await attribution.AttributeAsync(mail, receivedAt, cancellationToken);
        string? key = null;
        InboundStage? stage = null;
        foreach (var candidate in ReplyIngestor.LedgerKeys(mail, attributed.Subscriber?.Id))
        {
            if (await ledger.FindAsync(candidate, cancellationToken) is { } row)
            {
                (key, stage) = (candidate, row.Stage);
                break;
            }
        }

        if (key is null || stage is not (InboundStage.Done or InboundStage.Quarantined))
        {
            return Report(archiveName, ReparseOutcome.Pending);
        }

        var quarantined = stage == InboundStage.Quarantined;

        // What its journal rows carry: the message's own identity, whoever's ledger row it has.
        var source = ReplyIngestor.MessageKey(mail);
        if (attributed.Subscriber is not { } subscriber || subscriber.Status == SubscriberStatus.Unsubscribed)
        {
            return Report(archiveName, quarantined ? ReparseOutcome.StillQuarantined : ReparseOutcome.Gone);
        }

        if (!attributed.Verified)
        {
            // Theirs only by token and From, with SPF and DKIM failing: it waits for the subscriber's own keep link.
            return Report(archiveName, ReparseOutcome.NotReplayed);
        }

        var visible = VisibleReply.Read(mail.Text, mail.Html, mail.From);
        if (ReplyIngestor.TryReadCommand(visible, out _))
        {
            return Report(archiveName, ReparseOutcome.NotReplayed);
        }

        var reading = ReplyReading.Read(visible, digestReply: attributed.Purpose == TokenPurpose.Digest).Addition;
        var date = ReplyIngestor.FileDate(subscriber, attributed, receivedAt);
        if (quarantined)
        {
            var photosAdded = 0;
            if (apply)
            {
                // In this order, so a run that stops half-way is finished by the next one (the write is idempotent on the key).
                // The post is filed under the key ingestion now gives it (naming the subscriber), so a later delivery of the
                // same message is a duplicate; a row quarantined against no one stays so, naming no one.
                var own = ReplyIngestor.LedgerKeys(mail, subscriber.Id)[0];
                await postIndex.RecordAsync(subscriber.Id, archiveName, own, cancellationToken);
                await writer.WriteAsync(subscriber, date, reading, source, countsAsReply: false, cancellationToken);
                photosAdded = await KeepPhotosAsync(subscriber, date, mail, source, apply, cancellationToken);
                if (string.Equals(own, key, StringComparison.Ordinal))
                {
                    await ledger.ReattributeAsync(key, subscriber.Id, cancellationToken);
                }
                else
                {
                    await ledger.BeginAsync(own, archiveName, cancellationToken);
                    await ledger.AdvanceAsync(own, InboundStage.Done, subscriber.Id, "reattributed", cancellationToken);
                }
            }
            else
            {
                photosAdded = await KeepPhotosAsync(subscriber, date, mail, source, apply, cancellationToken);
            }

            return Report(archiveName, ReparseOutcome.Reattributed, photosAdded);
        }

        // What it wrote stays on the date it was filed under, even if the subscriber has moved time zones since.
        var journal = await journals.LoadAsync(subscriber.Id, cancellationToken);
        var filed = journal.Entries.Where(entry => entry.Items.Any(item => item.Source == source)).Select(entry => entry.Date)
            .Concat(journal.Acts.Where(day => day.Acts.Any(act => act.Source == source)).Select(day => day.Date))
            .Order()
            .Select(found => (NodaTime.LocalDate?)found)
            .FirstOrDefault() ?? date;
        var outcome = ReparseOutcome.Unchanged;
        await editor.EditDayAsync(
            subscriber.Id,
            filed,
            day =>
            {
                if (day.Corrected.Contains(source, StringComparer.Ordinal))
                {
                    outcome = ReparseOutcome.KeptCorrected;
                    return null;
                }

                if (!day.Holds(source) && day.Appended.Contains(source, StringComparer.Ordinal))
                {
                    outcome = ReparseOutcome.Untraceable;
                    return null;
                }

                var next = day.Replacing(source, reading);
                outcome = next.Items.SequenceEqual(day.Items) && next.Acts.SequenceEqual(day.Acts) ? ReparseOutcome.Unchanged : ReparseOutcome.Replaced;
                return apply && outcome == ReparseOutcome.Replaced ? next : null;
            },
            cancellationToken);
        var added = outcome == ReparseOutcome.KeptCorrected ? 0 : await KeepPhotosAsync(subscriber, filed, mail, source, apply, cancellationToken);
        if (added > 0 && outcome == ReparseOutcome.Unchanged)
        {
            outcome = ReparseOutcome.Replaced;
        }

        return Report(archiveName, outcome, added);
    }

    // Keeps the post's photos where ingestion keeps them, unless the reply was corrected on the date they are filed under;
    // returns how many were stored now (0 when all were kept already). Without apply it stores nothing and returns how many
    // it would store.
    private async Task<int> KeepPhotosAsync(Subscriber subscriber, NodaTime.LocalDate date, InboundMail mail, string source, bool apply, CancellationToken cancellationToken)
    {
        if (!mail.Attachments.Any(PhotoRules.LooksLikePhoto))
        {
            return 0;
        }

        // Where its photos already are, if any were kept (the date the journal files them under, even after a change of zone).
        var on = (await photoStore.ListAllAsync(subscriber.Id, cancellationToken)).FirstOrDefault(photo => string.Equals(photo.Source, source, StringComparison.Ordinal))?.Date ?? date;
        var corrected = false;
        await editor.EditDayAsync(
            subscriber.Id,
            on,
            day =>
            {
                corrected = day.Corrected.Contains(source, StringComparer.Ordinal);
                return null;
            },
            cancellationToken);
        if (corrected)
        {
            return 0;
        }

        var identity = ReplyIngestor.Identity(mail);
        var summary = apply
            ? await photos.KeepAsync(subscriber.Id, on, identity, mail, source, cancellationToken)
            : await photos.PreviewAsync(subscriber.Id, on, identity, mail, cancellationToken);
        return summary.Added;
    }

    private (ReparseOutcome Outcome, int PhotosAdded) Report(string archiveName, ReparseOutcome outcome, int photosAdded = 0)
    {
        LogReparsed(logger, archiveName, outcome);
        return (outcome, photosAdded);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Archived post {Name} read again: {Outcome}")]
    private static partial void LogReparsed(ILogger logger, string name, ReparseOutcome outcome);
}
