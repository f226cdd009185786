namespace Compersion.Replies;

/// <summary>The Social rules: relationship words, pronouns, titles and names.</summary>
/// <remarks>
/// Names come from the embedded list of given names, and from capitalisation: a capitalised word
/// inside a sentence that is not a known non-name (days, months, places, brands, common words), or
/// a capitalised sentence opener followed by a verb only a person does ("Xiomara brought …").
/// Capitalisation is not trusted in Title Case items ("Lunch With Mom") or German ones (every noun
/// is capitalised); there only the lists count.
/// </remarks>
internal static class SocialSignal
{
    public const string Relationship = "relationship";
    public const string Pronoun = "pronoun";
    public const string Title = "title";
    public const string Name = "name";
    public const string CapitalisedName = "capitalised name";
    public const string NameBeforeVerb = "name before verb";

    private const int GermanMarkersNeeded = 2;

    // "Das Leben", "Sonnenuntergang am See": in an item this short one German marker is enough.
    private const int ShortItemWords = 4;

    /// <summary>Finds every person mentioned in the item.</summary>
    public static void Find(ItemAnalysis analysis)
    {
        var tokens = analysis.Tokens;
        var lexicon = Lexicon.Shared;
        var notName = NotNames(tokens);
        var trustCapitals = TrustsCapitals(tokens);
        var allLowerCase = !analysis.Item.Any(char.IsUpper);
        var petSubject = OpensWithAPet(tokens, lexicon);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind != TokenKind.Word)
            {
                continue;
            }

            if (ContainsUnspacedRelation(token.Text))
            {
                analysis.AddPerson(Relationship, i, 1);
                continue;
            }

            var length = RelationAt(tokens, i);
            if (length > 0)
            {
                analysis.AddPerson(Relationship, i, length);
                i += length - 1;
                continue;
            }

            length = lexicon.AfterPossessive.MatchAt(tokens, i);
            if (length > 0 && i > 0 && IsPossessive(tokens[i - 1]))
            {
                analysis.AddPerson(Relationship, i, length);
                i += length - 1;
                continue;
            }

            if (lexicon.Titles.Contains(token) && i + 1 < tokens.Count && IsCapitalised(tokens[i + 1].Text))
            {
                analysis.AddPerson(Title, i, 2);
                i++;
                continue;
            }

            if (lexicon.Pronouns.Contains(token) || (token.SentenceStart && lexicon.SentenceStartPronouns.Contains(token)))
            {
                if (petSubject && !HasPersonBefore(analysis, i) && token.Lower is not ("we" or "us"))
                {
                    // "The cat curled up with her kittens": "her" is the cat.
                    continue;
                }

                analysis.AddPerson(Pronoun, i, 1);
                continue;
            }

            var rule = notName[i] ? null : NameRule(tokens, i, trustCapitals, allLowerCase);
            if (rule is not null)
            {
                analysis.AddPerson(rule, i, 1);
            }
        }
    }

    // "母とお茶", "同僚のランチ": Japanese and Chinese words come unspaced, so relationship words are looked for inside them.
    private static bool ContainsUnspacedRelation(string word)
    {
        if (!word.Any(IsIdeographOrKana))
        {
            return false;
        }

        foreach (var relation in Lexicon.Shared.UnspacedRelations)
        {
            if (word.Contains(relation, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsIdeographOrKana(char c) => c is >= '\u3040' and <= '\u30FF' or >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    /// <summary>Whether a token is a possessive: "my", "our", "mein", "mi", or a word with 's.</summary>
    public static bool IsPossessive(Token token) => token.Possessive || Lexicon.Shared.PossessiveDeterminers.Contains(token);

    // A relationship word or phrase at i, also in the plural ("sisters", "babies") or inside a hyphenated word ("step-mom").
    private static int RelationAt(List<Token> tokens, int i)
    {
        var relations = Lexicon.Shared.Relations;
        var length = relations.MatchAt(tokens, i);
        if (length > 0)
        {
            return length;
        }

        var token = tokens[i];
        foreach (var singular in Singulars(token.Text))
        {
            if (relations.Contains(singular, singular.ToLowerInvariant()))
            {
                return 1;
            }
        }

        if (token.Text.Contains('-', StringComparison.Ordinal))
        {
            foreach (var part in token.Text.Split('-', StringSplitOptions.RemoveEmptyEntries))
            {
                if (relations.Contains(part, part.ToLowerInvariant()))
                {
                    return 1;
                }
            }
        }

        return 0;
    }

    /// <summary>The singulars a plural word may come from: "babies" → "baby", "boxes" → "box", "sisters" → "sister".</summary>
    internal static IEnumerable<string> Singulars(string word)
    {
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.OrdinalIgnoreCase))
        {
            yield return word[..^3] + "y";
        }

        if (word.Length > 3 && word.EndsWith("es", StringComparison.OrdinalIgnoreCase))
        {
            yield return word[..^2];
        }

        if (word.Length > 2 && word.EndsWith('s'))
        {
            yield return word[..^1];
        }
    }

    private static string? NameRule(List<Token> tokens, int i, bool trustCapitals, bool allLowerCase)
    {
        var lexicon = Lexicon.Shared;
        var token = tokens[i];
        if (token.Text.Length < 2 || lexicon.FunctionWords.Contains(token))
        {
            return null;
        }

        // "Calle Ocho", "Rue Oberkampf", "Planty park": a place; "my dog Biscuit": a pet.
        if (i > 0 && (lexicon.PlaceBefore.Contains(tokens[i - 1]) || lexicon.Pets.Contains(tokens[i - 1]) || lexicon.Pets.ContainsSingularOf(tokens[i - 1])))
        {
            return null;
        }

        if (lexicon.PlaceBefore.Contains(token) || (i + 1 < tokens.Count && lexicon.PlaceAfter.Contains(tokens[i + 1]) && !token.Possessive))
        {
            return null;
        }

        var title = ToTitleCase(token.Text);
        if (lexicon.GivenNames.Contains(title, token.Lower))
        {
            var asWritten = string.Equals(token.Text, title, StringComparison.Ordinal) || IsAllCapitals(token.Text);
            if (asWritten || (allLowerCase && !lexicon.NamesThatAreWords.Contains(title, token.Lower)))
            {
                return Name;
            }
        }

        if (!trustCapitals || !IsCapitalised(token.Text) || lexicon.NotNames.Contains(token))
        {
            return null;
        }

        if (!token.SentenceStart)
        {
            return CapitalisedName;
        }

        if (i + 1 < tokens.Count && lexicon.PersonVerbs.Contains(tokens[i + 1]))
        {
            return NameBeforeVerb;
        }

        // "Xiomara and I …"
        if (i + 2 < tokens.Count && tokens[i + 1].Lower == "and" && tokens[i + 2].Lower is "i" or "me")
        {
            return NameBeforeVerb;
        }

        return null;
    }

    // Tokens covered by a non-name, including phrases ("New York", "Cape Town").
    private static bool[] NotNames(List<Token> tokens)
    {
        var notNames = Lexicon.Shared.NotNames;
        var covered = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var length = notNames.MatchAt(tokens, i);
            for (var j = i; j < i + length; j++)
            {
                covered[j] = true;
            }
        }

        return covered;
    }

    // Capitals mark names only in ordinary sentence case: not in Title Case, not in German.
    private static bool TrustsCapitals(List<Token> tokens)
    {
        var lexicon = Lexicon.Shared;
        var germanMarkers = 0;
        var inner = 0;
        var innerCapitalised = 0;
        foreach (var token in tokens)
        {
            if (token.Kind != TokenKind.Word)
            {
                continue;
            }

            if (lexicon.GermanMarkers.Contains(token) && ++germanMarkers >= (tokens.Count <= ShortItemWords ? 1 : GermanMarkersNeeded))
            {
                return false;
            }

            if (token.SentenceStart || token.Text.Length < 2)
            {
                continue;
            }

            inner++;
            if (IsCapitalised(token.Text))
            {
                innerCapitalised++;
                if (lexicon.FunctionWords.Contains(token))
                {
                    return false;
                }
            }
        }

        return !(inner >= 2 && innerCapitalised == inner);
    }

    // "Sam", "O'Neil", "Anne-Marie": a capital first letter and at least one lower-case letter.
    private static bool IsCapitalised(string word) => word.Length > 1 && char.IsUpper(word[0]) && word.Any(char.IsLower);

    private static bool IsAllCapitals(string word) => word.Length > 1 && !word.Any(char.IsLower);

    private static string ToTitleCase(string word) =>
        word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant();

    /// <summary>"The cat …", "My dog …", "Our puppy …": the item's subject is an animal, so "her" or "he" may be it.</summary>
    private static bool OpensWithAPet(List<Token> tokens, Lexicon lexicon)
    {
        var words = tokens.Where(token => token.Kind == TokenKind.Word).Take(2).ToList();
        if (words.Count == 0)
        {
            return false;
        }

        var subject = words[0].Lower is "the" or "a" or "an" || lexicon.PossessiveDeterminers.Contains(words[0])
            ? words.Count > 1 ? words[1] : words[0]
            : words[0];
        return lexicon.Pets.Contains(subject) || lexicon.Pets.ContainsSingularOf(subject);
    }

    private static bool HasPersonBefore(ItemAnalysis analysis, int index) =>
        analysis.PersonRules.Take(index).Any(rule => rule is not null);
}
