using Compersion.Core.Kindness;

namespace Compersion.Core.Tests.Kindness;

public sealed class ActClassifierTests
{
    [Theory]
    [InlineData("bought flowers #words @stranger", KindCategory.Words, KindRecipient.Stranger)]
    [InlineData("#food @partner did the big shop", KindCategory.Food, KindRecipient.Partner)]
    [InlineData("fixed the gate @neighbor", KindCategory.Skill, KindRecipient.Neighbour)]
    [InlineData("baked cookies for my mum #GIFT", KindCategory.Gift, KindRecipient.Family)]
    public void Classify_ExplicitTags_WinOverTheWords(string text, KindCategory category, KindRecipient recipient)
    {
        var result = ActClassifier.Classify(text);

        Assert.Equal((category, recipient), (result.Category, result.Recipient));
    }

    [Fact]
    public void Classify_TagOnOneDimension_InfersTheOtherFromTheWords()
    {
        var result = ActClassifier.Classify("baked banana bread for my neighbour #gift");

        Assert.Equal((KindCategory.Gift, KindRecipient.Neighbour), (result.Category, result.Recipient));
        Assert.Equal("tag #gift", result.CategoryReason);
        Assert.Contains("neighbour", result.RecipientReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("emailed sam@example.org a thank-you")]
    [InlineData("made a #hashtag sign for the bake sale")]
    [InlineData("sent a @mention to my coworker")]
    public void Classify_AtOrHashThatIsNoTag_IsReadAsWords(string text)
    {
        var result = ActClassifier.Classify(text);

        Assert.DoesNotContain("tag", result.CategoryReason, StringComparison.Ordinal);
        Assert.DoesNotContain("tag", result.RecipientReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("did something nice today")]
    [InlineData("was extra kind")]
    [InlineData("")]
    public void Classify_NothingToGoOn_IsUnclassifiedInBothAndSaysSo(string text)
    {
        var result = ActClassifier.Classify(text);

        Assert.Equal((KindCategory.Unclassified, KindRecipient.Unclassified), (result.Category, result.Recipient));
        Assert.Equal(("nothing recognised", "nothing recognised"), (result.CategoryReason, result.RecipientReason));
        Assert.Equal(new KindAct(text, "unclassified", "unclassified"), result.ToAct(text));
    }

    [Theory]
    [InlineData("cooked dinner for my wife's girlfriend")]
    [InlineData("drove my boyfriend's wife to her appointment")]
    [InlineData("sent my partner's other partner a good luck card")]
    [InlineData("texted my meta a happy birthday")]
    public void Classify_PartnersPartner_IsAMetamour(string text)
    {
        var result = ActClassifier.Classify(text);

        Assert.Equal(KindRecipient.Metamour, result.Recipient);
    }

    [Theory]
    [InlineData("walked my neighbour's dog while she was ill", KindRecipient.Neighbour)]
    [InlineData("minded Tendai's twins so she could nap", KindRecipient.Friend)]
    [InlineData("emailed my son's teacher to say thank you", KindRecipient.Stranger)]
    [InlineData("fed the ducks at the pond", KindRecipient.Animal)]
    [InlineData("took the kid next door to football", KindRecipient.Neighbour)]
    public void Classify_OneRecipientQualifyingAnother_PicksWhoTheActIsFor(string text, KindRecipient expected)
    {
        var result = ActClassifier.Classify(text);

        Assert.Equal(expected, result.Recipient);
    }

    [Fact]
    public void Classify_ThePersonAfterFor_IsPreferredToAnEarlierPlace()
    {
        var result = ActClassifier.Classify("picked up groceries at the market for my grandma");

        Assert.Equal((KindCategory.Help, KindRecipient.Family), (result.Category, result.Recipient));
    }

    [Fact]
    public void Classify_Act_KeepsTheWordsThatDecidedEachDimension()
    {
        var result = ActClassifier.Classify("Paid for the coffee of the person behind me");

        Assert.Equal((KindCategory.Generosity, KindRecipient.Stranger), (result.Category, result.Recipient));
        Assert.Equal("words: Paid for", result.CategoryReason);
        Assert.Equal("the person behind me", result.RecipientReason);
        Assert.Equal("generosity for stranger (words: Paid for; the person behind me)", result.ToString());
    }

    [Fact]
    public void Classify_SameTextTwice_GivesTheSameAnswer()
    {
        var first = ActClassifier.Classify("left a thank-you note on Priya's desk");

        var second = ActClassifier.Classify("left a thank-you note on Priya's desk");

        Assert.Equal(first, second);
        Assert.Equal((KindCategory.Words, KindRecipient.Friend), (first.Category, first.Recipient));
    }

    [Theory]
    [InlineData("bought flowers #words @stranger", "bought flowers")]
    [InlineData("#help @partner mopped the kitchen floor", "mopped the kitchen floor")]
    [InlineData("emailed sam@example.org", "emailed sam@example.org")]
    public void WithoutTags_Act_ShowsItWithoutItsTags(string text, string expected)
    {
        var shown = ActClassifier.WithoutTags(text);

        Assert.Equal(expected, shown);
    }
}
