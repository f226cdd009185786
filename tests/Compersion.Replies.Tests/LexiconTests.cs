namespace Compersion.Replies.Tests;

public sealed class LexiconTests
{
    [Fact]
    public void Shared_EveryEmbeddedList_LoadsWithEntries()
    {
        var lexicon = Lexicon.Shared;

        Assert.True(lexicon.Relations.Contains("partner", "partner"));
        Assert.True(lexicon.GivenNames.Contains("Priya", "priya"));
        Assert.True(lexicon.NotNames.Contains("Monday", "monday"));
        Assert.True(lexicon.VagueNouns.Contains("health", "health"));
        Assert.True(lexicon.JoyAdjectives.Contains("thrilled", "thrilled"));
        Assert.Contains("thanks", lexicon.Greetings);
    }

    [Fact]
    public void Relations_CapitalisedGermanEntry_MatchesOnlyAsWritten()
    {
        var relations = Lexicon.Shared.Relations;

        Assert.True(relations.Contains("Kind", "kind"));
        Assert.False(relations.Contains("kind", "kind"));
    }

    [Fact]
    public void GivenNames_HasAFewHundredNames()
    {
        var names = LexiconFile.Load("given-names.txt").Section("given-names");

        Assert.True(names.Count >= 300, $"{names.Count} names");
    }

    [Fact]
    public void Parse_EntriesBeforeASection_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => LexiconFile.Parse("broken.txt", "word\n[section]\nother"));
    }

    [Fact]
    public void Parse_CommentsCommasAndBlankLines_GiveTrimmedEntries()
    {
        var file = LexiconFile.Parse("test.txt", "# comment\n[words]\n a, b ,\n\nc d\n# more\n[other]\ne");

        Assert.Equal(["a", "b", "c d"], file.Section("words"));
        Assert.Equal(["e"], file.Section("other"));
        Assert.Throws<InvalidOperationException>(() => file.Section("missing"));
    }

    [Fact]
    public void Load_MissingFile_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => LexiconFile.Load("missing.txt"));
    }
}
