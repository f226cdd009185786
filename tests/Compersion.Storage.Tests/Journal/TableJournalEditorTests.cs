using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Subscribers;
using NodaTime;

namespace Compersion.Storage.Tests.Journal;

public sealed class TableJournalEditorTests(AzuriteFixture fixture) : StorageTestBase(fixture)
{
    private static readonly LocalDate Day = new(2026, 3, 5);

    private readonly string subscriberId = SubscriberId.New();

    private IJournalEditor Editor => Harness.Get<IJournalEditor>();

    private IEntryStore Entries => Harness.Get<IEntryStore>();

    private IActStore Acts => Harness.Get<IActStore>();

    [Fact]
    public async Task EditDayAsync_MoveAnItemToTheActs_BothRowsRewrittenTogether()
    {
        await Entries.AppendAsync(subscriberId, Day, [new JournalItem("tea"), new JournalItem("baked bread for the neighbour")]);

        await Editor.EditDayAsync(subscriberId, Day, day => new DayRows([day.Items[0]], [new KindAct(day.Items[1].Text, "food", "neighbour", Chosen: true)]));

        Assert.Equal(["tea"], Assert.Single(await Entries.GetEntriesAsync(subscriberId)).Items.Select(item => item.Text));
        Assert.Equal(new KindAct("baked bread for the neighbour", "food", "neighbour", Chosen: true), Assert.Single(Assert.Single(await Acts.GetActsAsync(subscriberId)).Acts));
    }

    [Fact]
    public async Task EditDayAsync_DeleteEverythingThenTheSameMessageAgain_DeletedItemsStayDeleted()
    {
        await Entries.AppendAsync(subscriberId, Day, [new JournalItem("a typo")], "m:one");

        await Editor.EditDayAsync(subscriberId, Day, day => day with { Items = [] });
        await Entries.AppendAsync(subscriberId, Day, [new JournalItem("a typo")], "m:one");

        Assert.Empty(Assert.Single(await Entries.GetEntriesAsync(subscriberId)).Items);
    }

    [Fact]
    public async Task EditDayAsync_TwentyAppendsRacingAnEdit_NoAppendLostAndTheEditApplied()
    {
        await Entries.AppendAsync(subscriberId, Day, [new JournalItem("edit me")]);

        await Task.WhenAll(
            Enumerable.Range(1, 20).Select(i => Entries.AppendAsync(subscriberId, Day, [new JournalItem($"item {i}")]))
                .Append(Editor.EditDayAsync(subscriberId, Day, day => day with { Items = [new JournalItem("edited"), .. day.Items.Skip(1)] })));

        var items = Assert.Single(await Entries.GetEntriesAsync(subscriberId)).Items.Select(item => item.Text).ToList();
        Assert.Equal(21, items.Count);
        Assert.Equal("edited", items[0]);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"item {i}").Order(), items.Skip(1).Order());
    }

    [Fact]
    public async Task EditDayAsync_AfterACorrection_TheCorrectedMessageAndEachItemsMessageAreRemembered()
    {
        await Entries.AppendAsync(subscriberId, Day, [new JournalItem("tea") { Source = "m:one" }], "m:one");
        await Acts.AppendAsync(subscriberId, Day, [new KindAct("a note for Sam") { Source = "m:two" }], "m:two");

        await Editor.EditDayAsync(subscriberId, Day, day => day with { Items = [new JournalItem("green tea")], Corrected = ["m:one"] });
        DayRows? seen = null;
        await Editor.EditDayAsync(subscriberId, Day, day =>
        {
            seen = day;
            return null;
        });

        Assert.Equal(["m:one"], seen!.Corrected);
        Assert.Equal(["m:one", "m:two"], seen.Appended.Order());
        Assert.Null(Assert.Single(seen.Items).Source);
        Assert.Equal("m:two", Assert.Single(seen.Acts).Source);
    }

    [Fact]
    public async Task EditDayAsync_EditDeclines_NothingWritten()
    {
        await Entries.AppendAsync(subscriberId, Day, [new JournalItem("tea")]);

        await Editor.EditDayAsync(subscriberId, Day, _ => null);

        Assert.Equal(["tea"], Assert.Single(await Entries.GetEntriesAsync(subscriberId)).Items.Select(item => item.Text));
        Assert.Empty(await Acts.GetActsAsync(subscriberId));
    }
}
