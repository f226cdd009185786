namespace Compersion.Replies;

/// <summary>The people an item names, word by word, as the Social signal finds them.</summary>
/// <remarks>
/// For callers that need more than a yes or no: the kind-act classifier (who received the act) and
/// the weekly digest (who appeared most). The words are the same tokens the signals read.
/// </remarks>
public sealed class ItemPeople
{
    private static readonly HashSet<string> NotSomeone = new(StringComparer.OrdinalIgnoreCase)
    {
        "people", "person", "folks", "someone", "somebody", "everyone", "everybody", "anyone", "anybody", "guy", "man",
        "woman", "lady", "gentleman", "girl", "boy", "family", "loved one", "loved ones", "team", "staff", "crew",
    };

    private readonly ItemAnalysis analysis;

    private ItemPeople(ItemAnalysis analysis) => this.analysis = analysis;

    /// <summary>The item's words, numbers and sentence breaks.</summary>
    public IReadOnlyList<Token> Tokens => analysis.Tokens;

    /// <summary>Finds the people in <paramref name="item"/>.</summary>
    /// <param name="item">One item or act as written.</param>
    public static ItemPeople Find(string item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var analysis = new ItemAnalysis(item);
        SocialSignal.Find(analysis);
        return new ItemPeople(analysis);
    }

    /// <summary>Whether the token at <paramref name="index"/> is part of a personal name ("Sam", "Xiomara brought …").</summary>
    public bool IsName(int index) => IsNameRule(analysis.PersonRules[index]);

    /// <summary>Whether any token is part of a personal name.</summary>
    public bool HasName => Array.Exists(analysis.PersonRules, IsNameRule);

    /// <summary>The people the item names, as a digest shows them back: "Sam", "Grandad", "your mum" (from "my mum"), "the barista".</summary>
    /// <remarks>
    /// Pronouns, someone else's relations ("her mum", "the neighbour's kids") and generic words ("everyone") are left out.
    /// A relationship followed by a name is the one person it names ("my sister Kate" → "Kate"; "Grandma Rose" as written);
    /// words apart by punctuation are apart ("Kate, Tom and Priya" are three); relationships joined by "and" share their
    /// owner ("my mum and dad": "your mum", "your dad"; "her mum and dad": neither).
    /// </remarks>
    public IEnumerable<string> Mentions()
    {
        var tokens = analysis.Tokens;
        var rules = analysis.PersonRules;
        var lastRelationEnd = -2;
        Token? lastRelationPrevious = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var rule = rules[i];
            if (rule is null)
            {
                continue;
            }

            var end = i;
            // "Dan Okafor" is one person, whichever name rule found each part; "Kate, Tom" are two.
            while (end + 1 < tokens.Count && Joined(end) && (rules[end + 1] == rule || (IsNameRule(rule) && IsNameRule(rules[end + 1]))) && rule != SocialSignal.Pronoun)
            {
                end++;
            }

            var previous = i > 0 ? tokens[i - 1] : (Token?)null;
            if (rule == SocialSignal.Relationship &&
                ((previous is { Lower: "and" or "or" } && i - 2 == lastRelationEnd) || (tokens[i].AfterPunctuation && i - 1 == lastRelationEnd)))
            {
                // "my mum and dad", "my mum, dad and brother": all the writer's; "her mum and dad": both hers.
                previous = lastRelationPrevious;
            }

            if (rule == SocialSignal.Relationship)
            {
                lastRelationPrevious = previous;
            }

            if (rule == SocialSignal.Relationship && end + 1 < tokens.Count && Joined(end) && IsNamed(rules[end + 1]))
            {
                // "my sister Kate", "meiner Schwester Lena": one person, called by name; "Grandma Rose" as written.
                var start = end + 1;
                end = start;
                while (end + 1 < tokens.Count && Joined(end) && IsNamed(rules[end + 1]))
                {
                    end++;
                }

                var determined = previous is { } before && (SocialSignal.IsPossessive(before) || before.Lower is "the" or "a" or "an" or "this" or "that" or "his" or "her" or "their" or "your" or "its");
                var first = determined ? start : i;
                yield return string.Join(' ', tokens.Skip(first).Take(end - first + 1).Select(token => token.Text));
                i = end;
                continue;
            }

            var words = string.Join(' ', tokens.Skip(i).Take(end - i + 1).Select(token => token.Text));
            lastRelationEnd = rule == SocialSignal.Relationship ? end : lastRelationEnd;
            i = end;
            if (rule == SocialSignal.Pronoun || NotSomeone.Contains(words))
            {
                continue;
            }

            if (rule != SocialSignal.Relationship)
            {
                yield return words;
            }
            else if (previous is { Lower: "my" or "our" })
            {
                yield return "your " + words.ToLowerInvariant();
            }
            else if (previous is { Lower: "the" or "a" or "an" or "this" or "that" })
            {
                yield return "the " + words.ToLowerInvariant();
            }
            else if (previous is not { } before || !(before.Possessive || before.Lower is "his" or "her" or "their" or "your" or "its"))
            {
                // "Mum sent a photo", "a call with Grandad": a relationship word used as a name.
                yield return words;
            }
        }
    }

    private static bool IsNameRule(string? rule) => rule is SocialSignal.Name or SocialSignal.CapitalisedName or SocialSignal.NameBeforeVerb;

    // A name, or a title with its name ("Dr Patel").
    private static bool IsNamed(string? rule) => IsNameRule(rule) || rule == SocialSignal.Title;

    // Whether the token after <paramref name="index"/> continues the same phrase: no possessive ends it, no punctuation stands between.
    private bool Joined(int index) => !analysis.Tokens[index].Possessive && !analysis.Tokens[index + 1].AfterPunctuation;
}
