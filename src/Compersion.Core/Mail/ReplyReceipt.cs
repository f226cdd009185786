using System.Globalization;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Subscribers;
using NodaTime;

namespace Compersion.Core.Mail;

/// <summary>The short, kind note that tells a subscriber what their reply saved (DESIGN §2 "Receipts").</summary>
/// <param name="Subject">The subject line.</param>
/// <param name="Paragraphs">What was saved, then gentle suggestions.</param>
/// <param name="Items">What was saved, as written: gratitudes, then kind acts (marked as such).</param>
internal sealed record ReplyReceipt(string Subject, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Items)
{
    /// <summary>The secrecy reminder a saved kind act gets (the article: "do NOT tell anyone you've done it").</summary>
    public const string SecrecyReminder = "Don't tell anyone — you'll remember it longer.";

    /// <summary>The secrecy reminder for several kind acts.</summary>
    public const string SecrecyReminderForSeveral = "Don't tell anyone — you'll remember them longer.";

    /// <summary>The note's body: what was saved, the list of it as written, then any gentle suggestions.</summary>
    public IReadOnlyList<NoteBlock> Blocks =>
    [
        .. Paragraphs.Take(1).Select(NoteBlock.Paragraph),
        .. Items.Count > 0 ? [NoteBlock.Numbered(Items)] : Array.Empty<NoteBlock>(),
        .. Paragraphs.Skip(1).Select(NoteBlock.Paragraph),
    ];

    /// <summary>What a receipt for a reply to the digest says about how it was read, and how to take it back.</summary>
    public const string DigestSplit =
        "You answered the weekly email, so each line was read on its own: the lines marked \"Kind act\" are kept as kind acts, the rest as today's gratitudes. Not right? Reply UNDO to this note and this reply is taken back, or move a line on your journal's day page.";

    /// <summary>What marks a kind act among gratitudes in a list of what was written.</summary>
    public const string ActLabel = "Kind act: ";

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
    /// <remarks>
    /// The day is judged, not the reply: a complete day (five items, one with a person) gets no receipt unless the
    /// subscriber asked for receipts, even when this reply also logged an act (the digest acknowledges acts), and the count
    /// a receipt gives is the day's. Everything else gets one, nothing saved included.
    /// </remarks>
    public static ReplyReceipt? For(Subscriber subscriber, IReadOnlyList<JournalItem> items, IReadOnlyList<KindAct> acts, LocalDate date, bool actsExpected = false, IReadOnlyList<JournalItem>? day = null, bool returning = false, int alreadySaved = 0, Photos.PhotoSummary? photos = null)
    {
        photos ??= Photos.PhotoSummary.None;
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(acts);
        var dayName = date.ToString("dddd, d MMMM", CultureInfo.InvariantCulture);
        if (items.Count == 0 && acts.Count == 0 && photos.Kept > 0 && alreadySaved == 0)
        {
            return new ReplyReceipt(
                $"Saved: your {(photos.Kept == 1 ? "photo" : "photos")} for {dayName}",
                [
                    $"Saved for {dayName}: {Count(photos.Kept, "photo", "photos")}. You'll find {(photos.Kept == 1 ? "it" : "them")} on that day in your journal.",
                    .. photos.Skipped,
                    "If a few words come to you about the day, just reply: they'll join the photos.",
                ],
                []);
        }

        if (items.Count == 0 && acts.Count == 0 && actsExpected)
        {
            return new ReplyReceipt("We couldn't find anything to save", [
                "Thank you for writing back. We couldn't find a kind act in that reply, so nothing was saved — perhaps it was only quoted text.",
                "Whenever you'd like, just reply to the weekly email with one act per line.",
            ], []);
        }

        if (items.Count == 0 && acts.Count == 0 && alreadySaved == 0)
        {
            return new ReplyReceipt("We couldn't find anything to save", [
                "Thank you for writing back. We couldn't find any gratitudes in that reply, so nothing was saved — perhaps it was only quoted text, or an attachment.",
                .. photos.Skipped,
                "Whenever you'd like, just reply with a short numbered list, one thing per line.",
            ], []);
        }

        var whole = day is { Count: > 0 } ? day : items;
        var hasPerson = whole.Any(i => i.Social);

        // A reply to the digest that held gratitudes is always answered: it was read line by line, and the subscriber
        // should see which lines became kind acts and which stayed gratitudes, and how to take it back.
        var splitDigestReply = actsExpected && items.Count > 0;
        if (whole.Count >= JournalEntry.ItemsForPerfectDay && hasPerson && !subscriber.ReceiptsEnabled && !splitDigestReply && photos.Skipped.Count == 0)
        {
            return null;
        }

        if (items.Count == 0 && acts.Count == 0)
        {
            var alreadyThere = new List<string> { $"Thank you for writing back. {(alreadySaved == 1 ? "That gratitude was" : "Those gratitudes were")} already in your journal for {dayName}, so nothing new was added: each one counts once." };
            if (whole.Count < JournalEntry.ItemsForPerfectDay)
            {
                alreadyThere.Add($"If more come to you, just reply again: they'll join today's {whole.Count}.");
            }

            return new ReplyReceipt($"Already saved: your gratitudes for {dayName}", alreadyThere, []);
        }

        var saved = new List<string>();
        if (items.Count > 0)
        {
            saved.Add(Count(items.Count, "gratitude", "gratitudes"));
        }

        if (acts.Count > 0)
        {
            saved.Add(Count(acts.Count, "kind act", "kind acts"));
        }

        if (photos.Kept > 0)
        {
            saved.Add(Count(photos.Kept, "photo", "photos"));
        }

        var paragraphs = new List<string> { $"Saved for {dayName}: {Join(saved)}." };
        paragraphs.AddRange(photos.Skipped);
        if (alreadySaved > 0)
        {
            paragraphs.Add($"{Count(alreadySaved, "gratitude was", "gratitudes were")} already in your journal for that day, so {(alreadySaved == 1 ? "it counts" : "they count")} once.");
        }

        if (splitDigestReply)
        {
            paragraphs.Add(DigestSplit);
        }

        if (acts.Count > 0)
        {
            paragraphs.Add(acts.Count == 1
                ? $"Your kind act is kept here for you alone. {SecrecyReminder}"
                : $"Your kind acts are kept here for you alone. {SecrecyReminderForSeveral}");
        }

        var subject = items.Count switch
        {
            0 => $"Saved: your {(acts.Count == 1 ? "kind act" : "kind acts")} for {dayName}",
            1 => $"Saved: your gratitude for {dayName}",
            _ => $"Saved: your gratitudes for {dayName}",
        };
        if (returning)
        {
            paragraphs.Add("Welcome back. That was plenty, and your daily email starts again from tomorrow.");
            return new ReplyReceipt(subject, paragraphs, [.. items.Select(i => i.Text), .. acts.Select(ActLine)]);
        }

        if (whole.Count < JournalEntry.ItemsForPerfectDay && items.Count > 0)
        {
            paragraphs.Add($"If more come to you, just reply again: they'll join today's {whole.Count}.");
        }

        if (items.Count > 0 && !hasPerson)
        {
            paragraphs.Add("Next time, try to include at least one person — someone who made your day a little better, or whose joy you noticed.");
        }

        // Only vagueness about people is nudged, as the article does ("Don't just write 'the people I love'"): it is
        // fine by the article to be grateful for your health, a pet or a possession.
        if (items.Any(i => i.Vague && i.Social))
        {
            paragraphs.Add("The more specific about people, the more you'll feel it: not \"my family\", but what one of them did today.");
        }

        return new ReplyReceipt(subject, paragraphs, [.. items.Select(i => i.Text), .. acts.Select(ActLine)]);
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

    // "3 gratitudes and 2 photos"; "3 gratitudes, 1 kind act and 2 photos".
    private static string Join(List<string> parts) =>
        parts.Count <= 2 ? string.Join(" and ", parts) : string.Join(", ", parts[..^1]) + " and " + parts[^1];

    private static string Count(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");
}
