namespace Compersion.Core.Kindness;

/// <summary>A kind act with its date and its classification, as the variety rules and the digest read it.</summary>
/// <param name="Date">The local date it is filed under.</param>
/// <param name="Text">The act as written.</param>
/// <param name="Category">Its category (<see cref="KindCategory.Unclassified"/> when not recognised).</param>
/// <param name="Recipient">Its recipient (<see cref="KindRecipient.Unclassified"/> when not recognised).</param>
/// <param name="Chosen">The subscriber chose the category and recipient themselves.</param>
public sealed record LoggedAct(LocalDate Date, string Text, KindCategory Category, KindRecipient Recipient, bool Chosen = false)
{
    /// <summary>Whether both dimensions are known.</summary>
    public bool IsClassified => Category != KindCategory.Unclassified && Recipient != KindRecipient.Unclassified;

    /// <summary>A subscriber's acts, oldest first (within a day, in the order logged).</summary>
    /// <remarks>Acts stored before classification existed (no category or recipient) are classified now, the same way.</remarks>
    public static IReadOnlyList<LoggedAct> From(IEnumerable<KindActDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        return [.. days.OrderBy(day => day.Date).SelectMany(day => day.Acts.Select(act => Read(day.Date, act)))];
    }

    private static LoggedAct Read(LocalDate date, KindAct act)
    {
        if (act.Category is null || act.Recipient is null)
        {
            var classified = ActClassifier.Classify(act.Text);
            return new LoggedAct(date, act.Text, classified.Category, classified.Recipient);
        }

        // A name this version does not know (a renamed category) reads as unclassified rather than failing the digest.
        return new LoggedAct(
            date,
            act.Text,
            KindnessNames.TryParseCategory(act.Category, out var category) ? category : KindCategory.Unclassified,
            KindnessNames.TryParseRecipient(act.Recipient, out var recipient) ? recipient : KindRecipient.Unclassified,
            act.Chosen);
    }
}
