namespace Compersion.Replies;

/// <summary>Every word list the reply rules use, read once from the embedded <c>Lexicon/*.txt</c> files.</summary>
/// <remarks>The lists are data so they can grow without touching the rules; see <c>docs/signals.md</c>.</remarks>
internal sealed class Lexicon
{
    private Lexicon()
    {
        var english = LexiconFile.Load("social-en.txt");
        var german = LexiconFile.Load("social-de.txt");
        var spanish = LexiconFile.Load("social-es.txt");
        var french = LexiconFile.Load("social-fr.txt");
        LexiconFile[] languages = [english, german, spanish, french, LexiconFile.Load("social-it.txt"), LexiconFile.Load("social-pt.txt"), LexiconFile.Load("social-nl.txt")];
        UnspacedRelations = [.. LexiconFile.Load("social-ja.txt").Section("relations").OrderByDescending(entry => entry.Length)];
        Relations = new WordSet(languages.SelectMany(file => file.Section("relations")));
        PossessiveDeterminers = new WordSet(languages.SelectMany(file => file.Section("possessive-determiners")));
        AfterPossessive = new WordSet(languages.Where(file => file.Has("after-possessive")).SelectMany(file => file.Section("after-possessive")));
        Pronouns = english.Words("pronouns");
        SentenceStartPronouns = english.Words("sentence-start-pronouns");
        Titles = english.Words("titles");
        PersonVerbs = english.Words("person-verbs");

        var names = LexiconFile.Load("given-names.txt");
        GivenNames = names.Words("given-names");
        NamesThatAreWords = names.Words("also-words");
        var notNames = LexiconFile.Load("not-names.txt");
        NotNames = notNames.Words("not-names");
        FunctionWords = notNames.Words("function-words");
        GermanMarkers = notNames.Words("german-markers");
        PlaceBefore = notNames.Words("place-before");
        PlaceAfter = notNames.Words("place-after");
        Pets = notNames.Words("pets");

        var vague = LexiconFile.Load("vague-en.txt");
        VagueLeadIn = vague.Words("lead-in");
        VagueNouns = vague.Words("nouns");
        VagueFillers = vague.Words("fillers");

        var joy = LexiconFile.Load("compersion-en.txt");
        JoyVerbs = joy.Words("joy-verbs");
        AchievementVerbs = joy.Words("achievement-verbs");
        Achievements = joy.Words("achievements");
        LinkingVerbs = joy.Words("linking-verbs");
        JoyAdjectives = joy.Words("joy-adjectives");
        Intensifiers = joy.Words("intensifiers");
        PositiveAdjectives = joy.Words("positive-adjectives");
        Experiences = joy.Words("experiences");
        JoyNouns = joy.Words("joy-nouns");
        GoodNews = joy.Words("good-news");
        ForAdjectives = joy.Words("for-adjectives");
        Negations = joy.Words("negations");
        FirstPerson = joy.Words("first-person");
        PossessivePronouns = joy.Words("possessive-pronouns");

        var greetings = LexiconFile.Load("greetings.txt");
        Greetings = greetings.Section("greetings").Select(entry => entry.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        Openers = greetings.Section("openers").Select(entry => entry.ToLowerInvariant()).ToArray();
        BeforeName = greetings.Section("before-name").Select(entry => entry.ToLowerInvariant()).ToArray();
        LeadInWords = greetings.Words("lead-in-words");
    }

    /// <summary>The one instance, loaded on first use.</summary>
    public static Lexicon Shared { get; } = new();

    /// <summary>Relationship words of languages written without spaces (Japanese, Chinese), longest first, found inside words.</summary>
    public IReadOnlyList<string> UnspacedRelations { get; }

    /// <summary>Words a place name follows ("Calle", "Rue", "Piazza").</summary>
    public WordSet PlaceBefore { get; }

    /// <summary>Words a place name precedes ("park", "street").</summary>
    public WordSet PlaceAfter { get; }

    /// <summary>Animal words a pet's name follows ("my dog Biscuit").</summary>
    public WordSet Pets { get; }

    /// <summary>Relationship and person words in English, German, Spanish and French.</summary>
    public WordSet Relations { get; }

    /// <summary>"my", "our", "mein", "mi", "mon" …</summary>
    public WordSet PossessiveDeterminers { get; }

    /// <summary>Words that name a person only after a possessive ("my date").</summary>
    public WordSet AfterPossessive { get; }

    /// <summary>Pronouns that always mean a person ("she", "him").</summary>
    public WordSet Pronouns { get; }

    /// <summary>Pronouns that mean a person when they open a sentence ("They").</summary>
    public WordSet SentenceStartPronouns { get; }

    /// <summary>Titles before a name ("Dr", "Mrs").</summary>
    public WordSet Titles { get; }

    /// <summary>Verbs that make a capitalised sentence opener a name ("Xiomara brought …").</summary>
    public WordSet PersonVerbs { get; }

    /// <summary>Common given names.</summary>
    public WordSet GivenNames { get; }

    /// <summary>Given names that are also lower-case words ("robin").</summary>
    public WordSet NamesThatAreWords { get; }

    /// <summary>Capitalised words that are not people: days, places, brands …</summary>
    public WordSet NotNames { get; }

    /// <summary>Common English words, never names.</summary>
    public WordSet FunctionWords { get; }

    /// <summary>Words that mark an item as German.</summary>
    public WordSet GermanMarkers { get; }

    /// <summary>Openings skipped before judging vagueness ("I'm grateful for").</summary>
    public WordSet VagueLeadIn { get; }

    /// <summary>Generic nouns ("family", "health").</summary>
    public WordSet VagueNouns { get; }

    /// <summary>Words that add no detail ("my", "the", "all").</summary>
    public WordSet VagueFillers { get; }

    /// <summary>Verbs of joy ("laughed", "got engaged").</summary>
    public WordSet JoyVerbs { get; }

    /// <summary>Verbs that are good news with an achievement ("landed", "passed").</summary>
    public WordSet AchievementVerbs { get; }

    /// <summary>Achievements ("job", "exam").</summary>
    public WordSet Achievements { get; }

    /// <summary>Linking verbs ("was", "looked").</summary>
    public WordSet LinkingVerbs { get; }

    /// <summary>Adjectives of joy ("thrilled", "over the moon").</summary>
    public WordSet JoyAdjectives { get; }

    /// <summary>Words skipped between a verb and an adjective ("so", "really").</summary>
    public WordSet Intensifiers { get; }

    /// <summary>Adjectives of a good time ("wonderful").</summary>
    public WordSet PositiveAdjectives { get; }

    /// <summary>Things one has a good time at ("date", "trip").</summary>
    public WordSet Experiences { get; }

    /// <summary>Nouns of joy after a possessive ("her smile").</summary>
    public WordSet JoyNouns { get; }

    /// <summary>Good news after a possessive ("Sam's promotion").</summary>
    public WordSet GoodNews { get; }

    /// <summary>Adjectives in "happy for" / "proud of".</summary>
    public WordSet ForAdjectives { get; }

    /// <summary>Negations ("not", "never").</summary>
    public WordSet Negations { get; }

    /// <summary>The writer ("I", "me", "we").</summary>
    public WordSet FirstPerson { get; }

    /// <summary>"her", "his", "their".</summary>
    public WordSet PossessivePronouns { get; }

    /// <summary>Whole lines that are greetings or closings, lower case.</summary>
    public IReadOnlySet<string> Greetings { get; }

    /// <summary>Salutations that may be followed by any few words ("Dear …").</summary>
    public IReadOnlyList<string> Openers { get; }

    /// <summary>Greetings and sign-offs that may be followed by a name ("Hi Sam", "Love, Alex").</summary>
    public IReadOnlyList<string> BeforeName { get; }

    /// <summary>Words that mark an opening up to a colon as a lead-in ("Today I'm grateful for:").</summary>
    public WordSet LeadInWords { get; }
}
