using Compersion.Core.Kindness;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Kindness;

public sealed class VarietyTests
{
    [Fact]
    public void Evenness_HandComputedCase_MatchesTheFormula()
    {
        // p = 1/2, 1/4, 1/4: H = 1.0397; n = 4 → ceiling ln 4 = 1.3863; J = 0.75.
        var evenness = Variety.Evenness([KindCategory.Words, KindCategory.Words, KindCategory.Help, KindCategory.Food], 8);

        Assert.Equal(0.75, evenness, 6);
    }

    [Fact]
    public void Evenness_MoreActsThanValues_IsNormalisedByTheNumberOfValues()
    {
        // Nine recipients, 18 acts, two of each: as even as it gets.
        var evenness = Variety.Evenness(KindnessNames.Recipients.Concat(KindnessNames.Recipients), 9);

        Assert.Equal(1.0, evenness, 6);
    }

    [Fact]
    public void Evenness_HandComputedUnevenCase_MatchesTheFormula()
    {
        // Three kinds over 10 acts (6, 3, 1): H = 0.8979; ceiling ln 3 = 1.0986; J = 0.8173.
        var values = Enumerable.Repeat("a", 6).Concat(Enumerable.Repeat("b", 3)).Append("c");

        var evenness = Variety.Evenness(values, 3);

        Assert.Equal(0.8173, evenness, 4);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Evenness_FewerThanTwoValues_IsZero(int count)
    {
        var evenness = Variety.Evenness(Enumerable.Repeat(KindCategory.Help, count), 8);

        Assert.Equal(0, evenness);
    }

    [Fact]
    public void Evenness_AllAlike_IsZero()
    {
        var evenness = Variety.Evenness(Enumerable.Repeat(KindRecipient.Partner, 5), 9);

        Assert.Equal(0, evenness);
    }

    [Fact]
    public void Measure_RecentActs_CountsDistinctPairsAndIgnoresUnclassified()
    {
        var acts = new[]
        {
            Act("2026-11-01", KindCategory.Words, KindRecipient.Partner),
            Act("2026-11-03", KindCategory.Words, KindRecipient.Friend),
            Act("2026-11-05", KindCategory.Unclassified, KindRecipient.Unclassified),
            Act("2026-11-08", KindCategory.Food, KindRecipient.Friend),
            Act("2026-11-10", KindCategory.Words, KindRecipient.Partner),
        };

        var report = Variety.Measure(acts);

        Assert.Equal((5, 4, 3), (report.Acts, report.Classified, report.DistinctPairs));
        Assert.Equal(Variety.Evenness([KindCategory.Words, KindCategory.Words, KindCategory.Food, KindCategory.Words], 8), report.CategoryEvenness);
        // Partner, friend, friend, partner: two of each, but four acts could have gone to four people: ln 2 / ln 4.
        Assert.Equal(0.5, report.RecipientEvenness, 6);
        Assert.Null(report.Repeat);
    }

    [Fact]
    public void Measure_LatestActRepeatsThePrevious_NamesTheRepeat()
    {
        var acts = new[]
        {
            Act("2026-11-01", KindCategory.Food, KindRecipient.Friend),
            Act("2026-11-08", KindCategory.Help, KindRecipient.Neighbour),
            Act("2026-11-15", KindCategory.Help, KindRecipient.Neighbour),
        };

        var report = Variety.Measure(acts);

        Assert.Equal(acts[2], report.Repeat);
    }

    [Fact]
    public void Measure_SameCategoryOtherRecipient_IsNoRepeat()
    {
        var report = Variety.Measure([Act("2026-11-08", KindCategory.Help, KindRecipient.Neighbour), Act("2026-11-15", KindCategory.Help, KindRecipient.Family)]);

        Assert.Null(report.Repeat);
    }

    [Fact]
    public void Recent_ManyActsInEightWeeks_IsEveryActOfTheWindow()
    {
        var acts = Enumerable.Range(0, 20).Select(i => Act(Iso(Date("2026-09-01").PlusDays(i * 5)), KindCategory.Help, KindRecipient.Friend)).ToList();

        var recent = Variety.Recent(acts, Date("2026-11-30"));

        // The window is 2026-10-06 to 2026-11-30: acts on 10-06, 10-11 … 11-30.
        Assert.Equal(Date("2026-10-06"), recent[0].Date);
        Assert.Equal(12, recent.Count);
    }

    [Fact]
    public void Recent_FewActsInEightWeeks_IsTheLastEightWhenever()
    {
        var acts = Enumerable.Range(0, 12).Select(i => Act(Iso(Date("2025-01-01").PlusMonths(i)), KindCategory.Help, KindRecipient.Friend)).ToList();

        var recent = Variety.Recent(acts, Date("2026-11-30"));

        Assert.Equal(8, recent.Count);
        Assert.Equal(acts[4..], recent);
    }

    [Fact]
    public void Recent_ActsAfterTheDate_AreIgnored()
    {
        var acts = new[] { Act("2026-11-01", KindCategory.Help, KindRecipient.Friend), Act("2026-12-01", KindCategory.Food, KindRecipient.Friend) };

        var recent = Variety.Recent(acts, Date("2026-11-30"));

        Assert.Equal([acts[0]], recent);
    }

    private static LoggedAct Act(string date, KindCategory category, KindRecipient recipient) => new(Date(date), "an act", category, recipient);
}
