using Azure.Data.Tables;
using Compersion.Core.Journal;
using Compersion.Storage.Journal;

namespace Compersion.Storage.Tests.Journal;

public sealed class JournalItemColumnsTests
{
    [Fact]
    public void Write_ItemsLongerThanOneColumn_SpreadOverSeveralColumnsAndReadBack()
    {
        var items = new[] { new JournalItem(new string('a', 40_000)), new JournalItem(new string('b', 30_000), Social: true) };
        var entity = new TableEntity("p", "r");

        JournalItemColumns.Write(entity, items);

        Assert.Equal(3, entity.GetInt32("ItemChunks"));
        Assert.All(["Items0", "Items1", "Items2"], column => Assert.True(entity.GetString(column).Length <= ChunkedJsonColumns.ChunkLength));
        Assert.Equal(items, JournalItemColumns.Read(entity));
    }

    [Fact]
    public void Write_MoreThanTheEntityCanHold_Throws()
    {
        var tooMuch = Enumerable.Range(0, 16).Select(_ => new JournalItem(new string('x', ChunkedJsonColumns.ChunkLength))).ToList();

        var write = () => JournalItemColumns.Write(new TableEntity("p", "r"), tooMuch);

        Assert.Throws<InvalidOperationException>(write);
    }

    [Fact]
    public void Write_FalseSignals_AreLeftOutOfTheJson()
    {
        var entity = new TableEntity("p", "r");

        JournalItemColumns.Write(entity, [new JournalItem("a walk", Social: false, Vague: true)]);

        Assert.Equal("""[{"text":"a walk","vague":true}]""", entity.GetString("Items0"));
    }
}
