using System.Collections.Frozen;

namespace Compersion.Replies;

/// <summary>A set of words and short phrases from a lexicon, matched against tokens.</summary>
/// <remarks>
/// An entry written with a capital letter matches only as written (German nouns: "Kind" is a
/// child, "kind" is not); an entry in lower case matches in any case. An entry with spaces is a
/// phrase matched over consecutive tokens; the longest phrase at a position wins.
/// </remarks>
public sealed class WordSet
{
    private readonly FrozenSet<string> anyCase;
    private readonly FrozenSet<string> asWritten;
    private readonly FrozenDictionary<string, string[][]> phrases;

    /// <summary>Builds the set from lexicon entries.</summary>
    public WordSet(IEnumerable<string> entries)
    {
        var anyCase = new HashSet<string>(StringComparer.Ordinal);
        var asWritten = new HashSet<string>(StringComparer.Ordinal);
        var phrases = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var words = entry.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 1)
            {
                if (!phrases.TryGetValue(words[0], out var list))
                {
                    list = [];
                    phrases.Add(words[0], list);
                }

                list.Add(words);
            }
            else if (entry.Any(char.IsUpper))
            {
                asWritten.Add(entry);
            }
            else
            {
                anyCase.Add(entry);
            }
        }

        this.anyCase = anyCase.ToFrozenSet(StringComparer.Ordinal);
        this.asWritten = asWritten.ToFrozenSet(StringComparer.Ordinal);
        this.phrases = phrases.ToFrozenDictionary(
            pair => pair.Key,
            pair => pair.Value.OrderByDescending(words => words.Length).ToArray(),
            StringComparer.Ordinal);
    }

    /// <summary>Whether a single word (as written, and in lower case) is in the set.</summary>
    public bool Contains(string text, string lower) => asWritten.Contains(text) || anyCase.Contains(lower);

    /// <summary>Whether a word token is in the set as a single word.</summary>
    public bool Contains(Token token) => token.Kind == TokenKind.Word && Contains(token.Text, token.Lower);

    /// <summary>Whether the set holds a singular the word may be the plural of ("sisters" → "sister", "babies" → "baby").</summary>
    public bool ContainsSingularOf(Token token) =>
        token.Kind == TokenKind.Word && SocialSignal.Singulars(token.Lower).Any(singular => Contains(singular, singular));

    /// <summary>Matches the longest entry (phrase or word) starting at <paramref name="start"/>.</summary>
    /// <returns>The number of tokens matched, or 0.</returns>
    public int MatchAt(IReadOnlyList<Token> tokens, int start)
    {
        var first = tokens[start];
        if (first.Kind == TokenKind.Break)
        {
            return 0;
        }

        if (phrases.TryGetValue(first.Lower, out var candidates))
        {
            foreach (var words in candidates)
            {
                if (PhraseMatches(tokens, start, words))
                {
                    return words.Length;
                }
            }
        }

        return Contains(first) ? 1 : 0;
    }

    private static bool PhraseMatches(IReadOnlyList<Token> tokens, int start, string[] words)
    {
        if (start + words.Length > tokens.Count)
        {
            return false;
        }

        for (var offset = 0; offset < words.Length; offset++)
        {
            var token = tokens[start + offset];
            if (token.Kind == TokenKind.Break || !string.Equals(token.Lower, words[offset], StringComparison.Ordinal))
            {
                return false;
            }

            // Only the last word of a phrase may carry a possessive ("my nesting partner's").
            if (token.Possessive && offset < words.Length - 1)
            {
                return false;
            }
        }

        return true;
    }
}
