using Compersion.Core.Inbound;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Inbound;

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
        Assert.Contains(receipt.Paragraphs, p => p.Contains(ReplyReceipt.SecrecyReminder, StringComparison.Ordinal));
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
        Assert.DoesNotContain(receipt.Paragraphs, p => p.Contains(ReplyReceipt.SecrecyReminder, StringComparison.Ordinal));
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

    private static ReplyReceipt? For(IReadOnlyList<JournalItem> items, IReadOnlyList<KindAct> acts) => ReplyReceipt.For(Subscriber(), items, acts, Day);
}
