namespace Compersion.Replies;

/// <summary>Understands a gratitude item: does it name a person, is it too vague to savour, does it notice someone else's joy?</summary>
/// <remarks>
/// Deterministic word rules over embedded word lists (<c>Replies/Lexicon/*.txt</c>), so every
/// signal can be explained with the words that set it (<see cref="Explain"/>). All three cover
/// English, German, French, Spanish, Italian, Portuguese, Dutch and Japanese (Social also given names
/// from many cultures). The rules, their limits and their accuracy per language are in <c>docs/signals.md</c>.
/// </remarks>
public static class ItemSignals
{
    /// <summary>The item with its Social, Vague and Compersion signals set.</summary>
    /// <param name="item">One gratitude item as written.</param>
    public static UnderstoodItem Understand(string item) => Explain(item).Item;

    /// <summary>The item's signals with the rule and the words behind each.</summary>
    /// <param name="item">One gratitude item as written.</param>
    public static SignalExplanation Explain(string item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var analysis = new ItemAnalysis(item);
        SocialSignal.Find(analysis);
        CompersionSignal.Find(analysis);
        VagueSignal.Find(analysis);
        var understood = new UnderstoodItem(
            item,
            Social: analysis.Has(ItemSignal.Social),
            Vague: analysis.Has(ItemSignal.Vague),
            Compersion: analysis.Has(ItemSignal.Compersion));
        return new SignalExplanation(understood, analysis.Matches);
    }

    /// <summary>How many content words and numbers the item has: words of three letters or more that are not function words ("the", "with").</summary>
    /// <remarks>A measure of how specific an item reads; the digest shows the week's most specific one.</remarks>
    /// <param name="item">One gratitude item as written.</param>
    public static int ContentWordCount(string item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var lexicon = Lexicon.Shared;
        return ItemTokenizer.Tokenize(item).Count(token =>
            token.Kind == TokenKind.Number || (token.Kind == TokenKind.Word && token.Text.Length >= 3 && !lexicon.FunctionWords.Contains(token)));
    }
}
