using System.Text;
using Compersion.Replies;

namespace Compersion.Core.Kindness;

/// <summary>Classifies an act of kindness by category (words, time, help …) and recipient (partner, stranger …).</summary>
/// <remarks>
/// <para>Deterministic and explainable: every decision keeps the words behind it (<see cref="ActClassification"/>).</para>
/// <para>Explicit tags win: <c>#gift</c> and <c>@stranger</c> anywhere in the act (at the start or after a space;
/// <c>@neighbor</c> is <c>@neighbour</c>). Otherwise the words decide, from the cues in
/// <c>Kindness/Lexicon/kindness-en.txt</c>:</para>
/// <list type="bullet">
/// <item>Category: at each word the longest cue of any category is taken ("food bank" before "food"); strong cues
/// weigh 3, weak ones 1, and a cue opening the act (its first or second word, usually the verb) counts double; the
/// heaviest category wins, the first mentioned on a tie.</item>
/// <item>Recipient: relationship and place words (strong), generic ones such as "someone" or "the office"
/// (weak), and personal names (found by the Social signal's name rules; a name alone is a friend). Someone introduced by
/// "for" or "to" is preferred (by a strong cue; a place only when no one else is named); of "my neighbour's dog" the
/// owner is meant, of "my son's teacher" the teacher; a partner's partner ("my wife's girlfriend") is a metamour. The
/// strongest wins; on a tie a person before an animal before a place, then the first mentioned.</item>
/// </list>
/// <para>Nothing recognised in a dimension gives <c>unclassified</c> there, and the digest asks about it kindly.</para>
/// </remarks>
public static class ActClassifier
{
    private const int NameWeight = KindnessLexicon.Strong;
    private const int BeneficiaryBonus = 3;
    private const int BeneficiaryReach = 3;
    private const string NothingRecognised = "nothing recognised";

    // The first cue counts double when it is the act's first or second word.
    private const int HeadReach = 1;
    private const int HeadFactor = 2;

    /// <summary>Classifies an act as written (kindness marker already stripped).</summary>
    public static ActClassification Classify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (words, categoryTag, recipientTag) = ReadTags(text);
        var people = ItemPeople.Find(words);
        var (category, categoryReason) = categoryTag is { } taggedCategory
            ? (taggedCategory, "tag #" + KindnessNames.Name(taggedCategory))
            : InferCategory(people.Tokens);
        var (recipient, recipientReason) = recipientTag is { } taggedRecipient
            ? (taggedRecipient, "tag @" + KindnessNames.Name(taggedRecipient))
            : InferRecipient(people);
        return new ActClassification(category, recipient, categoryReason, recipientReason);
    }

    /// <summary>The act as stored, classified.</summary>
    public static KindAct ToAct(string text) => Classify(text).ToAct(text);

    /// <summary>An act's text without its tags, for showing it back ("bought flowers #gift" → "bought flowers").</summary>
    public static string WithoutTags(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (words, _, _) = ReadTags(text);
        return string.Join(' ', words.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    // Tags are "#name" or "@name" at the start or after whitespace; recognised ones are taken out of the words.
    private static (string Words, KindCategory? Category, KindRecipient? Recipient) ReadTags(string text)
    {
        KindCategory? category = null;
        KindRecipient? recipient = null;
        var words = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var atStart = i == 0 || char.IsWhiteSpace(text[i - 1]);
            if (atStart && c is '#' or '@')
            {
                var end = i + 1;
                while (end < text.Length && char.IsLetter(text[end]))
                {
                    end++;
                }

                var name = text[(i + 1)..end];
                if (c == '#' && category is null && KindnessNames.TryParseCategory(name, out var tagged) && tagged != KindCategory.Unclassified)
                {
                    category = tagged;
                    i = end;
                    continue;
                }

                if (c == '@' && recipient is null && KindnessNames.TryParseRecipient(name, out var taggedRecipient) && taggedRecipient != KindRecipient.Unclassified)
                {
                    recipient = taggedRecipient;
                    i = end;
                    continue;
                }
            }

            words.Append(c);
            i++;
        }

        return (words.ToString(), category, recipient);
    }

    private static (KindCategory, string) InferCategory(IReadOnlyList<Token> tokens)
    {
        var cues = KindnessLexicon.Shared.Categories;
        var weights = new Dictionary<KindCategory, (int Weight, int First, List<string> Words)>();
        var i = 0;
        while (i < tokens.Count)
        {
            var (cue, length) = Longest(cues, tokens, i, plurals: false);
            if (cue is null)
            {
                i++;
                continue;
            }

            // Acts are logged verb first ("baked …", "texted …"): a cue that opens the act says most about it.
            var weight = i <= HeadReach && weights.Count == 0 ? cue.Weight * HeadFactor : cue.Weight;
            var matched = Words(tokens, i, length);
            weights[cue.Value] = weights.TryGetValue(cue.Value, out var sum)
                ? (sum.Weight + weight, sum.First, [.. sum.Words, matched])
                : (weight, i, [matched]);
            i += length;
        }

        if (weights.Count == 0)
        {
            return (KindCategory.Unclassified, NothingRecognised);
        }

        var best = weights.OrderByDescending(pair => pair.Value.Weight).ThenBy(pair => pair.Value.First).First();
        return (best.Key, "words: " + string.Join(", ", best.Value.Words));
    }

    private static (KindRecipient, string) InferRecipient(ItemPeople people)
    {
        var tokens = people.Tokens;
        var candidates = new List<Candidate>();
        var i = 0;
        while (i < tokens.Count)
        {
            var (cue, length) = Longest(KindnessLexicon.Shared.Recipients, tokens, i, plurals: true);
            if (cue is not null)
            {
                candidates.Add(new Candidate(cue.Value, i, length, cue.Weight, Words(tokens, i, length)));
                i += length;
                continue;
            }

            if (people.IsName(i))
            {
                candidates.Add(new Candidate(KindRecipient.Friend, i, 1, NameWeight, "name: " + tokens[i].Text));
            }

            i++;
        }

        candidates = Possession(tokens, candidates);
        if (candidates.Count == 0)
        {
            return (KindRecipient.Unclassified, NothingRecognised);
        }

        // "for the school hols", "for her night shift": only a strong cue is a beneficiary, and a place only when no one else is named.
        var anyoneNamed = candidates.Exists(candidate => candidate.Recipient != KindRecipient.Community && candidate.Weight >= KindnessLexicon.Strong);
        var best = candidates
            .Select(candidate => (candidate, Score: candidate.Weight + (
                candidate.Weight >= KindnessLexicon.Strong && (candidate.Recipient != KindRecipient.Community || !anyoneNamed) && IsBeneficiary(tokens, candidate)
                    ? BeneficiaryBonus
                    : 0)))
            .OrderByDescending(scored => scored.Score)
            .ThenBy(scored => Rank(scored.candidate.Recipient))
            .ThenBy(scored => scored.candidate.Start)
            .First().candidate;
        return (best.Recipient, best.Reason);
    }

    // Who is meant when one candidate qualifies the next:
    // "my wife's girlfriend" is a metamour; "my son's teacher" is the teacher (a person's person is the one meant, when
    // named by a strong cue: "my coworker's shift" is still the coworker's);
    // "my neighbour's dog", "Tendai's twins" and "Jonah's school essay" are the owner's (an animal, a child, a relative
    // or a place is theirs: minding someone's twins is done for them);
    // "the kid next door" and "the family down the hall" are neighbours.
    private static List<Candidate> Possession(IReadOnlyList<Token> tokens, List<Candidate> candidates)
    {
        var result = new List<Candidate>(candidates.Count);
        for (var c = 0; c < candidates.Count; c++)
        {
            var owner = candidates[c];
            var next = c + 1 < candidates.Count ? candidates[c + 1] : null;
            if (next is null)
            {
                result.Add(owner);
                continue;
            }

            if (next.Start == owner.End && next.Recipient == KindRecipient.Neighbour && owner.Recipient != KindRecipient.Neighbour)
            {
                result.Add(next with { Start = owner.Start, Reason = Words(tokens, owner.Start, next.End - owner.Start) });
                c++;
                continue;
            }

            if (!tokens[owner.End - 1].Possessive || !Qualifies(tokens, owner.End, next.Start))
            {
                result.Add(owner);
                continue;
            }

            var ownerIsPartner = owner.Recipient == KindRecipient.Partner && KindnessLexicon.Shared.Partner.MatchAt(tokens, owner.Start) > 0;
            if (ownerIsPartner && next.Recipient == KindRecipient.Partner)
            {
                result.Add(owner with { Recipient = KindRecipient.Metamour, Reason = "partner's partner: " + Words(tokens, owner.Start, next.End - owner.Start) });
            }
            else if (IsPerson(next.Recipient) && next.Recipient != KindRecipient.Family && next.Weight == KindnessLexicon.Strong)
            {
                result.Add(next);
            }
            else
            {
                result.Add(owner);
            }

            c++;
        }

        return result;
    }

    // Between an owner and what is theirs: nothing, "other", or up to two words that are not a sentence break.
    private static bool Qualifies(IReadOnlyList<Token> tokens, int from, int to)
    {
        if (to - from > 2)
        {
            return false;
        }

        for (var i = from; i < to; i++)
        {
            if (tokens[i].Kind == TokenKind.Break)
            {
                return false;
            }
        }

        return true;
    }

    // On a tie a person is meant before an animal, and an animal before a place.
    private static int Rank(KindRecipient recipient) => recipient switch
    {
        KindRecipient.Community => 2,
        KindRecipient.Animal => 1,
        _ => 0,
    };

    private static bool IsPerson(KindRecipient recipient) => recipient is not (KindRecipient.Community or KindRecipient.Animal or KindRecipient.Unclassified);

    // "for my mum", "to the barista", "for a lovely old man": a beneficiary word just before, with only modifiers between.
    // "to" also starts infinitives and destinations ("to make", "to the park"), so it counts only before a person.
    private static bool IsBeneficiary(IReadOnlyList<Token> tokens, Candidate candidate)
    {
        var lexicon = KindnessLexicon.Shared;
        var from = Math.Max(0, candidate.Start - BeneficiaryReach);
        for (var i = candidate.Start - 1; i >= from; i--)
        {
            var token = tokens[i];
            if (lexicon.Beneficiary.Contains(token))
            {
                return token.Lower != "to" || IsPerson(candidate.Recipient);
            }

            if (!lexicon.Modifiers.Contains(token))
            {
                return false;
            }
        }

        return false;
    }

    private static (KindnessLexicon.Cue<T>? Cue, int Length) Longest<T>(IReadOnlyList<KindnessLexicon.Cue<T>> cues, IReadOnlyList<Token> tokens, int i, bool plurals)
    {
        KindnessLexicon.Cue<T>? best = null;
        var longest = 0;
        foreach (var cue in cues)
        {
            var length = cue.Words.MatchAt(tokens, i);
            if (length == 0 && plurals && cue.Words.ContainsSingularOf(tokens[i]))
            {
                length = 1;
            }

            // Longer wins; on equal length the first section (strong before weak) keeps it.
            if (length > longest)
            {
                best = cue;
                longest = length;
            }
        }

        return (best, longest);
    }

    private static string Words(IReadOnlyList<Token> tokens, int start, int length) =>
        string.Join(' ', tokens.Skip(start).Take(length).Where(token => token.Kind != TokenKind.Break).Select(token => token.Text));

    private sealed record Candidate(KindRecipient Recipient, int Start, int Length, int Weight, string Reason)
    {
        public int End { get; init; } = Start + Length;
    }
}
