using Compersion.Core.Kindness;
using Compersion.Core.Subscribers;

namespace Compersion.Core.Journal;

/// <summary>Corrections from the journal's day page: edit, delete, move between gratitudes and acts, and an act's category and recipient.</summary>
/// <remarks>
/// Each correction names its item by place and by the fingerprint of the text the page showed, and goes through the
/// single <see cref="IJournalEditor"/> write of the date; an item not found exactly as shown changes nothing (a form
/// posted twice, or a day changed in between). The digest and the export read the same rows, so they follow.
/// </remarks>
public sealed class JournalCorrections(IJournalEditor editor)
{
    /// <summary>The longest text an item may have (the entries API holds its posts to the same limit).</summary>
    public const int MaxTextLength = 1000;

    /// <summary>Applies a correction to the subscriber's own journal.</summary>
    public async Task<CorrectionResult> ApplyAsync(Subscriber subscriber, Correction correction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(correction);
        if (Validate(correction) is { } invalid)
        {
            return invalid;
        }

        var result = new CorrectionResult(CorrectionOutcome.Stale, StaleMessage);
        await editor.EditDayAsync(
            subscriber.Id,
            correction.Date,
            day =>
            {
                var (next, outcome) = Apply(day, correction);
                result = outcome;
                return next;
            },
            cancellationToken);
        return result;
    }

    /// <summary>The day after the correction, or null (with the reason) when it does not apply.</summary>
    public static (DayRows? Next, CorrectionResult Result) Apply(DayRows day, Correction correction)
    {
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(correction);
        if (Validate(correction) is { } invalid)
        {
            return (null, invalid);
        }

        var index = correction.Number - 1;
        var texts = correction.IsAct ? day.Acts.Select(act => act.Text).ToList() : day.Items.Select(item => item.Text).ToList();
        if (index < 0 || index >= texts.Count || JournalViews.Fingerprint(texts[index]) != correction.Fingerprint)
        {
            return (null, new CorrectionResult(CorrectionOutcome.Stale, StaleMessage));
        }

        var items = day.Items.ToList();
        var acts = day.Acts.ToList();
        var source = correction.IsAct ? acts[index].Source : items[index].Source;
        var text = correction.Text.Trim();
        string message;
        switch (correction.Action, correction.IsAct)
        {
            case (CorrectionAction.Edit, false):
                items[index] = JournalItem.Understand(text);
                message = "Saved your change.";
                break;
            case (CorrectionAction.Edit, true):
                acts[index] = acts[index].Chosen ? acts[index] with { Text = text, Source = null } : ActClassifier.Classify(text).ToAct(text);
                message = "Saved your change.";
                break;
            case (CorrectionAction.Delete, false):
                items.RemoveAt(index);
                message = "Deleted that gratitude.";
                break;
            case (CorrectionAction.Delete, true):
                acts.RemoveAt(index);
                message = "Deleted that kind act.";
                break;
            case (CorrectionAction.Move, false):
                acts.Add(ActClassifier.Classify(items[index].Text).ToAct(items[index].Text));
                items.RemoveAt(index);
                message = "Moved it to your kind acts.";
                break;
            case (CorrectionAction.Move, true):
                items.Add(JournalItem.Understand(acts[index].Text));
                acts.RemoveAt(index);
                message = "Moved it to your gratitudes.";
                break;
            case (CorrectionAction.Classify, true):
                _ = KindnessNames.TryParseCategory(correction.Category, out var category);
                _ = KindnessNames.TryParseRecipient(correction.Recipient, out var recipient);
                acts[index] = acts[index] with { Category = KindnessNames.Name(category), Recipient = KindnessNames.Name(recipient), Chosen = true };
                message = "Saved: your choice is kept from now on.";
                break;
            default:
                return (null, new CorrectionResult(CorrectionOutcome.Invalid, "Only a kind act has a category and a recipient. Nothing was changed."));
        }

        // Edited and moved items are the subscriber's own from now on (no source); the message they came from is marked
        // as corrected here, so a replay of it never brings back or doubles what they changed.
        var corrected = source is null || day.Corrected.Contains(source, StringComparer.Ordinal) ? day.Corrected : [.. day.Corrected, source];
        return (new DayRows(items, acts) { Corrected = corrected, Appended = day.Appended }, new CorrectionResult(CorrectionOutcome.Saved, message));
    }

    private const string StaleMessage =
        "That item isn't there as the page showed it any more — perhaps it was already changed, or a reply arrived in between. Nothing was changed; here is the day as it is now.";

    private static CorrectionResult? Validate(Correction correction)
    {
        if (correction.Action == CorrectionAction.Edit)
        {
            var text = correction.Text.Trim();
            if (text.Length == 0)
            {
                return new CorrectionResult(CorrectionOutcome.Invalid, "The new text is empty. To remove the item, use Delete. Nothing was changed.");
            }

            if (text.Length > MaxTextLength)
            {
                return new CorrectionResult(CorrectionOutcome.Invalid, $"That's longer than {MaxTextLength} characters; please shorten it. Nothing was changed.");
            }
        }

        if (correction.Action == CorrectionAction.Classify &&
            (!KindnessNames.TryParseCategory(correction.Category, out var category) || category == KindCategory.Unclassified ||
             !KindnessNames.TryParseRecipient(correction.Recipient, out var recipient) || recipient == KindRecipient.Unclassified))
        {
            return new CorrectionResult(CorrectionOutcome.Invalid, "Please choose a category and a recipient from the lists. Nothing was changed.");
        }

        return null;
    }
}
