using System.Collections.Frozen;

namespace Compersion.Replies;

/// <summary>The Compersion rules: joy noticed in someone else.</summary>
/// <remarks>
/// A person (a third-person pronoun, a name, a relationship word) followed, later in the same
/// sentence (the clause and any clause joined to it by a comma or a conjunction) and before the next
/// person, who takes the search over, by something
/// joyful: a verb of joy ("laughed", "got engaged"), a linking verb and an adjective of joy ("was so
/// proud", "looked thrilled"), pride or joy in how they did something ("proudly showed", "hat stolz gezeigt"), good news ("landed the job", "passed her exam"), a good time ("had a
/// wonderful date"), or a joy noun standing on its own ("…when she saw it, pure delight", "glowing
/// with pride"). Or a possessive person before joy or good news ("her smile", "my metamour's new
/// job"), a joy noun before its owner ("the smile on my son's face", "le sourire de ma fille"), or
/// "happy for" / "proud of" someone. A negation or the writer ("I", "me") between the person and the
/// joy breaks the link: "she wasn't happy" and "he made me laugh" are not compersion, but a negated
/// "stop" is no negation ("could not stop grinning"). The word lists of every spaced language
/// (<c>compersion-xx.txt</c>) are read into the same sets; Japanese, written without spaces, has a rule
/// of its own (<see cref="FindUnspaced"/>).
/// </remarks>
internal static class CompersionSignal
{
    public const string JoyVerb = "joy verb";
    public const string JoyfulState = "joyful state";
    public const string GoodNews = "good news";
    public const string GoodTime = "good time";
    public const string TheirJoy = "their joy";
    public const string JoyDescribed = "joy described";
    public const string HappyFor = "happy for";
    public const string Compersion = "compersion";

    private const int PossessiveWindow = 3;
    private const int ObjectWindow = 4;

    private static readonly FrozenSet<string> Determiners = new[]
    {
        "a", "an", "the", "such", "so", "really", "very", "truly", "absolutely", "most", "just", "another", "much",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Finds the first sign of joy noticed in someone else; needs the Social rules to have run.</summary>
    public static void Find(ItemAnalysis analysis)
    {
        var tokens = analysis.Tokens;
        if (FindUnspaced(analysis))
        {
            return;
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Lower == "compersion")
            {
                analysis.Add(ItemSignal.Compersion, Compersion, i);
                return;
            }

            if ((IsSubject(analysis, i) && FromSubject(analysis, i)) || HappyForAt(analysis, i) || HowHappyAt(analysis, i) || JoyOfAt(analysis, i))
            {
                if (!analysis.Has(ItemSignal.Social))
                {
                    // "so happy when they won": the joyful person is a person even off a sentence start.
                    analysis.AddPerson(SocialSignal.Pronoun, i, 1);
                }

                return;
            }
        }
    }

    private static bool IsSubject(ItemAnalysis analysis, int i)
    {
        var token = analysis.Tokens[i];
        return token.Kind == TokenKind.Word &&
            !Lexicon.Shared.FirstPerson.Contains(token) &&
            (Lexicon.Shared.ThirdPerson.Contains(token) || analysis.PersonRules[i] is not null);
    }

    private static bool FromSubject(ItemAnalysis analysis, int subject)
    {
        var lexicon = Lexicon.Shared;
        var tokens = analysis.Tokens;
        var possessive = tokens[subject].Possessive || lexicon.PossessivePronouns.Contains(tokens[subject]);
        if (possessive)
        {
            for (var k = subject + 1; k < tokens.Count && k <= subject + PossessiveWindow && tokens[k].Kind != TokenKind.Break; k++)
            {
                var length = lexicon.JoyNouns.MatchAt(tokens, k);
                if (length > 0)
                {
                    analysis.Add(ItemSignal.Compersion, TheirJoy, subject, k + length - 1);
                    return true;
                }

                length = lexicon.GoodNews.MatchAt(tokens, k);
                if (length > 0)
                {
                    analysis.Add(ItemSignal.Compersion, GoodNews, subject, k + length - 1);
                    return true;
                }
            }
        }

        // The rest of the sentence: a clause joined by a comma or "when" still tells of the same person. The next person
        // takes over from there (the search starts again from them), so every word is read once per item: linear time.
        for (var k = subject + 1; k < tokens.Count; k++)
        {
            var token = tokens[k];
            if (token.Kind == TokenKind.Break || (IsNegation(token) && !NegatesAStop(tokens, k)) || lexicon.FirstPerson.Contains(token))
            {
                return false;
            }

            if (k > subject + 1 && IsSubject(analysis, k))
            {
                return false;
            }

            if (k > subject + 1 && lexicon.JoyFrames.Contains(tokens[k - 1]) && lexicon.JoyNouns.MatchAt(tokens, k) is var described and > 0)
            {
                AddFromSubject(analysis, JoyDescribed, subject, k - 1, k + described - 1);
                return true;
            }

            // Right after a possessive a word is a noun: "her love" is not "she loved".
            var length = k == subject + 1 && possessive ? 0 : lexicon.JoyVerbs.MatchAt(tokens, k);
            if (length > 0 && !(k + length < tokens.Count && lexicon.FirstPerson.Contains(tokens[k + length])))
            {
                AddFromSubject(analysis, JoyVerb, subject, k, k + length - 1);
                return true;
            }

            length = lexicon.JoyAdjectives.MatchAt(tokens, k);
            if (length > 0 && FollowsLinkOrSubject(tokens, subject, k))
            {
                AddFromSubject(analysis, JoyfulState, subject, k, k + length - 1);
                return true;
            }

            // "My daughter proudly showed me her drawing", "Meine Tochter hat stolz ihr Bild gezeigt": joy in how they did it.
            length = lexicon.JoyManner.MatchAt(tokens, k);
            if (length > 0)
            {
                AddFromSubject(analysis, JoyVerb, subject, k, k + length - 1);
                return true;
            }

            if (lexicon.AchievementVerbs.Contains(token) && AchievementAfter(tokens, k) is var achievement and > 0)
            {
                AddFromSubject(analysis, GoodNews, subject, k, k, achievement);
                return true;
            }

            if (token.Lower is "had" or "has" or "have" or "having" && GoodTimeAfter(tokens, k) is var experience and > 0)
            {
                AddFromSubject(analysis, GoodTime, subject, k, k, experience);
                return true;
            }
        }

        return false;
    }

    // The person, then the joyful words from first to last (with an extra word in between when given: "landed … job").
    private static void AddFromSubject(ItemAnalysis analysis, string rule, int subject, int first, int last, int? extra = null)
    {
        var positions = new List<int> { subject };
        positions.AddRange(Enumerable.Range(first, last - first + 1));
        if (extra is { } position && position > last)
        {
            positions.Add(position);
        }

        analysis.Add(ItemSignal.Compersion, rule, [.. positions]);
    }

    // "could not stop grinning", "no paraba de reír", "n'arrêtait pas de rire": the negation is of the stopping, not of the joy.
    private static bool NegatesAStop(List<Token> tokens, int negation)
    {
        var stops = Lexicon.Shared.StopVerbs;
        return (negation > 0 && stops.Contains(tokens[negation - 1]))
            || (negation + 1 < tokens.Count && stops.Contains(tokens[negation + 1]))
            || (negation + 2 < tokens.Count && stops.Contains(tokens[negation + 2]));
    }

    // "the smile on my son's face", "le sourire de ma fille", "das Lachen meiner Tochter": a joy noun, then its owner.
    private static bool JoyOfAt(ItemAnalysis analysis, int k)
    {
        var lexicon = Lexicon.Shared;
        var tokens = analysis.Tokens;
        var length = lexicon.JoyNouns.MatchAt(tokens, k);
        if (length == 0 || (k > 0 && (lexicon.FirstPerson.Contains(tokens[k - 1]) || IsWritersPossessive(tokens[k - 1]))))
        {
            return false;
        }

        for (var j = k + length; j < tokens.Count && j <= k + length + PossessiveWindow; j++)
        {
            var token = tokens[j];
            if (IsSubject(analysis, j) && !lexicon.PossessivePronouns.Contains(token))
            {
                analysis.Add(ItemSignal.Compersion, TheirJoy, k, j);
                return true;
            }

            if (!lexicon.JoyOf.Contains(token) && !SocialSignal.IsPossessive(token))
            {
                return false;
            }
        }

        return false;
    }

    // "my joy", "mon bonheur": the writer's own.
    private static bool IsWritersPossessive(Token token) =>
        SocialSignal.IsPossessive(token) && !token.Possessive && !Lexicon.Shared.ThirdPerson.Contains(token) && !Lexicon.Shared.PossessivePronouns.Contains(token);

    /// <summary>
    /// Japanese: a relationship word, then one of the words of someone else's joy later in the item (嬉しそう, 笑顔, 合格),
    /// with no word for the writer between them and no negative ending straight after.
    /// </summary>
    private static bool FindUnspaced(ItemAnalysis analysis)
    {
        var lexicon = Lexicon.Shared;
        var item = analysis.Item;
        if (!item.Any(SocialSignal.IsIdeographOrKana))
        {
            return false;
        }

        var person = -1;
        var who = string.Empty;
        foreach (var relation in lexicon.UnspacedRelations)
        {
            var at = item.IndexOf(relation, StringComparison.Ordinal);
            if (at >= 0 && (person < 0 || at < person))
            {
                person = at;
                who = relation;
            }
        }

        if (person < 0)
        {
            return false;
        }

        foreach (var joy in lexicon.UnspacedJoy)
        {
            var at = item.IndexOf(joy, person + 1, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var between = item.Substring(person, at - person);
            var after = item.Substring(at + joy.Length, Math.Min(6, item.Length - at - joy.Length));
            if (lexicon.UnspacedFirstPerson.Any(word => between.Contains(word, StringComparison.Ordinal))
                || lexicon.UnspacedNegations.Any(word => after.Contains(word, StringComparison.Ordinal)))
            {
                continue;
            }

            analysis.Matches.Add(new SignalMatch(ItemSignal.Compersion, TheirJoy, [who, joy]));
            return true;
        }

        return false;
    }

    // "happy for Sam", "so proud of my sister".
    private static bool HappyForAt(ItemAnalysis analysis, int k)
    {
        var lexicon = Lexicon.Shared;
        var tokens = analysis.Tokens;
        var length = lexicon.ForAdjectives.MatchAt(tokens, k);
        if (length == 0 || k + length >= tokens.Count)
        {
            return false;
        }

        var preposition = tokens[k + length].Lower;
        if (preposition != "for" && !(preposition == "of" && tokens[k].Lower == "proud"))
        {
            return false;
        }

        var before = k - 1;
        while (before >= 0 && lexicon.Intensifiers.Contains(tokens[before]))
        {
            before--;
        }

        if (before >= 0 && IsNegation(tokens[before]))
        {
            return false;
        }

        for (var j = k + length + 1; j < tokens.Count && j <= k + length + PossessiveWindow; j++)
        {
            if (tokens[j].Kind == TokenKind.Break || lexicon.FirstPerson.Contains(tokens[j]))
            {
                return false;
            }

            if (IsSubject(analysis, j))
            {
                analysis.Add(ItemSignal.Compersion, HappyFor, k, j);
                return true;
            }
        }

        return false;
    }

    // "how happy my sister is", "how proud he was".
    private static bool HowHappyAt(ItemAnalysis analysis, int k)
    {
        var lexicon = Lexicon.Shared;
        var tokens = analysis.Tokens;
        if (tokens[k].Lower != "how")
        {
            return false;
        }

        var j = k + 1;
        while (j < tokens.Count && lexicon.Intensifiers.Contains(tokens[j]))
        {
            j++;
        }

        var length = j < tokens.Count ? lexicon.JoyAdjectives.MatchAt(tokens, j) : 0;
        if (length == 0)
        {
            return false;
        }

        for (var person = j + length; person < tokens.Count && person <= j + length + PossessiveWindow; person++)
        {
            if (tokens[person].Kind == TokenKind.Break || lexicon.FirstPerson.Contains(tokens[person]))
            {
                return false;
            }

            if (IsSubject(analysis, person))
            {
                analysis.Add(ItemSignal.Compersion, JoyfulState, k, person);
                return true;
            }
        }

        return false;
    }

    // An adjective of joy right after the person ("my friend so happy") or after a linking verb ("was so proud").
    private static bool FollowsLinkOrSubject(List<Token> tokens, int subject, int adjective)
    {
        var lexicon = Lexicon.Shared;
        var before = adjective - 1;
        while (before > subject && lexicon.Intensifiers.Contains(tokens[before]))
        {
            before--;
        }

        return before == subject || lexicon.LinkingVerbs.Contains(tokens[before]);
    }

    // "landed the job", "passed her driving test": the achievement's position, or 0.
    private static int AchievementAfter(List<Token> tokens, int verb)
    {
        var lexicon = Lexicon.Shared;
        for (var j = verb + 1; j < tokens.Count && j <= verb + ObjectWindow; j++)
        {
            var token = tokens[j];
            if (token.Kind == TokenKind.Break || IsNegation(token) || lexicon.FirstPerson.Contains(token))
            {
                return 0;
            }

            if (lexicon.Achievements.Contains(token))
            {
                return j;
            }
        }

        return 0;
    }

    // "had a wonderful date", "had the best time": the experience's last position, or 0.
    private static int GoodTimeAfter(List<Token> tokens, int had)
    {
        var lexicon = Lexicon.Shared;
        var j = had + 1;
        while (j < tokens.Count && Determiners.Contains(tokens[j].Lower))
        {
            j++;
        }

        var adjectives = 0;
        while (j < tokens.Count && (lexicon.PositiveAdjectives.Contains(tokens[j]) || lexicon.Intensifiers.Contains(tokens[j])))
        {
            // "had so much fun", "had such a blast"
            if (tokens[j].Lower is "fun" or "blast" or "ball")
            {
                return j;
            }

            adjectives += lexicon.PositiveAdjectives.Contains(tokens[j]) ? 1 : 0;
            j++;
        }

        if (j < tokens.Count && tokens[j].Lower is "blast" or "ball")
        {
            return j;
        }

        if (adjectives == 0 || j >= tokens.Count)
        {
            return 0;
        }

        var length = lexicon.Experiences.MatchAt(tokens, j);
        return length > 0 ? j + length - 1 : 0;
    }

    private static bool IsNegation(Token token) => token.Negated || Lexicon.Shared.Negations.Contains(token);
}
