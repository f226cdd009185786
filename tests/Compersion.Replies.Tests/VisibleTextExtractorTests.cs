namespace Compersion.Replies.Tests;

public sealed class VisibleTextExtractorTests
{
    /// <summary>Every hand-written reply under <c>TestData/replies</c> with an <c>.expected.txt</c> beside it.</summary>
    public static TheoryData<string> HandWrittenReplies()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(VisibleTextTestPaths.TestData).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if ((name.EndsWith(".txt", StringComparison.Ordinal) && !name.EndsWith(".expected.txt", StringComparison.Ordinal)) || name.EndsWith(".html", StringComparison.Ordinal))
            {
                data.Add(name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HandWrittenReplies))]
    public void Extract_HandWrittenReply_MatchesExpected(string name)
    {
        var input = File.ReadAllText(Path.Combine(VisibleTextTestPaths.TestData, name));
        var expected = File.ReadAllText(Path.Combine(VisibleTextTestPaths.TestData, Path.GetFileNameWithoutExtension(name) + ".expected.txt")).ReplaceLineEndings("\n").TrimEnd('\n');

        var visible = name.EndsWith(".html", StringComparison.Ordinal) ? VisibleTextExtractor.ExtractFromHtml(input) : VisibleTextExtractor.Extract(input);

        Assert.Equal(expected, visible);
    }

    [Fact]
    public void Extract_StressLongQuote_ReturnsTheReplyWithoutQuoteOrFooter()
    {
        var input = File.ReadAllText(VisibleTextTestPaths.Corpus("stress/long_quote.txt"));

        var visible = VisibleTextExtractor.Extract(input);

        Assert.StartsWith("Hi folks\n\nWhat is the best way to clear a Riak bucket", visible, StringComparison.Ordinal);
        Assert.DoesNotContain(visible.Split('\n'), line => line.StartsWith('>'));
        Assert.EndsWith("I am currently using the Java HTTP API.", visible, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_CrLfLineEndings_ReturnsLfText()
    {
        var body = "Coffee with Sam  \r\n\r\nA walk\r\n\r\nOn Mon, Nov 23, 2026 at 8:00 PM Ann <ann@example.org> wrote:\r\n> hi\r\n";

        var visible = VisibleTextExtractor.Extract(body);

        Assert.Equal("Coffee with Sam\n\nA walk", visible);
    }

    [Fact]
    public void Extract_OnlyQuotedHistory_ReturnsEmpty()
    {
        var body = "\n\nOn Mon, Nov 23, 2026 at 8:00 PM Ann <ann@example.org> wrote:\n\n> What are five things you're grateful for today?\n";

        var visible = VisibleTextExtractor.Extract(body);

        Assert.Equal(string.Empty, visible);
    }

    [Fact]
    public void Extract_NullBody_Throws()
    {
        var act = () => VisibleTextExtractor.Extract(null!);

        Assert.Throws<ArgumentNullException>(act);
    }

    [Theory]
    [InlineData("reply On Wed, Apr 4, 2012 at 3:59 PM, bob@example.com wrote:\n> Hi", "reply")]
    [InlineData("Test reply\n\nOn Tue, Apr 11, 2017 at 10:07 PM John Smith\n\n<\nmailto:John Smith <johnsmith@gmail.com>\n> wrote:\nTest quoted data", "Test reply")]
    [InlineData("Thanks!\n\nAnn <ann@example.org> ezt írta (időpont: 2026. nov. 23., H, 20:00):\n\n> q", "Thanks!")]
    [InlineData("Danke!\n\nAm 23.11.26 um 20:00 schrieb Compersion:\n> q", "Danke!")]
    [InlineData("Tack!\n\nDen mån 23 nov. 2026 kl 20:00 skrev Compersion <r@example.org>:\n\n> q", "Tack!")]
    [InlineData("Kiitos!\n\nma 23.11.2026 klo 20.00 Compersion (r@example.org) kirjoitti:\n\n> q", "Kiitos!")]
    [InlineData("谢谢\n\nCompersion <r@example.org> 于2026年11月23日周一 20:00写道：\n\n> q", "谢谢")]
    [InlineData("감사\n\n2026년 11월 23일 (월) 오후 8:00, Compersion <r@example.org>님이 작성:\n\n> q", "감사")]
    [InlineData("Teşekkürler\n\nCompersion <r@example.org>, 23 Kas 2026 Pzt, 20:00 tarihinde şunu yazdı:\n\n> q", "Teşekkürler")]
    public void Extract_AttributionVariant_IsRemovedWithItsQuote(string body, string expected)
    {
        var visible = VisibleTextExtractor.Extract(body);

        Assert.Equal(expected, visible);
    }

    [Theory]
    [InlineData("From: my mum, a hug\nTo: my dad, a call")]
    [InlineData("Met Anna on 3 May 2024 and she wrote:\nkeep going")]
    [InlineData("On Sunday my son wrote:\nI love you")]
    [InlineData("1. Lunch at 12:30 with Jo <jo@example.com>:\n2. A nap")]
    [InlineData("1. coffee\n--\n2. my sister\n3. the dog")]
    [InlineData("Invitation:\n\nDate: Wednesday 3, October 2011\nTime: 7 : 00am\nAddress: 130 Fox St")]
    [InlineData("Grateful for:\n> 5 hours of sleep\nand a nap")]
    [InlineData("Sent from my desk, is much easier than my mobile phone.")]
    [InlineData("Things:\n- coffee\n- my dog")]
    public void Extract_TextThatOnlyLooksLikeHistory_IsKept(string body)
    {
        var visible = VisibleTextExtractor.Extract(body);

        Assert.Equal(body, visible);
    }

    [Theory]
    [InlineData("Sent from my Galaxy")]
    [InlineData("Sent from Outlook for Android")]
    [InlineData("Sent from Yahoo Mail for iPhone")]
    [InlineData("Von meinem iPhone gesendet")]
    [InlineData("Envoyé de mon iPhone")]
    [InlineData("Enviado desde mi iPhone")]
    [InlineData("Inviato da iPhone")]
    [InlineData("Verzonden vanaf mijn iPhone")]
    [InlineData("Sendt fra min iPhone")]
    [InlineData("Skickat från min iPhone")]
    [InlineData("Lähetetty iPhonesta")]
    [InlineData("Wysłane z iPhone'a")]
    [InlineData("Отправлено с iPhone")]
    [InlineData("iPhoneから送信")]
    [InlineData("发自我的iPhone")]
    public void Extract_PhoneFooter_IsRemoved(string footer)
    {
        var visible = VisibleTextExtractor.Extract("My brother called.\n\n" + footer);

        Assert.Equal("My brother called.", visible);
    }

    [Theory]
    [InlineData("Obtener Outlook para Android")]
    [InlineData("Télécharger Outlook pour Android")]
    [InlineData("Outlook für Android herunterladen")]
    [InlineData("Scarica Outlook per Android")]
    [InlineData("Obter o Outlook para Android")]
    [InlineData("Outlook voor Android downloaden")]
    [InlineData("iOS 版 Outlook を入手")]
    public void Extract_LocalisedOutlookFooter_IsRemoved(string footer)
    {
        var visible = VisibleTextExtractor.Extract("1. Tea with Ana\n2. The rain\n\n" + footer);

        Assert.Equal("1. Tea with Ana\n2. The rain", visible);
    }

    // Outlook's phone apps write their footer in the phone's language, with a link in plain text: wherever "Outlook" and
    // the platform stand in it, and whichever words ask to get it.
    [Theory]
    [InlineData("Holen Sie sich Outlook für Android<https://aka.ms/AAb9ysg>")]
    [InlineData("Outlook für iOS beziehen<https://aka.ms/o0ukef>")]
    [InlineData("Download Outlook voor Android<https://aka.ms/AAb9ysg>")]
    [InlineData("Skaffa Outlook för iOS<https://aka.ms/o0ukef>")]
    [InlineData("Hent Outlook til Android<https://aka.ms/AAb9ysg>")]
    [InlineData("Få Outlook for iOS<https://aka.ms/o0ukef>")]
    [InlineData("Pobierz aplikację Outlook dla systemu Android<https://aka.ms/AAb9ysg>")]
    [InlineData("Получить Outlook для iOS<https://aka.ms/o0ukef>")]
    [InlineData("iOS için Outlook'u edinin<https://aka.ms/o0ukef>")]
    [InlineData("Skaffa Outlook för iOS")]
    public void Extract_OutlookAppFooterInAnyLanguage_IsRemoved(string footer)
    {
        var visible = VisibleTextExtractor.Extract("1. Tea with Ana\n2. The rain\n\n" + footer);

        Assert.Equal("1. Tea with Ana\n2. The rain", visible);
    }

    [Theory]
    [InlineData("Finally got Outlook for Android working on my phone")]
    [InlineData("Sam set up Outlook for iOS for me")]
    public void Extract_GratitudeAboutOutlook_IsKept(string line)
    {
        var visible = VisibleTextExtractor.Extract("1. Tea with Ana\n2. " + line);

        Assert.Equal("1. Tea with Ana\n2. " + line, visible);
    }

    [Theory]
    [InlineData("CONFIDENTIALITY NOTICE: This email and any attachments are for the sole use of the intended recipient.")]
    [InlineData("This email and any files transmitted with it are confidential and intended solely for the addressee.")]
    public void Extract_DisclaimerWithNoBlankLineAbove_IsRemoved(string disclaimer)
    {
        var visible = VisibleTextExtractor.Extract("1. Tea with Ana\n2. The rain\n" + disclaimer + "\nIf you are not the intended recipient, delete it.");

        Assert.Equal("1. Tea with Ana\n2. The rain", visible);
    }

    [Fact]
    public void Extract_NameTitleAndContactBlockWithoutSignOff_IsRemoved()
    {
        var visible = VisibleTextExtractor.Extract(
            "1. Tea with Ana\n2. The rain on the roof\nDan Okafor\nSenior Product Manager | Acme Corp\n+1 217 555 0100\n12 Main Street, Springfield");

        Assert.Equal("1. Tea with Ana\n2. The rain on the roof", visible);
    }

    [Fact]
    public void Extract_NineLineSignatureAfterSignOff_IsRemoved()
    {
        var visible = VisibleTextExtractor.Extract(
            "1. Tea with Ana\n2. The rain\n\nWarm regards,\nDan Okafor\nSenior Product Manager\nAcme Corp\n12 Main Street\n" +
            "Springfield, IL 62701\nOffice: +1 217 555 0100\nMobile: +1 217 555 0199\ndan.okafor@acme.example\nwww.acme.example");

        Assert.Equal("1. Tea with Ana\n2. The rain", visible);
    }

    [Fact]
    public void Extract_ShortLinesUnderThanksWithoutContactDetails_AreKept()
    {
        var text = "Coffee with Ana\nThanks!\nthe long walk we took along the river with the dog\nthe smell of the bakery on the corner";

        var visible = VisibleTextExtractor.Extract(text);

        Assert.Equal(text, visible);
    }

    [Fact]
    public void QuestionMarker_DailyPromptTemplate_StartsWithTheQuestion()
    {
        using var reader = new StreamReader(VisibleTextTestPaths.PromptTemplate);

        var firstLine = reader.ReadLine();

        Assert.Equal(QuotePrompt.Question, firstLine);
    }

    [Fact]
    public void ExtractFromHtml_QuoteContainerWithoutAttribution_IsLeftOut()
    {
        var html = "<div>Kept line</div><div id=\"yahoo_quoted_123\" class=\"yahoo_quoted\"><div>Original text with no attribution</div></div>";

        var visible = VisibleTextExtractor.ExtractFromHtml(html);

        Assert.Equal("Kept line", visible);
    }

    [Fact]
    public void ExtractFromHtml_OutlookReplyHeader_LeavesOutEverythingAfterIt()
    {
        var html = "<div>Kept line</div><div id=\"appendonsend\"></div><hr><div id=\"divRplyFwdMsg\"></div><div>Original message</div><p>More of it</p>";

        var visible = VisibleTextExtractor.ExtractFromHtml(html);

        Assert.Equal("Kept line", visible);
    }

    [Fact]
    public void ExtractFromHtml_IndentationBlockquote_IsKept()
    {
        var html = "<div>Grateful for:</div><blockquote style=\"margin:0 0 0 40px;border:none;padding:0px\"><div>my neighbour's help</div></blockquote>";

        var visible = VisibleTextExtractor.ExtractFromHtml(html);

        Assert.Equal("Grateful for:\nmy neighbour's help", visible);
    }

    [Fact]
    public void ExtractFromHtml_PathologicallyDeepMarkup_ReturnsEmptyWithoutParsing()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", HtmlToText.MaxDepth + 1)) + "text";

        var visible = VisibleTextExtractor.ExtractFromHtml(html);

        Assert.Equal(string.Empty, visible);
    }

    [Fact]
    public void ExtractFromHtml_ManyFlatParagraphs_KeepsThemAll()
    {
        var html = string.Concat(Enumerable.Repeat("<div><p>line</p></div>", HtmlToText.MaxDepth * 2));

        var visible = VisibleTextExtractor.ExtractFromHtml(html);

        Assert.Equal(HtmlToText.MaxDepth * 2, visible.Split('\n').Length);
    }

    [Fact]
    public void Extract_InlineReplyKeepingQuotes_KeepsTheQuestionsEachAnswerAnswers()
    {
        var body = "On Mon, Nov 23, 2026 at 8:00 PM Ann <ann@example.org> wrote:\n> Who made you smile?\n\nMy sister, on the phone.\n\n> What was a small good moment?\n\nTea in the garden.\n";

        var visible = VisibleTextExtractor.Extract(body, InlineQuotes.Keep);

        Assert.Equal("On Mon, Nov 23, 2026 at 8:00 PM Ann <ann@example.org> wrote:\n> Who made you smile?\n\nMy sister, on the phone.\n\n> What was a small good moment?\n\nTea in the garden.", visible);
    }

    [Fact]
    public void Extract_InlineReplyOmittingQuotes_KeepsOnlyTheAnswers()
    {
        var body = "On Mon, Nov 23, 2026 at 8:00 PM Ann <ann@example.org> wrote:\n> Who made you smile?\n\nMy sister, on the phone.\n\n> What was a small good moment?\n\nTea in the garden.\n";

        var visible = VisibleTextExtractor.Extract(body, InlineQuotes.Omit);

        Assert.Equal("My sister, on the phone.\n\nTea in the garden.", visible);
    }

    [Fact]
    public void Extract_InlineReplyKeepingQuotes_StopsAtTheQuotedMessagesOwnSignatureAndHistory()
    {
        var body = "> Who made you smile?\n\nMy sister.\n\n> Anything else?\n\nTea.\n\n>\n> -- Ann\n> On Sun, Nov 22, 2026 at 8:00 PM Bo <bo@example.org> wrote:\n> > older\n";

        var visible = VisibleTextExtractor.Extract(body, InlineQuotes.Keep);

        Assert.Equal("> Who made you smile?\n\nMy sister.\n\n> Anything else?\n\nTea.\n\n>", visible);
    }

    [Fact]
    public void Extract_BottomReplyAboveAQuotedSignatureKeepingQuotes_IsNotAnInlineReply()
    {
        var body = "On Mon, Nov 23, 2026 at 8:00 PM Ann <ann@example.org> wrote:\n> What is the best way?\n\nThis way.\n\n>\n> -Ann\n> ____\n> list footer\n";

        var visible = VisibleTextExtractor.Extract(body, InlineQuotes.Keep);

        Assert.Equal("This way.", visible);
    }

    [Theory]
    [InlineData("Hey!\n\n- roman", "Hey!")]
    [InlineData("Today I'm grateful for:\n- Mum", "Today I'm grateful for:\n- Mum")]
    [InlineData("Grateful for:\n\n- tea\n\n- Mum", "Grateful for:\n\n- tea\n\n- Mum")]
    [InlineData("Grateful for:\n\n- Mum", "Grateful for:\n\n- Mum")]
    [InlineData("Heute bin ich dankbar für:\n\n- Oma", "Heute bin ich dankbar für:\n\n- Oma")]
    public void Extract_DashSpaceNameOnTheLastLine_IsASignOffOnlyBelowABlankLineAndNoList(string body, string expected)
    {
        var visible = VisibleTextExtractor.Extract(body);

        Assert.Equal(expected, visible);
    }
}

/// <summary>Where the reply test data and the shared reply corpus live.</summary>
internal static class VisibleTextTestPaths
{
    private const string SolutionFile = "CompersionFunctions.sln";

    /// <summary>The folder holding <c>CompersionFunctions.sln</c>, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary><c>tests/Compersion.Replies.Tests/TestData/replies</c> in the source tree.</summary>
    public static string TestData => Path.Combine(RepositoryRoot, "tests", "Compersion.Replies.Tests", "TestData", "replies");

    /// <summary>The daily prompt's plain-text template, whose first line a quoted prompt is recognised by.</summary>
    public static string PromptTemplate => Path.Combine(RepositoryRoot, "src", "Compersion.Core", "Mail", "Templates", "prompt.text.liquid");

    /// <summary><c>../shared/corpus/replies</c> beside the repository (not copied into it: the corpus has its own licences).</summary>
    public static string CorpusFolder => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus", "replies"));

    /// <summary>A file of the corpus; fails the test with directions when the corpus is not there.</summary>
    public static string Corpus(string relativePath)
    {
        var manifest = Path.Combine(CorpusFolder, "manifest.json");
        if (!File.Exists(manifest))
        {
            Assert.Fail($"The reply corpus was not found: expected {manifest} (the corpus lives in shared/corpus/replies beside the repository root).");
        }

        return Path.Combine(CorpusFolder, relativePath);
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"{SolutionFile} was not found above {AppContext.BaseDirectory}.");
    }
}
