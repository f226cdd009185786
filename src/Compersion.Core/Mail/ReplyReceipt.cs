using System.Globalization;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Subscribers;

namespace Compersion.Core.Mail;

/// <summary>The short, kind note that tells a subscriber what their reply saved (DESIGN §2 "Receipts").</summary>
/// <param name="Subject">The subject line.</param>
/// <param name="Blocks">What was saved, the list of it as written (gratitudes, then kind acts marked as such), then gentle suggestions.</param>
/// <remarks>The words are the note template <c>receipt.liquid</c>; this type decides which receipt is due and gives it the facts.</remarks>
internal sealed record ReplyReceipt(string Subject, IReadOnlyList<NoteBlock> Blocks)
{
    /// <summary>What marks a kind act among gratitudes in a list of what was written (the receipt's and <c>UNDO</c>'s).</summary>
    public const string ActLabel = "Kind act: ";

    /// <summary>The paragraphs, in order (the list of what was saved left out).</summary>
    public IReadOnlyList<string> Paragraphs => [.. Blocks.Where(block => block.Kind == "paragraph").Select(block => block.Text)];

    /// <summary>What was saved, as written: gratitudes, then kind acts (marked as such); empty when nothing was.</summary>
    public IReadOnlyList<string> Items => Blocks.FirstOrDefault(block => block.Kind == "numbered")?.Items ?? [];

    /// <summary>The receipt for a reply, or null when none is due.</summary>
    /// <param name="subscriber">Who replied (their receipt preference decides about complete days).</param>
    /// <param name="items">The gratitudes saved.</param>
    /// <param name="acts">The kind acts saved.</param>
    /// <param name="date">The local date they were filed under.</param>
    /// <param name="actsExpected">Whether the reply answered a weekly digest, whose replies log kind acts.</param>
    /// <param name="day">Every gratitude stored for the date once this reply is in (several replies merge); null for this reply's alone.</param>
    /// <param name="returning">Whether the subscriber had gone quiet (the weekly check-in, which says one line is plenty): then the
    /// receipt welcomes them back and suggests nothing.</param>
    /// <param name="alreadySaved">Gratitudes of this reply that were not stored because the day already held them (<see cref="JournalItem.Merge"/>).</param>
    /// <param name="photos">What became of the reply's photos: how many were kept ("and 2 photos"), and a line for each refused one.</param>
    /// <param name="today">The subscriber's local date when the reply arrived: a reply filed under an earlier day (yesterday's
    /// prompt answered this morning) is told that more will join yesterday's or that day's gratitudes, not today's. Null: today.</param>
    /// <remarks>
    /// The day is judged, not the reply: a complete day (five items, one with a person) gets no receipt unless the
    /// subscriber asked for receipts, even when this reply also logged an act (the digest acknowledges acts), and the count
    /// a receipt gives is the day's. Everything else gets one, nothing saved included.
    /// </remarks>
    public static ReplyReceipt? For(Subscriber subscriber, IReadOnlyList<JournalItem> items, IReadOnlyList<KindAct> acts, LocalDate date, bool actsExpected = false, IReadOnlyList<JournalItem>? day = null, bool returning = false, int alreadySaved = 0, Photos.PhotoSummary? photos = null, LocalDate? today = null)
    {
        photos ??= Photos.PhotoSummary.None;
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(acts);
        var whole = day is { Count: > 0 } ? day : items;
        var hasPerson = whole.Any(i => i.Social);
        var nothing = items.Count == 0 && acts.Count == 0;
        string receipt;
        if (nothing && photos.Kept > 0 && alreadySaved == 0)
        {
            receipt = "photos";
        }
        else if (nothing && (actsExpected || alreadySaved == 0))
        {
            receipt = "nothing";
        }
        else
        {
            // A reply to the digest that held gratitudes is always answered: it was read line by line, and the subscriber
            // should see which lines became kind acts and which stayed gratitudes, and how to take it back.
            var splitDigestReply = actsExpected && items.Count > 0;
            if (whole.Count >= JournalEntry.ItemsForPerfectDay && hasPerson && !subscriber.ReceiptsEnabled && !splitDigestReply && photos.Skipped.Count == 0)
            {
                return null;
            }

            receipt = nothing ? "already" : "saved";
        }

        var note = NoteTemplates.Render(
            "receipt",
            ("receipt", receipt),
            ("day", date.ToString("dddd, d MMMM", CultureInfo.InvariantCulture)),
            ("digest", actsExpected),
            ("gratitudes", items.Count),
            ("acts", acts.Count),
            ("photos", photos.Kept),
            ("skipped", photos.Skipped),
            ("already", alreadySaved),
            ("day_items", whole.Count),
            ("day_word", today is not { } now || now == date ? "today's" : now.PlusDays(-1) == date ? "yesterday's" : "that day's"),
            ("day_short", whole.Count < JournalEntry.ItemsForPerfectDay),
            ("has_person", hasPerson),
            // Only vagueness about people is nudged, as the article does ("Don't just write 'the people I love'"): it is
            // fine by the article to be grateful for your health, a pet or a possession.
            ("vague_people", items.Any(i => i.Vague && i.Social)),
            ("returning", returning),
            ("lines", (IReadOnlyList<string>)[.. items.Select(i => i.Text), .. acts.Select(ActLine)]));
        return new ReplyReceipt(note.Subject, note.Blocks);
    }

    // "Kind act: shovelled the path (practical help for a neighbour)": what was understood is shown, so a wrong guess is visible.
    private static string ActLine(KindAct act)
    {
        var understood = KindnessNames.TryParseCategory(act.Category, out var category) && category != KindCategory.Unclassified &&
                         KindnessNames.TryParseRecipient(act.Recipient, out var recipient) && recipient != KindRecipient.Unclassified
            ? $" ({KindnessNames.Pairing(category, recipient)})"
            : string.Empty;
        return ActLabel + act.Text + understood;
    }
}
