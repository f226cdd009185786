namespace Compersion.Core.Kindness;

/// <summary>Tells, line by line, whether a reply to the weekly digest logs a kind act or is one of the day's gratitudes.</summary>
/// <remarks>
/// <para>The digest asks for kind acts, but with the defaults (digest Sunday 18:00, prompt 20:00, both saying "just
/// reply") the day's five gratitudes often arrive as its answer. So a line counts as an act only when it reads as
/// something the writer did for someone:</para>
/// <list type="bullet">
/// <item>it carries a tag the classifier knows (<c>#gift</c>, <c>@stranger</c>): tags only mean something for acts; or</item>
/// <item>it opens with a verb of doing in the past ("Baked bread for…", "I left a note…", "We shovelled…"), not one of
/// receiving, resting or noticing ("Got…", "Slept…"), and the classifier recognises what kind of act it was or whom it
/// was for; a verb that may or may not be for someone ("Listened…", "Walked…", "Watched…") counts only when the line names
/// whom it was for ("Listened to my sister", not "Watched the sunset").</item>
/// </list>
/// <para>Everything else — a thing, a moment, someone else's doing ("Sam made me dinner", "The snow", "Coffee with
/// Ana") — is a gratitude. The receipt says which line went where, and <c>UNDO</c> or the journal's day page put a
/// wrong guess right.</para>
/// </remarks>
public static class ActLines
{
    // Who did it, when it is said: "I baked …", "We shovelled …", "Today I called …".
    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal)
    {
        "i", "we", "i've", "we've", "ive", "today", "yesterday", "tonight", "this", "morning", "afternoon", "evening", "also", "and", "then", "finally",
        "just",
    };

    // Past-tense verbs of doing that do not end in -ed.
    private static readonly HashSet<string> IrregularDoing = new(StringComparer.Ordinal)
    {
        "left", "bought", "gave", "made", "brought", "sent", "wrote", "paid", "fed", "lent", "taught", "told", "sang", "drove",
        "sewed", "knit", "swept", "built", "dug", "hung", "let", "ran", "rang", "did",
    };

    // Verbs that are an act only when the line names someone it was for ("Listened to my sister", not "Walked home").
    private static readonly HashSet<string> DoingOnlyForSomeone = new(StringComparer.Ordinal)
    {
        "went", "watched", "walked", "listened", "played", "stayed", "treated", "celebrated", "returned", "moved", "took", "met",
        "sat", "read", "spent", "kept", "held", "called", "visited", "shared",
    };

    // Verbs of receiving, resting, noticing or feeling: a gratitude even though it opens with a verb.
    private static readonly HashSet<string> NotDoing = new(StringComparer.Ordinal)
    {
        "got", "received", "had", "slept", "woke", "finished", "saw", "heard", "felt", "enjoyed", "ate", "noticed", "won", "found",
        "learned", "learnt", "relaxed", "rested", "napped", "laughed", "loved", "liked", "am", "was", "were", "feel", "love", "like",
        "grateful", "thankful", "managed", "passed", "tasted", "smelled", "smelt", "started", "survived", "booked", "tried",
        "spotted", "discovered", "remembered", "dreamed", "dreamt", "reached", "arrived", "needed", "wanted", "missed",
    };

    /// <summary>Whether a line of a digest reply reads as a kind act the writer did (else it is a gratitude).</summary>
    /// <param name="line">One item of the reply, its list marker already stripped.</param>
    public static bool ReadsAsAct(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var classification = ActClassifier.Classify(line);
        if (classification.CategoryReason.StartsWith("tag ", StringComparison.Ordinal) || classification.RecipientReason.StartsWith("tag ", StringComparison.Ordinal))
        {
            return true;
        }

        var verb = Words(line).SkipWhile(Openers.Contains).FirstOrDefault();
        if (verb is null || NotDoing.Contains(verb))
        {
            return false;
        }

        if (DoingOnlyForSomeone.Contains(verb))
        {
            // Someone, not somewhere: "Watched the sunset from the bridge" names a place, not whom it was for.
            return classification.Recipient is not (KindRecipient.Unclassified or KindRecipient.Community);
        }

        var doing = IrregularDoing.Contains(verb) || (verb.Length > 4 && verb.EndsWith("ed", StringComparison.Ordinal));
        return doing && (classification.Category != KindCategory.Unclassified || classification.Recipient != KindRecipient.Unclassified);
    }

    private static IEnumerable<string> Words(string line) =>
        line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(word => word.Trim('.', ',', ';', ':', '!', '?', '"', '“', '”', '(', ')').Replace('’', '\'').ToLowerInvariant())
            .Where(word => word.Length > 0);
}
