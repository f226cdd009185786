using Compersion.Core.Kindness;

namespace Compersion.Core.Tests.Kindness;

public sealed class IdeaCatalogTests
{
    private const string Header = "# category\trecipient\teffort\tcost\tsetting\ttext\n";

    [Fact]
    public void Shipped_Catalog_ValidatesAndHasEnoughIdeasForEverySensiblePair()
    {
        var catalog = IdeaCatalog.Shipped;

        Assert.True(catalog.Ideas.Count >= IdeaCatalog.MinimumIdeas, $"{catalog.Ideas.Count} ideas");
        Assert.All(KindnessPairs.All, pair => Assert.True(
            catalog.Where(pair.Category, pair.Recipient).Count() >= IdeaCatalog.MinimumPerPair,
            $"{pair.Category} for {pair.Recipient}"));
        Assert.All(catalog.Ideas, idea => Assert.True(KindnessPairs.IsSensible(idea.Category, idea.Recipient), idea.Text));
        Assert.Equal(catalog.Ideas.Count, catalog.Ideas.Select(idea => idea.Id).Distinct().Count());
    }

    [Fact]
    public void Shipped_Catalog_MixesEffortCostAndSetting()
    {
        var ideas = IdeaCatalog.Shipped.Ideas;

        Assert.All([1, 2, 3], effort => Assert.Contains(ideas, idea => idea.Effort == effort));
        Assert.All(Enum.GetValues<IdeaCost>(), cost => Assert.Contains(ideas, idea => idea.Cost == cost));
        Assert.All(Enum.GetValues<IdeaSetting>(), setting => Assert.Contains(ideas, idea => idea.Setting == setting));
        Assert.True(ideas.Count(idea => idea.Cost == IdeaCost.Free) > ideas.Count / 2, "Most ideas should cost nothing.");
    }

    [Fact]
    public void Find_IdOfAnIdea_GivesThatIdea()
    {
        var idea = IdeaCatalog.Shipped.Ideas[42];

        var found = IdeaCatalog.Shipped.Find(idea.Id);

        Assert.Same(idea, found);
        Assert.Null(IdeaCatalog.Shipped.Find("00000000"));
    }

    [Fact]
    public void TryParse_ValidLines_ReadsEveryColumn()
    {
        var text = Header + string.Concat(KindnessPairs.All.SelectMany(pair => Enumerable.Range(1, 3).Select(i =>
            $"{KindnessNames.Name(pair.Category)}\t{KindnessNames.Name(pair.Recipient)}\t{i}\tsmall\tonline\tIdea {i} of {KindnessNames.Name(pair.Category)} for {KindnessNames.Name(pair.Recipient)}\n")));

        var parsed = IdeaCatalog.TryParse(text, 1, out var catalog, out var errors);

        Assert.True(parsed, string.Join("; ", errors));
        Assert.Equal(KindnessPairs.All.Count * 3, catalog!.Ideas.Count);
        var first = catalog.Ideas[0];
        Assert.Equal((KindCategory.Words, KindRecipient.Partner, 1, IdeaCost.Small, IdeaSetting.Online, "Idea 1 of words for partner"), (first.Category, first.Recipient, first.Effort, first.Cost, first.Setting, first.Text));
    }

    [Theory]
    [InlineData("hugs\tpartner\t1\tfree\thome\tHug them", "line 2: unknown category 'hugs'")]
    [InlineData("words\tpenpal\t1\tfree\thome\tWrite to them", "line 2: unknown recipient 'penpal'")]
    [InlineData("words\tpartner\t4\tfree\thome\tWrite a poem", "line 2: effort must be 1, 2 or 3, not '4'")]
    [InlineData("words\tpartner\t1\tpriceless\thome\tWrite a poem", "line 2: cost must be free, small or some, not 'priceless'")]
    [InlineData("words\tpartner\t1\tfree\tmoon\tWrite a poem", "line 2: setting must be home, work, public or online, not 'moon'")]
    [InlineData("words\tpartner\t1\tfree\thome", "line 2: 5 columns, expected 6 (category, recipient, effort, cost, setting, text) separated by tabs")]
    [InlineData("words\tanimal\t1\tfree\thome\tTell the cat it is clever", "line 2: words for animal is not a pair the catalog holds")]
    [InlineData("words\tpartner\t1\tfree\thome\t   ", "line 2: the idea has no text")]
    public void TryParse_BadLine_NamesTheLineAndTheProblem(string line, string expected)
    {
        var parsed = IdeaCatalog.TryParse(Header + line + "\n", 0, out var catalog, out var errors);

        Assert.False(parsed);
        Assert.Null(catalog);
        Assert.Contains(expected, errors);
    }

    [Fact]
    public void TryParse_SameIdeaTwiceInOtherCaseAndSpacing_IsADuplicate()
    {
        var text = Header + "words\tpartner\t1\tfree\thome\tWrite them a note\nwords\tfriend\t1\tfree\thome\twrite  THEM a note\n";

        IdeaCatalog.TryParse(text, 0, out _, out var errors);

        Assert.Contains("line 3: the same idea as line 2", errors);
    }

    [Fact]
    public void TryParse_PairWithTooFewIdeas_SaysWhichPair()
    {
        var text = Header + "food\tanimal\t1\tfree\tpublic\tFill the bird bath\nfood\tanimal\t1\tfree\tpublic\tScatter seed\n";

        IdeaCatalog.TryParse(text, 0, out _, out var errors);

        Assert.Contains("food for animal has 2 ideas; at least 3 are needed", errors);
        Assert.Contains("words for partner has 0 ideas; at least 3 are needed", errors);
    }

    [Fact]
    public void TryParse_FewerThanTheMinimum_Fails()
    {
        IdeaCatalog.TryParse(Header, 300, out _, out var errors);

        Assert.Contains("0 ideas in all; at least 300 are needed", errors);
    }
}
