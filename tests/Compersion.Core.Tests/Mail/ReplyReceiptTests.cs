using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Mail;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Mail;

public sealed class ReplyReceiptTests
{
    private static readonly NodaTime.LocalDate Day = Date("2026-11-25");

    private static readonly JournalItem[] CompleteDay =
    [
        new("Sam brought me lunch", Social: true), new("rain on the window"), new("warm socks"), new("a quiet bus"), new("the first snow"),
    ];

    [Fact]
    public void For_OnlyAKindAct_SaysTheActWasSavedAndToKeepItSecret()
    {
        var receipt = For([], [new KindAct("left flowers on my neighbour's doorstep")]);

        Assert.NotNull(receipt);
        Assert.Equal("Saved: your kind act for Wednesday, 25 November", receipt.Subject);
        Assert.Equal("Saved for Wednesday, 25 November: 1 kind act.", receipt.Paragraphs[0]);
        Assert.Contains(receipt.Paragraphs, p => p.Contains("Don't tell anyone — you'll remember it longer.", StringComparison.Ordinal));
        Assert.DoesNotContain(receipt.Paragraphs, p => p.Contains("gratitude", StringComparison.Ordinal) || p.Contains("person", StringComparison.Ordinal));
        Assert.Equal(["Kind act: left flowers on my neighbour's doorstep"], receipt.Items);
    }

    [Fact]
    public void For_ItemsAndAnAct_CountsBothAndRemindsOfSecrecy()
    {
        var receipt = For([new JournalItem("Coffee with Ana", Social: true), new JournalItem("the sunset")], [new KindAct("paid for a stranger's coffee")]);

        Assert.NotNull(receipt);
        Assert.Equal("Saved for Wednesday, 25 November: 2 gratitudes and 1 kind act.", receipt.Paragraphs[0]);
        Assert.Contains(receipt.Paragraphs, p => p.Contains("Don't tell anyone — you'll remember it longer.", StringComparison.Ordinal));
        Assert.Equal(["Coffee with Ana", "the sunset", "Kind act: paid for a stranger's coffee"], receipt.Items);
    }

    [Fact]
    public void For_SeveralActsOnly_SpeaksOfThemInThePlural()
    {
        var receipt = For([], [new KindAct("fed the cat next door"), new KindAct("a note for the postman")]);

        Assert.NotNull(receipt);
        Assert.Equal("Saved: your kind acts for Wednesday, 25 November", receipt.Subject);
        Assert.StartsWith("Saved for Wednesday, 25 November: 2 kind acts.", receipt.Paragraphs[0], StringComparison.Ordinal);
        Assert.StartsWith("Your kind acts are", receipt.Paragraphs[1], StringComparison.Ordinal);
    }

    [Fact]
    public void For_ItemsWithoutActs_HasNoSecrecyReminder()
    {
        var receipt = For([new JournalItem("warm socks")], []);

        Assert.NotNull(receipt);
        Assert.Equal("Saved for Wednesday, 25 November: 1 gratitude.", receipt.Paragraphs[0]);
        Assert.DoesNotContain(receipt.Paragraphs, p => p.Contains("Don't tell anyone — you'll remember it longer.", StringComparison.Ordinal));
    }

    [Fact]
    public void For_NothingSaved_SaysSoKindly()
    {
        var receipt = For([], []);

        Assert.NotNull(receipt);
        Assert.Equal("We couldn't find anything to save", receipt.Subject);
        Assert.Empty(receipt.Items);
    }

    [Fact]
    public void For_CompleteDayWithAnAct_NoReceipt()
    {
        var receipt = For(CompleteDay, [new KindAct("fed the cat next door")]);

        Assert.Null(receipt);
    }

    [Fact]
    public void For_CompleteDayWithAnActAndReceiptsOn_MentionsTheAct()
    {
        var receipt = ReplyReceipt.For(Subscriber() with { ReceiptsEnabled = true }, CompleteDay, [new KindAct("fed the cat next door")], Day);

        Assert.NotNull(receipt);
        Assert.Equal("Saved for Wednesday, 25 November: 5 gratitudes and 1 kind act.", receipt.Paragraphs[0]);
    }

    [Theory]
    [InlineData("my health")]
    [InlineData("my cat")]
    [InlineData("my car")]
    [InlineData("everything")]
    public void For_BroadButNotAboutPeople_IsNotNudged(string broad)
    {
        var receipt = For([new JournalItem("Coffee with Ana", Social: true), new JournalItem(broad, Vague: true)], []);

        Assert.NotNull(receipt);
        Assert.DoesNotContain(receipt.Paragraphs, p => p.Contains("specific", StringComparison.Ordinal));
    }

    [Fact]
    public void For_VagueAboutPeople_IsNudgedWithTheArticlesExample()
    {
        var receipt = For([new JournalItem("the people I love", Social: true, Vague: true), new JournalItem("warm socks")], []);

        Assert.NotNull(receipt);
        Assert.Contains(receipt.Paragraphs, p => p.Contains("not \"my family\", but what one of them did today", StringComparison.Ordinal));
    }

    [Fact]
    public void For_OneGratitude_SubjectSpeaksOfOne()
    {
        var receipt = For([new JournalItem("warm socks")], []);

        Assert.Equal("Saved: your gratitude for Wednesday, 25 November", receipt?.Subject);
    }

    [Fact]
    public void For_SeveralActs_RemindsToKeepThemSecret()
    {
        var receipt = For([], [new KindAct("fed the cat next door"), new KindAct("a note for the postman")]);

        Assert.Contains(receipt!.Paragraphs, p => p.Contains("Don't tell anyone — you'll remember them longer.", StringComparison.Ordinal));
        Assert.DoesNotContain(receipt.Paragraphs, p => p.Contains("remember it ", StringComparison.Ordinal));
    }

    [Fact]
    public void For_OneLineAfterTheCheckIn_WelcomesBackWithoutCorrecting()
    {
        var receipt = ReplyReceipt.For(Subscriber(), [new JournalItem("warm socks")], [], Day, returning: true);

        Assert.NotNull(receipt);
        Assert.Contains(receipt.Paragraphs, p => p.StartsWith("Welcome back.", StringComparison.Ordinal));
        Assert.DoesNotContain(receipt.Paragraphs, p => p.Contains("person", StringComparison.Ordinal) || p.Contains("more come to you", StringComparison.Ordinal));
    }

    [Fact]
    public void Blocks_ItemsAndSuggestions_ListTheItemsBetweenWhatWasSavedAndTheSuggestions()
    {
        var receipt = For([new JournalItem("warm socks"), new JournalItem("rain")], [])!;

        var kinds = receipt.Blocks.Select(block => block.Kind).ToList();

        Assert.Equal("paragraph", kinds[0]);
        Assert.Equal("numbered", kinds[1]);
        Assert.Equal(["warm socks", "rain"], receipt.Blocks[1].Items);
        Assert.All(kinds.Skip(2), kind => Assert.Equal("paragraph", kind));
    }

    private static ReplyReceipt? For(IReadOnlyList<JournalItem> items, IReadOnlyList<KindAct> acts) => ReplyReceipt.For(Subscriber(), items, acts, Day);
}
