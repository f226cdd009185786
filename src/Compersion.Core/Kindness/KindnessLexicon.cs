using Compersion.Replies;

namespace Compersion.Core.Kindness;

/// <summary>The word lists behind <see cref="ActClassifier"/>, read once from <c>Kindness/Lexicon/kindness-en.txt</c>.</summary>
internal sealed class KindnessLexicon
{
    /// <summary>Weight of a cue that names the kind of act or the recipient.</summary>
    public const int Strong = 3;

    /// <summary>Weight of a cue that only hints at it.</summary>
    public const int Weak = 1;

    private const string ResourcePrefix = "Compersion.Core.Kindness.Lexicon.";

    private KindnessLexicon()
    {
        var file = LexiconFile.Load(typeof(KindnessLexicon).Assembly, ResourcePrefix, "kindness-en.txt");
        Categories = [.. KindnessNames.Categories.SelectMany(category => Cues(file, "category:" + KindnessNames.Name(category), category))];
        Recipients = [.. KindnessNames.Recipients.SelectMany(recipient => Cues(file, "recipient:" + KindnessNames.Name(recipient), recipient))];
        Beneficiary = file.Words("beneficiary");
        Modifiers = file.Words("modifiers");
        Partner = file.Words("recipient:partner");
    }

    /// <summary>The one instance, loaded on first use.</summary>
    public static KindnessLexicon Shared { get; } = new();

    /// <summary>Category cues, strong before weak, in category order.</summary>
    public IReadOnlyList<Cue<KindCategory>> Categories { get; }

    /// <summary>Recipient cues, strong before weak, in recipient order.</summary>
    public IReadOnlyList<Cue<KindRecipient>> Recipients { get; }

    /// <summary>Words that introduce the one an act is for: "for", "to".</summary>
    public WordSet Beneficiary { get; }

    /// <summary>Words that may stand between a beneficiary word and the one meant ("for my elderly neighbour").</summary>
    public WordSet Modifiers { get; }

    /// <summary>Partner words, for the metamour grammar ("my wife's girlfriend").</summary>
    public WordSet Partner { get; }

    private static IEnumerable<Cue<T>> Cues<T>(LexiconFile file, string section, T value)
    {
        yield return new Cue<T>(value, file.Words(section), Strong);
        if (file.Has(section + ":weak"))
        {
            yield return new Cue<T>(value, file.Words(section + ":weak"), Weak);
        }
    }

    /// <summary>One section of cues.</summary>
    /// <param name="Value">The category or recipient the cue points to.</param>
    /// <param name="Words">The words and phrases.</param>
    /// <param name="Weight"><see cref="Strong"/> or <see cref="Weak"/>.</param>
    internal sealed record Cue<T>(T Value, WordSet Words, int Weight);
}
