namespace Compersion.Replies;

/// <summary>The Vague rule: a short, generic noun phrase with no detail to savour.</summary>
/// <remarks>
/// After an opening such as "I'm grateful for", the item must be at most <see cref="MaxWords"/>
/// words, hold no number and no name, and every word must be a generic noun ("family", "health"),
/// a relationship word ("my husband" says who, not what happened) or a filler ("my", "the", "all").
/// A verb, a number, a name or any concrete noun is a detail, so "That my boyfriend brought me
/// lunch even though it was really far out of his way" is not vague, nor is "coffee".
/// </remarks>
internal static class VagueSignal
{
    public const string GenericPhrase = "generic phrase";

    /// <summary>The most words a vague item has after its opening.</summary>
    public const int MaxWords = 6;

    /// <summary>Decides whether the item is vague; needs the Social rules to have run (names are details).</summary>
    public static void Find(ItemAnalysis analysis)
    {
        var lexicon = Lexicon.Shared;
        var tokens = analysis.Tokens;
        var words = Enumerable.Range(0, tokens.Count).Where(i => tokens[i].Kind != TokenKind.Break).ToList();
        if (words.Count == 0)
        {
            return;
        }

        var start = 0;
        while (start < words.Count && lexicon.VagueLeadIn.Contains(tokens[words[start]]))
        {
            start++;
        }

        var rest = words.Skip(start).ToList();
        if (rest.Count > MaxWords)
        {
            return;
        }

        // Japanese is written without spaces: its own rule.
        if (analysis.Item.Any(SocialSignal.IsIdeographOrKana))
        {
            FindUnspaced(analysis);
            return;
        }

        var hasGenericNoun = rest.Count == 0;
        foreach (var i in rest)
        {
            var token = tokens[i];
            var personRule = analysis.PersonRules[i];
            if (token.Kind == TokenKind.Number || (personRule is not null && personRule != SocialSignal.Relationship && personRule != SocialSignal.Pronoun))
            {
                return;
            }

            var isNoun = lexicon.VagueNouns.Contains(token) || personRule == SocialSignal.Relationship;
            if (!isNoun && !lexicon.VagueFillers.Contains(token) && personRule is null)
            {
                return;
            }

            hasGenericNoun |= isNoun;
        }

        if (hasGenericNoun)
        {
            analysis.Add(ItemSignal.Vague, GenericPhrase, words[0], words[^1]);
        }
    }

    /// <summary>
    /// Japanese: the item is nothing but generic nouns and relationship words (家族, 健康, 友達) joined by particles and
    /// openings (の, と, に感謝), read left to right, longest word first. "母とお茶を飲んだ" holds a detail (お茶を飲んだ).
    /// </summary>
    private static void FindUnspaced(ItemAnalysis analysis)
    {
        var lexicon = Lexicon.Shared;
        var text = analysis.Item.Trim();
        var nouns = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]) || char.IsPunctuation(text[i]))
            {
                i++;
                continue;
            }

            var at = i;
            var noun = lexicon.UnspacedVagueNouns.FirstOrDefault(word => string.CompareOrdinal(text, at, word, 0, word.Length) == 0);
            if (noun is not null)
            {
                nouns.Add(noun);
                i += noun.Length;
                continue;
            }

            var filler = lexicon.UnspacedVagueFillers.FirstOrDefault(word => string.CompareOrdinal(text, at, word, 0, word.Length) == 0);
            if (filler is null)
            {
                return;
            }

            i += filler.Length;
        }

        if (nouns.Count > 0 && nouns.Count <= MaxWords)
        {
            analysis.Matches.Add(new SignalMatch(ItemSignal.Vague, GenericPhrase, nouns));
        }
    }
}
