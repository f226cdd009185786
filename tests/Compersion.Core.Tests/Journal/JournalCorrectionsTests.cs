using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Journal;

public sealed class JournalCorrectionsTests
{
    private static readonly DayRows Day = new(
        [new JournalItem("Lunch with Sam", Social: true), new JournalItem("baked bread for the neighbour")],
        [new KindAct("a kind note", "words", "coworker")]);

    [Fact]
    public void Apply_EditGratitude_NewTextWithItsSignalsWorkedOutAgain()
    {
        var (next, result) = JournalCorrections.Apply(Day, Item(1, CorrectionAction.Edit, "Lunch with the rain outside"));

        Assert.Equal(CorrectionOutcome.Saved, result.Outcome);
        Assert.Equal(new JournalItem("Lunch with the rain outside"), next!.Items[0]);
        Assert.Equal(Day.Acts, next.Acts);
    }

    [Fact]
    public void Apply_DeleteGratitude_GoneAndTheRestKeptInOrder()
    {
        var (next, _) = JournalCorrections.Apply(Day, Item(1, CorrectionAction.Delete));

        Assert.Equal(["baked bread for the neighbour"], next!.Items.Select(item => item.Text));
    }

    [Fact]
    public void Apply_MoveGratitudeToActs_ClassifiedAndAppendedToTheActs()
    {
        var (next, _) = JournalCorrections.Apply(Day, Item(2, CorrectionAction.Move));

        Assert.Equal(["Lunch with Sam"], next!.Items.Select(item => item.Text));
        Assert.Equal(new KindAct("baked bread for the neighbour", "food", "neighbour"), next.Acts[1]);
    }

    [Fact]
    public void Apply_MoveActToGratitudes_UnderstoodAsAGratitude()
    {
        var (next, _) = JournalCorrections.Apply(Day with { Acts = [new KindAct("a kind note for Sam", "words", "friend")] }, Act(1, "a kind note for Sam", CorrectionAction.Move));

        Assert.Empty(next!.Acts);
        Assert.Equal(new JournalItem("a kind note for Sam", Social: true), next.Items[2]);
    }

    [Fact]
    public void Apply_ClassifyThenEdit_TheirChoiceKeptOverTheClassifier()
    {
        var (chosen, result) = JournalCorrections.Apply(Day, Act(1, "a kind note", CorrectionAction.Classify, category: "Gift", recipient: "neighbor"));
        var (edited, _) = JournalCorrections.Apply(chosen!, Act(1, "a kind note", CorrectionAction.Edit, text: "baked a cake for my partner"));

        Assert.Equal(CorrectionOutcome.Saved, result.Outcome);
        Assert.Equal(new KindAct("a kind note", "gift", "neighbour", Chosen: true), chosen!.Acts[0]);
        Assert.Equal(new KindAct("baked a cake for my partner", "gift", "neighbour", Chosen: true), edited!.Acts[0]);
    }

    [Fact]
    public void Apply_EditUnchosenAct_ClassifiedAgainFromTheNewText()
    {
        var (next, _) = JournalCorrections.Apply(Day, Act(1, "a kind note", CorrectionAction.Edit, text: "baked a cake for my partner"));

        Assert.Equal(new KindAct("baked a cake for my partner", "food", "partner"), next!.Acts[0]);
    }

    [Theory]
    [InlineData(1, "not the text shown")]
    [InlineData(3, "Lunch with Sam")]
    [InlineData(0, "Lunch with Sam")]
    public void Apply_ItemNotThereAsShown_StaleAndNothingWritten(int number, string shown)
    {
        var (next, result) = JournalCorrections.Apply(Day, new Correction(Date("2026-03-05"), false, number, JournalViews.Fingerprint(shown), CorrectionAction.Delete));

        Assert.Null(next);
        Assert.Equal(CorrectionOutcome.Stale, result.Outcome);
    }

    [Fact]
    public void Apply_SameDeletePostedTwice_SecondIsStaleAndDeletesNothingElse()
    {
        var twins = new DayRows([new JournalItem("tea"), new JournalItem("cake")], []);
        var delete = Item(1, CorrectionAction.Delete, shown: "tea");

        var (once, _) = JournalCorrections.Apply(twins, delete);
        var (twice, result) = JournalCorrections.Apply(once!, delete);

        Assert.Null(twice);
        Assert.Equal(CorrectionOutcome.Stale, result.Outcome);
        Assert.Equal(["cake"], once!.Items.Select(item => item.Text));
    }

    [Theory]
    [InlineData(CorrectionAction.Edit, "   ", "", "", "empty")]
    [InlineData(CorrectionAction.Classify, "", "bribery", "neighbour", "from the lists")]
    [InlineData(CorrectionAction.Classify, "", "gift", "unclassified", "from the lists")]
    public void Apply_BadValues_InvalidWithTheReason(CorrectionAction action, string text, string category, string recipient, string reason)
    {
        var (next, result) = JournalCorrections.Apply(Day, Act(1, "a kind note", action, text, category, recipient));

        Assert.Null(next);
        Assert.Equal(CorrectionOutcome.Invalid, result.Outcome);
        Assert.Contains(reason, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_TextTooLong_Invalid()
    {
        var (next, result) = JournalCorrections.Apply(Day, Item(1, CorrectionAction.Edit, new string('a', JournalCorrections.MaxTextLength + 1)));

        Assert.Null(next);
        Assert.Equal(CorrectionOutcome.Invalid, result.Outcome);
    }

    [Fact]
    public void Apply_EditOrDeleteOfAnItemAMessageWrote_ThatMessageMarkedCorrectedAndTheEditIsTheirOwn()
    {
        var day = new DayRows([new JournalItem("Lunch with Sam", Social: true) { Source = "m:one" }, new JournalItem("the rain") { Source = "m:two" }], []);

        var (edited, _) = JournalCorrections.Apply(day, Item(1, CorrectionAction.Edit, "Lunch with Sam by the river"));
        var (deleted, _) = JournalCorrections.Apply(edited!, Item(2, CorrectionAction.Delete, shown: "the rain"));

        Assert.Equal(["m:one", "m:two"], deleted!.Corrected);
        Assert.Null(deleted.Items.Single().Source);
    }

    private static Correction Item(int number, CorrectionAction action, string text = "", string? shown = null) =>
        new(Date("2026-03-05"), false, number, JournalViews.Fingerprint(shown ?? Day.Items[number - 1].Text), action, text);

    private static Correction Act(int number, string shown, CorrectionAction action, string text = "", string category = "", string recipient = "") =>
        new(Date("2026-03-05"), true, number, JournalViews.Fingerprint(shown), action, text, category, recipient);
}
