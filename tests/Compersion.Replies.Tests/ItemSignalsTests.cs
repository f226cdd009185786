namespace Compersion.Replies.Tests;

public sealed class ItemSignalsTests
{
    [Fact]
    public void Understand_ArticleVagueExample_IsVagueAndSocial()
    {
        var item = ItemSignals.Understand("the people I love");

        Assert.True(item.Vague);
        Assert.True(item.Social);
        Assert.False(item.Compersion);
        Assert.Equal("the people I love", item.Text);
    }

    [Fact]
    public void Understand_ArticleSpecificExample_IsSocialNotVague()
    {
        var item = ItemSignals.Understand("That my boyfriend brought me lunch even though it was really far out of his way");

        Assert.True(item.Social);
        Assert.False(item.Vague);
        Assert.False(item.Compersion);
    }

    [Theory]
    [InlineData("The cat curled up with her kittens")]
    [InlineData("Our puppy sleeping on her new bed")]
    public void Understand_PronounWhenAnAnimalIsTheSubject_IsNotAPerson(string text)
    {
        var item = ItemSignals.Understand(text);

        Assert.False(item.Social);
    }

    [Theory]
    [InlineData("The dog and my sister, she threw the ball for hours")]
    [InlineData("Walking the dog with her")]
    [InlineData("My cat and we watched the rain")]
    public void Understand_PronounWithAPersonBeforeItOrAnotherSubject_IsStillAPerson(string text)
    {
        var item = ItemSignals.Understand(text);

        Assert.True(item.Social);
    }

    [Fact]
    public void Explain_RelationshipWord_NamesTheRuleAndTheWord()
    {
        var explanation = ItemSignals.Explain("That my boyfriend brought me lunch");

        var match = Assert.Single(explanation.Matches);
        Assert.Equal(ItemSignal.Social, match.Signal);
        Assert.Equal("relationship", match.Rule);
        Assert.Equal(["boyfriend"], match.Words);
        Assert.Equal("Social (relationship): boyfriend", match.ToString());
    }

    [Theory]
    [InlineData("She got the job!", "joy verb")]
    [InlineData("He was so proud", "joyful state")]
    [InlineData("My partner had a wonderful date", "good time")]
    [InlineData("Seeing my friend so happy", "joyful state")]
    [InlineData("Her face lit up", "joy verb")]
    [InlineData("My metamour's new job", "good news")]
    [InlineData("Her smile at the station", "their joy")]
    [InlineData("So happy for Sam", "happy for")]
    [InlineData("Tomasz landed the contract", "good news")]
    [InlineData("Felt compersion all evening", "compersion")]
    [InlineData("Seeing how happy my sister is", "joyful state")]
    [InlineData("The kids had so much fun", "good time")]
    [InlineData("They had such a blast", "good time")]
    [InlineData("My daughter could not stop grinning after her recital", "joy verb")]
    [InlineData("The look on her face when she saw the cake, pure delight", "joy described")]
    [InlineData("Watching my partner come home from her first day at the new job absolutely glowing", "joy verb")]
    [InlineData("The smile on my son's face", "their joy")]
    [InlineData("Le sourire de ma fille ce matin", "their joy")]
    [InlineData("Mein Sohn hat endlich seine Führerscheinprüfung bestanden", "joy verb")]
    [InlineData("Oma am Telefon, sie klang so fröhlich", "joyful state")]
    [InlineData("Mi abuela estaba tan feliz con las flores", "joyful state")]
    [InlineData("Ma grand-mère n'arrêtait pas de sourire", "joy described")]
    [InlineData("Mijn zoon kon niet stoppen met lachen", "joy verb")]
    [InlineData("母が嬉しそうに笑っていた", "their joy")]
    public void Explain_CompersionPatterns_NameTheirRule(string text, string rule)
    {
        var explanation = ItemSignals.Explain(text);

        var match = Assert.Single(explanation.Matches, match => match.Signal == ItemSignal.Compersion);
        Assert.Equal(rule, match.Rule);
        Assert.True(explanation.Item.Compersion);
    }

    [Fact]
    public void Explain_HappyFor_KeepsTheMatchedWords()
    {
        var explanation = ItemSignals.Explain("I'm so happy for my sister");

        var match = Assert.Single(explanation.Matches, match => match.Signal == ItemSignal.Compersion);
        Assert.Equal(["happy", "for", "my", "sister"], match.Words);
    }

    // "he was so proud" is the article's own compersion; pride or joy in how someone did something is the same joy.
    [Theory]
    [InlineData("My daughter proudly showed me her first drawing")]
    [InlineData("Sam cheerfully sang all the way home")]
    [InlineData("Meine Tochter hat stolz ihr erstes Bild gezeigt")]
    [InlineData("Mi hija enseñó orgullosa su primer dibujo a la abuela")]
    [InlineData("Ma fille a montré fièrement son dessin à sa grand-mère")]
    [InlineData("Mia figlia ha mostrato orgogliosamente il suo disegno")]
    [InlineData("A minha filha mostrou orgulhosamente o desenho")]
    [InlineData("Mijn dochter liet trots haar tekening zien")]
    public void Understand_PrideOrJoyInHowSomeoneDidSomething_IsCompersion(string text)
    {
        var item = ItemSignals.Understand(text);

        Assert.True(item.Compersion);
    }

    [Theory]
    [InlineData("I proudly finished the marathon")]
    [InlineData("Ich habe stolz mein erstes Brot gebacken")]
    [InlineData("Mi madre me miró y yo sonreí orgullosa")]
    public void Understand_WritersOwnPride_IsNotCompersion(string text)
    {
        var item = ItemSignals.Understand(text);

        Assert.False(item.Compersion);
    }

    [Theory]
    [InlineData("She wasn't happy about the move")]
    [InlineData("He didn't get the job")]
    [InlineData("She is not thrilled with her boss")]
    [InlineData("He made me laugh")]
    [InlineData("My partner loves me")]
    [InlineData("I got the job")]
    [InlineData("I was so proud of myself")]
    [InlineData("My grandma passed away in spring")]
    [InlineData("He got me flowers")]
    [InlineData("I could not stop smiling after the call with Dad")]
    [InlineData("My joy of the week: tea with Ana")]
    [InlineData("Mon mari m'a fait rire au dîner")]
    [InlineData("Mio fratello mi ha fatto ridere")]
    [InlineData("Mijn broer was niet blij met het weer")]
    [InlineData("母は嬉しそうではなかった")]
    [InlineData("母が私を笑わせてくれた")]
    [InlineData("Teaching my nephew to ride a bike")]
    public void Understand_NegatedOrFirstPersonJoy_IsNotCompersion(string text)
    {
        var item = ItemSignals.Understand(text);

        Assert.False(item.Compersion);
    }

    [Theory]
    [InlineData("so happy when they won", "they")]
    [InlineData("seeing them so excited", "them")]
    public void Understand_CompersionWithPronounOffSentenceStart_IsAlsoSocial(string text, string person)
    {
        var explanation = ItemSignals.Explain(text);

        Assert.True(explanation.Item.Compersion);
        Assert.True(explanation.Item.Social);
        Assert.Contains(person, explanation.People);
    }

    [Theory]
    [InlineData("Coffee with Ifeoma", "capitalised name")]
    [InlineData("Ifeoma brought me soup", "name before verb")]
    [InlineData("Ifeoma and I went swimming", "name before verb")]
    [InlineData("Xiomara called", "name")]
    [InlineData("Dinner with Priya", "name")]
    [InlineData("lunch with priya", "name")]
    [InlineData("Dr. Okafor was patient", "title")]
    [InlineData("A call from my sister", "relationship")]
    [InlineData("My sisters came over", "relationship")]
    [InlineData("My step-mom's garden", "relationship")]
    [InlineData("My nesting partner cooked", "relationship")]
    [InlineData("Coffee with my meta", "relationship")]
    [InlineData("She laughed", "pronoun")]
    [InlineData("They sent a postcard", "pronoun")]
    public void Explain_PersonMentions_AreSocialByTheirRule(string text, string rule)
    {
        var explanation = ItemSignals.Explain(text);

        Assert.True(explanation.Item.Social);
        Assert.Contains(explanation.Matches, match => match.Signal == ItemSignal.Social && match.Rule == rule);
    }

    [Theory]
    [InlineData("A walk on Sunday in May")]
    [InlineData("Flights to New York and Cape Town")]
    [InlineData("Watching Netflix under a blanket")]
    [InlineData("Morning Coffee In The Garden")]
    [InlineData("a robin at the feeder")]
    [InlineData("Thank God for coffee")]
    [InlineData("Der Kaffee am Morgen war wunderbar")]
    [InlineData("The Meta office was quiet")]
    [InlineData("it was kind of nice to rest")]
    public void Understand_CapitalisedNonNames_AreNotSocial(string text)
    {
        var explanation = ItemSignals.Explain(text);

        Assert.False(explanation.Item.Social, explanation.ToString());
    }

    [Theory]
    [InlineData("Mein Freund hat gekocht", "Freund")]
    [InlineData("Meine Kinder haben gelacht", "Kinder")]
    [InlineData("Mi novia me llamó", "novia")]
    [InlineData("Un café avec ma copine", "copine")]
    [InlineData("Le sourire de l'amie", "amie")]
    public void Explain_GermanSpanishFrenchRelationships_AreSocial(string text, string word)
    {
        var explanation = ItemSignals.Explain(text);

        Assert.True(explanation.Item.Social);
        Assert.Contains(word, explanation.People);
    }

    [Theory]
    [InlineData("family")]
    [InlineData("My family.")]
    [InlineData("I'm grateful for my health")]
    [InlineData("Grateful for everything")]
    [InlineData("being alive")]
    [InlineData("the people in my life")]
    [InlineData("my job")]
    [InlineData("home")]
    [InlineData("Today")]
    public void Understand_GenericPhrase_IsVague(string text)
    {
        var item = ItemSignals.Understand(text);

        Assert.True(item.Vague);
    }

    [Theory]
    [InlineData("coffee")]
    [InlineData("Sam")]
    [InlineData("my family drove 4 hours to see me")]
    [InlineData("my family's Sunday lunch")]
    [InlineData("my new job")]
    [InlineData("health insurance finally sorted")]
    [InlineData("That my boyfriend brought me lunch even though it was really far out of his way")]
    public void Understand_SpecificDetail_IsNotVague(string text)
    {
        var item = ItemSignals.Understand(text);

        Assert.False(item.Vague);
    }

    [Fact]
    public void Explain_NothingToNotice_HasNoMatches()
    {
        var explanation = ItemSignals.Explain("The first strawberries of the year");

        Assert.Empty(explanation.Matches);
        Assert.Equal("no signals", explanation.ToString());
        Assert.Equal(new UnderstoodItem("The first strawberries of the year"), explanation.Item);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ... ???")]
    public void Understand_NoWords_HasNoSignals(string text)
    {
        var item = ItemSignals.Understand(text);

        Assert.False(item.Social || item.Vague || item.Compersion);
    }

    [Fact]
    public void Understand_VeryLongItem_StillFindsThePerson()
    {
        var text = string.Concat(Enumerable.Repeat("the long quiet afternoon and ", 200)) + "my sister got the job";

        var item = ItemSignals.Understand(text);

        Assert.True(item.Social);
        Assert.True(item.Compersion);
        Assert.False(item.Vague);
    }

    [Fact]
    public void Understand_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ItemSignals.Understand(null!));
    }

    [Theory]
    [InlineData("A call from Amma this morning")]
    [InlineData("Tea with Oma after work")]
    [InlineData("Mam rang to say hello")]
    [InlineData("母とお茶を飲んだ")]
    [InlineData("同僚とランチ")]
    [InlineData("娘の笑顔")]
    [InlineData("cena con mia sorella")]
    [InlineData("almoço com a minha mãe")]
    [InlineData("koffie met mijn zus")]
    public void Understand_KinshipWordOfAnotherLanguage_IsSocial(string text)
    {
        var item = ItemSignals.Understand(text);

        Assert.True(item.Social);
    }

    [Theory]
    [InlineData("Dinner on Calle Ocho with the salsa band playing")]
    [InlineData("Coffee on Rue Oberkampf in the sun")]
    [InlineData("A picnic in Planty park at noon")]
    [InlineData("Walking my dog Biscuit in the snow")]
    [InlineData("Un buon libro prima di dormire")]
    [InlineData("Der erste Schnee im Garten")]
    [InlineData("Une promenade le long de la Seine")]
    public void Understand_PlaceOrPetName_IsNotSocial(string text)
    {
        var item = ItemSignals.Understand(text);

        Assert.False(item.Social);
    }
}
