namespace Compersion.Replies.Tests;

public sealed class ItemSplitterTests
{
    private const string Separator = "=== expected ===";

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(CasesDirectory, "*.txt").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    private static string CasesDirectory => Path.Combine(AppContext.BaseDirectory, "TestData", "items", "split");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Split_CaseFile_GivesExpectedItemsAndActs(string file)
    {
        var (input, expectedItems, expectedActs) = ReadCase(file);

        var content = ItemSplitter.Split(input);

        Assert.Equal(expectedItems, content.Items);
        Assert.Equal(expectedActs, content.Acts);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n\t \n \u00A0\n")]
    [InlineData("\n-\n***\n")]
    public void Split_EmptyOrWhitespace_GivesNothing(string text)
    {
        var content = ItemSplitter.Split(text);

        Assert.True(content.IsEmpty);
        Assert.Empty(content.Items);
        Assert.Empty(content.Acts);
    }

    [Fact]
    public void Split_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ItemSplitter.Split(null!));
    }

    [Fact]
    public void Split_WindowsAndOldMacLineEndings_SplitLikeNewLines()
    {
        var content = ItemSplitter.Split("1. tea\r\n2. rain\r3. Sam");

        Assert.Equal(["tea", "rain", "Sam"], content.Items);
    }

    [Fact]
    public void Split_NumberWithoutSpaceBeforeText_IsStillAMarker()
    {
        var content = ItemSplitter.Split("1.coffee\n2)the sea\n3.5 hours of sleep");

        Assert.Equal(["coffee", "the sea 3.5 hours of sleep"], content.Items);
    }

    [Fact]
    public void Split_OneBulletUnderAColonLine_KeepsTheBulletAsTheOnlyItem()
    {
        var content = ItemSplitter.Split(VisibleTextExtractor.Extract("Grateful for:\n\n- Mum"));

        Assert.Equal(["Mum"], content.Items);
    }

    [Fact]
    public void Split_ClosingRightAfterAList_IsNotJoinedToTheLastItem()
    {
        var content = ItemSplitter.Split("1. tea\n2. my sister's call\nThanks so much for this!\nHave a lovely evening");

        Assert.Equal(["tea", "my sister's call"], content.Items);
    }

    [Theory]
    [InlineData("Have a great weekend!")]
    [InlineData("Thanks for the reminder, have a lovely evening!")]
    [InlineData("Thank you for these prompts!")]
    [InlineData("Love this, thank you!")]
    [InlineData("Hope you're well x")]
    [InlineData("Hope you’re well")]
    [InlineData("Schönen Abend noch!")]
    [InlineData("Danke für die Erinnerung!")]
    [InlineData("Bonne soirée !")]
    [InlineData("¡Que tengas un buen día!")]
    [InlineData("Gracias por el recordatorio 🙂")]
    [InlineData("Fijne avond!")]
    [InlineData("Buona serata a tutti")]
    public void Split_WellWishOrThanksForTheMailAfterAList_IsNotAGratitude(string closing)
    {
        var content = ItemSplitter.Split($"1. Coffee with Sam\n2. The rain\n3. A good book\n\n{closing}\nAnna");

        Assert.Equal(["Coffee with Sam", "The rain", "A good book"], content.Items);
    }

    [Theory]
    [InlineData("Had a great evening with Sam")]
    [InlineData("Thanks to Sam for the message")]
    [InlineData("Thank you, Mum, for the call")]
    [InlineData("A good night's sleep")]
    [InlineData("Having a slow morning with Ben")]
    public void Split_GratitudeThatOpensLikeAClosing_IsKept(string line)
    {
        var content = ItemSplitter.Split($"1. Coffee with Sam\n2. The rain\n\n{line}");

        Assert.Equal(["Coffee with Sam", "The rain", line], content.Items);
    }

    // A name the given-names list does not hold ("Dana", "Bernd") signing the reply: the sender's address names them.
    [Theory]
    [InlineData("1. Coffee with Sam\n2. The frost on the grass\n\nDana", "dana@example.com")]
    [InlineData("1. Coffee with Sam\n2. The frost on the grass\n\nBernd", "bernd.mueller@example.de")]
    [InlineData("Coffee with Sam\nThe frost on the grass\n\nLucía", "lucia_fernandez@example.es")]
    [InlineData("1. Coffee with Sam\n2. The frost on the grass\nXiomara R.", "xiomara+journal@example.org")]
    public void Split_WritersOwnNameOnTheLastLine_IsNotAnItem(string text, string from)
    {
        var content = new VisibleReply(text, TextSource.PlainText) { Writer = from }.Split();

        Assert.Equal(["Coffee with Sam", "The frost on the grass"], content.Items);
    }

    [Theory]
    [InlineData("1. Coffee with Sam\n2. The frost on the grass\n\nSunshine", "dana@example.com")]
    [InlineData("1. Coffee with Sam\n2. The frost on the grass\n\nDana", "d.smith@example.com")]
    [InlineData("Dana", "dana@example.com")]
    public void Split_LastLineThatIsNotTheWriter_IsKept(string text, string from)
    {
        var content = new VisibleReply(text, TextSource.PlainText) { Writer = from }.Split();

        Assert.Equal(text.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1], content.Items[^1]);
    }

    [Fact]
    public void Split_SingleParagraphWithSemicolons_OneItemPerClause()
    {
        var content = ItemSplitter.Split("coffee with Sam; the rain; my sister's laugh");

        Assert.Equal(["coffee with Sam", "the rain", "my sister's laugh"], content.Items);
    }

    [Fact]
    public void Split_LeadInBeforeColonInParagraph_IsDropped()
    {
        var content = ItemSplitter.Split("Today I'm grateful for: the sun; my nephew's drawing; soup");

        Assert.Equal(["the sun", "my nephew's drawing", "soup"], content.Items);
    }

    [Fact]
    public void Split_ColonAfterAName_IsKept()
    {
        var content = ItemSplitter.Split("Sam: he fixed my bike");

        Assert.Equal(["Sam: he fixed my bike"], content.Items);
    }

    [Fact]
    public void Split_EllipsisBeforeLowerCase_DoesNotEndTheSentence()
    {
        var content = ItemSplitter.Split("I was so tired… but Sam made tea. Then bed.");

        Assert.Equal(["I was so tired… but Sam made tea.", "Then bed."], content.Items);
    }

    [Fact]
    public void Split_EmojiAfterASentence_StaysWithIt()
    {
        var content = ItemSplitter.Split("My dad called. 😊 The bread rose.");

        Assert.Equal(["My dad called. 😊", "The bread rose."], content.Items);
    }

    [Fact]
    public void Split_KindnessInsideAListItem_IsAnActNotAGratitude()
    {
        var content = ItemSplitter.Split("1. coffee\n2. kindness: left a note for the postman\n3. the sea");

        Assert.Equal(["coffee", "the sea"], content.Items);
        Assert.Equal(["left a note for the postman"], content.Acts);
    }

    [Theory]
    [InlineData("Kindness: bought lunch for a colleague")]
    [InlineData("KINDNESS - bought lunch for a colleague")]
    [InlineData("kind act: bought lunch for a colleague")]
    [InlineData("Act of kindness: bought lunch for a colleague")]
    [InlineData("- kindness – bought lunch for a colleague")]
    public void Split_KindnessMarkers_AllMeanAKindAct(string line)
    {
        var content = ItemSplitter.Split(line);

        Assert.Empty(content.Items);
        Assert.Equal(["bought lunch for a colleague"], content.Acts);
    }

    [Theory]
    [InlineData("Kindness matters more than I thought")]
    [InlineData("The kindness of a stranger on the train")]
    [InlineData("kindnesses from my neighbours")]
    public void Split_KindnessAsAWord_IsAGratitude(string line)
    {
        var content = ItemSplitter.Split(line);

        Assert.Equal([line], content.Items);
        Assert.Empty(content.Acts);
    }

    [Fact]
    public void Split_GreetingAloneWithActs_IsDropped()
    {
        var content = ItemSplitter.Split("Hi!\nkindness: held the lift for a neighbour\nThanks");

        Assert.Empty(content.Items);
        Assert.Equal(["held the lift for a neighbour"], content.Acts);
    }

    [Fact]
    public void Split_LoveFollowedByWords_IsAGratitudeNotASignOff()
    {
        var content = ItemSplitter.Split("Love my new bike\nLove, Alex");

        Assert.Equal(["Love my new bike"], content.Items);
    }

    [Fact]
    public void Split_ItemLongerThanLimit_IsCutAtAWordBoundaryWithEllipsis()
    {
        var words = string.Join(' ', Enumerable.Repeat("gratitude", 150));

        var content = ItemSplitter.Split("- " + words);

        var item = Assert.Single(content.Items);
        Assert.True(item.Length <= ItemSplitter.MaxItemLength, $"length {item.Length}");
        Assert.EndsWith("gratitude…", item, StringComparison.Ordinal);
        Assert.StartsWith("gratitude gratitude", item, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_ItemOfExactlyTheLimit_IsKeptWhole()
    {
        var text = new string('a', ItemSplitter.MaxItemLength);

        var content = ItemSplitter.Split(text);

        Assert.Equal([text], content.Items);
    }

    [Fact]
    public void Split_HundredKilobyteSingleWord_KeepsOneTruncatedItem()
    {
        var text = new string('x', 100_000);

        var content = ItemSplitter.Split(text);

        var item = Assert.Single(content.Items);
        Assert.Equal(ItemSplitter.MaxItemLength, item.Length);
        Assert.EndsWith("…", item, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_HundredKilobyteLineOfSentences_SplitsEverySentence()
    {
        var text = string.Concat(Enumerable.Repeat("Sam made tea. ", 100_000 / 14));

        var content = ItemSplitter.Split(text);

        Assert.Equal(100_000 / 14, content.Items.Count);
        Assert.All(content.Items, item => Assert.Equal("Sam made tea.", item));
    }

    [Fact]
    public void Split_HundredKilobyteOfDotsAndAbbreviations_Finishes()
    {
        var text = string.Concat(Enumerable.Repeat("e.g. a.b.c.d Dr. 3.5... ", 100_000 / 24));

        var content = ItemSplitter.Split(text);

        Assert.NotEmpty(content.Items);
        Assert.All(content.Items, item => Assert.True(item.Length <= ItemSplitter.MaxItemLength));
    }

    [Fact]
    public void Split_HundredKilobyteHardWrappedParagraph_JoinsAndSplitsIntoSentences()
    {
        var line = "and then we walked along the canal for a long while, talking quietly";
        var text = string.Concat(Enumerable.Repeat(line + "\n", 100_000 / (line.Length + 1))) + "home.";

        var content = ItemSplitter.Split(text);

        var item = Assert.Single(content.Items);
        Assert.StartsWith("and then we walked along the canal for a long while, talking quietly and then we walked", item, StringComparison.Ordinal);
        Assert.EndsWith("…", item, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_WrappedContinuationAfterBullet_JoinsIntoOneItem()
    {
        var content = ItemSplitter.Split("- my partner had a wonderful date and came home\n  glowing\n- tea");

        Assert.Equal(["my partner had a wonderful date and came home glowing", "tea"], content.Items);
    }

    private static (string Input, List<string> Items, List<string> Acts) ReadCase(string file)
    {
        var text = File.ReadAllText(Path.Combine(CasesDirectory, file)).ReplaceLineEndings("\n");
        var separator = text.IndexOf(Separator, StringComparison.Ordinal);
        Assert.True(separator >= 0, $"{file} has no '{Separator}' line.");
        var expected = text[(separator + Separator.Length)..].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return (
            text[..separator],
            expected.Where(line => line.StartsWith("item: ", StringComparison.Ordinal)).Select(line => line["item: ".Length..]).ToList(),
            expected.Where(line => line.StartsWith("act: ", StringComparison.Ordinal)).Select(line => line["act: ".Length..]).ToList());
    }

    [Fact]
    public void Split_HtmlBlocksOfLowerCaseLines_KeepsEachBlockAnItem()
    {
        var text = "the way the light came through the kitchen window this morning and\nmy sister calling just to tell me about her new apartment downtown";

        var content = ItemSplitter.Split(text, TextSource.Html);

        Assert.Equal(["the way the light came through the kitchen window this morning and", "my sister calling just to tell me about her new apartment downtown"], content.Items);
    }

    [Fact]
    public void Split_HtmlListItemFollowedByAPlainBlock_DoesNotJoinThem()
    {
        var content = ItemSplitter.Split("1. tea with Ana\nthe rain on the roof", TextSource.Html);

        Assert.Equal(["tea with Ana", "the rain on the roof"], content.Items);
    }

    [Theory]
    [InlineData("１．お茶\n２．散歩\n３．母の電話")]
    [InlineData("①お茶\n②散歩\n③母の電話")]
    [InlineData("・お茶\n・散歩\n・母の電話")]
    [InlineData("1、お茶\n2、散歩\n3、母の電話")]
    [InlineData("（１）お茶\n（２）散歩\n（３）母の電話")]
    public void Split_JapaneseListMarkers_AreNotPartOfTheItems(string text)
    {
        var content = ItemSplitter.Split(text);

        Assert.Equal(["お茶", "散歩", "母の電話"], content.Items);
    }

    [Theory]
    [InlineData("✨ tea with Ana\n✨ the rain\n✨ a call from Mum")]
    [InlineData("🔸 tea with Ana\n🔸 the rain\n🔸 a call from Mum")]
    [InlineData("✔️ tea with Ana\n✔️ the rain\n✔️ a call from Mum")]
    [InlineData("✔ tea with Ana\n✔ the rain\n✔ a call from Mum")]
    [InlineData("❤\uFE0F tea with Ana\n❤\uFE0F the rain\n❤\uFE0F a call from Mum")]
    public void Split_EmojiBullets_AreNotPartOfTheItems(string text)
    {
        var content = ItemSplitter.Split(text);

        Assert.Equal(["tea with Ana", "the rain", "a call from Mum"], content.Items);
    }

    [Theory]
    [InlineData("kindness:gave blood")]
    [InlineData("Kindness:gave blood")]
    [InlineData("kindness: gave blood")]
    public void Split_KindnessMarkerWithOrWithoutSpace_IsAnAct(string line)
    {
        var content = ItemSplitter.Split("1. coffee\n" + line);

        Assert.Equal(["coffee"], content.Items);
        Assert.Equal(["gave blood"], content.Acts);
    }

    [Theory]
    [InlineData("1. Tea with Ana\n2. a long walk along the canal\nDaniel")]
    [InlineData("Tea with Ana this morning\na long walk along the canal\n\nDaniel")]
    [InlineData("1. Tea with Ana\n2. a long walk along the canal\nMichael Scott")]
    public void Split_GivenNameAloneOnTheLastLine_IsNotAnItem(string text)
    {
        var content = ItemSplitter.Split(text);

        Assert.Equal(2, content.Items.Count);
        Assert.DoesNotContain(content.Items, item => item.Contains("Daniel", StringComparison.Ordinal) || item.Contains("Michael", StringComparison.Ordinal));
    }

    [Fact]
    public void Split_ListOfSingleWordsEndingWithAName_KeepsTheName()
    {
        var content = ItemSplitter.Split("Tea\nRain\nSam");

        Assert.Equal(["Tea", "Rain", "Sam"], content.Items);
    }
}
