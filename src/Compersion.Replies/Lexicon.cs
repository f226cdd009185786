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

        LexiconFile[] vague = [.. SpacedLanguages.Select(language => LexiconFile.Load($"vague-{language}.txt"))];
        VagueLeadIn = Union(vague, "lead-in");
        VagueNouns = Union(vague, "nouns");
        VagueFillers = Union(vague, "fillers");

        // Every language's file has the sections of the English one (some leave a few out); each list is their union.
        LexiconFile[] joy = [.. SpacedLanguages.Select(language => LexiconFile.Load($"compersion-{language}.txt"))];
        JoyVerbs = Union(joy, "joy-verbs");
        AchievementVerbs = Union(joy, "achievement-verbs");
        Achievements = Union(joy, "achievements");
        LinkingVerbs = Union(joy, "linking-verbs");
        JoyAdjectives = Union(joy, "joy-adjectives");
        Intensifiers = Union(joy, "intensifiers");
        PositiveAdjectives = Union(joy, "positive-adjectives");
        Experiences = Union(joy, "experiences");
        JoyNouns = Union(joy, "joy-nouns");
        GoodNews = Union(joy, "good-news");
        ForAdjectives = Union(joy, "for-adjectives");
        Negations = Union(joy, "negations");
        FirstPerson = Union(joy, "first-person");
        PossessivePronouns = Union(joy, "possessive-pronouns");
        ThirdPerson = Union(joy, "third-person");
        StopVerbs = Union(joy, "stop-verbs");
        JoyFrames = Union(joy, "joy-frames");
        JoyOf = Union(joy, "joy-of");
        JoyManner = Union(joy, "joy-manner");

        var japanese = LexiconFile.Load("compersion-ja.txt");
        UnspacedJoy = [.. japanese.Section("joy").OrderByDescending(entry => entry.Length)];
        UnspacedFirstPerson = [.. japanese.Section("first-person")];
        UnspacedNegations = [.. japanese.Section("negations")];
        var japaneseVague = LexiconFile.Load("vague-ja.txt");
        UnspacedVagueNouns = [.. japaneseVague.Section("nouns").Concat(UnspacedRelations).OrderByDescending(entry => entry.Length)];
        UnspacedVagueFillers = [.. japaneseVague.Section("fillers").OrderByDescending(entry => entry.Length)];

        var greetings = LexiconFile.Load("greetings.txt");
        Greetings = greetings.Section("greetings").Select(entry => entry.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        Openers = greetings.Section("openers").Select(entry => entry.ToLowerInvariant()).ToArray();
        BeforeName = greetings.Section("before-name").Select(entry => entry.ToLowerInvariant()).ToArray();
        LeadInWords = greetings.Words("lead-in-words");
        WishOpeners = Phrases(greetings, "wish-openers");
        WishTimes = Phrases(greetings, "wish-times");
        Thanks = Phrases(greetings, "thanks");
        ThanksFor = greetings.Section("thanks-for").ToHashSet(StringComparer.Ordinal);
        ThisMail = greetings.Section("this-mail").ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The languages written with spaces whose Vague and Compersion words are read (<c>vague-xx.txt</c>, <c>compersion-xx.txt</c>).</summary>
    public static IReadOnlyList<string> SpacedLanguages { get; } = ["en", "de", "fr", "es", "it", "pt", "nl"];

    /// <summary>The one instance, loaded on first use.</summary>
    public static Lexicon Shared { get; } = new();

    /// <summary>Third-person pronouns and possessives the joy can belong to ("she", "his", "elle", "ihre").</summary>
    public WordSet ThirdPerson { get; }

    /// <summary>Verbs a negation before them does not negate the joy of ("could not stop grinning").</summary>
    public WordSet StopVerbs { get; }

    /// <summary>Words after which a joy noun stands for someone's joy on its own ("pure delight", "with pride").</summary>
    public WordSet JoyFrames { get; }

    /// <summary>Words allowed between a joy noun and its owner ("the smile of my daughter", "le sourire de ma fille").</summary>
    public WordSet JoyOf { get; }

    /// <summary>Japanese words of someone else's joy (嬉しそう, 笑顔, 合格), longest first, found inside unspaced text.</summary>
    public IReadOnlyList<string> UnspacedJoy { get; }

    /// <summary>Japanese words for the writer (私, 僕).</summary>
    public IReadOnlyList<string> UnspacedFirstPerson { get; }

    /// <summary>Japanese negative endings (なかった, じゃない).</summary>
    public IReadOnlyList<string> UnspacedNegations { get; }

    /// <summary>Japanese generic nouns (家族, 健康) and relationship words, longest first.</summary>
    public IReadOnlyList<string> UnspacedVagueNouns { get; }

    /// <summary>Japanese particles and openings that add no detail (の, と, に感謝), longest first.</summary>
    public IReadOnlyList<string> UnspacedVagueFillers { get; }

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

    /// <summary>How a well-wish opens ("have a", "schönen", "que tengas un"), as lower-case words, longest first.</summary>
    public IReadOnlyList<string[]> WishOpeners { get; }

    /// <summary>The times a well-wish names ("evening", "weekend", "fin de semana"), as lower-case words.</summary>
    public IReadOnlyList<string[]> WishTimes { get; }

    /// <summary>How a thank-you opens ("thanks", "thank you so much", "vielen dank"), as lower-case words, longest first.</summary>
    public IReadOnlyList<string[]> Thanks { get; }

    /// <summary>The word for "for" after a thank-you ("for", "für", "por").</summary>
    public IReadOnlySet<string> ThanksFor { get; }

    /// <summary>What a thank-you to us ends with: the mail, the prompt, the habit ("reminder", "Erinnerung", "these").</summary>
    public IReadOnlySet<string> ThisMail { get; }

    private static string[][] Phrases(LexiconFile file, string section) =>
        [.. file.Section(section).Select(entry => entry.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)).OrderByDescending(words => words.Length)];

    /// <summary>Words of pride or joy telling how someone did something ("proudly", "stolz", "fièrement").</summary>
    public WordSet JoyManner { get; }

    private static WordSet Union(IEnumerable<LexiconFile> files, string section) =>
        new(files.Where(file => file.Has(section)).SelectMany(file => file.Section(section)));
}
