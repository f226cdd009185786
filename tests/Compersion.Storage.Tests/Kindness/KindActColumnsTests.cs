using Azure.Data.Tables;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Storage.Journal;
using Compersion.Storage.Kindness;

namespace Compersion.Storage.Tests.Kindness;

public sealed class KindActColumnsTests
{
    [Fact]
    public void Write_ActsWithoutCategoryOrRecipient_LeavesThemOutOfTheJson()
    {
        var entity = new TableEntity("p", "r");

        KindActColumns.Write(entity, [new KindAct("left flowers on my neighbour's doorstep"), new KindAct("paid for a stranger's coffee", "generosity", "stranger")]);

        Assert.Equal(
            """[{"text":"left flowers on my neighbour's doorstep"},{"text":"paid for a stranger's coffee","category":"generosity","recipient":"stranger"}]""",
            entity.GetString("Acts0"));
    }

    [Fact]
    public void Write_ActsAndItemsInOneRow_EachReadsOnlyItsOwn()
    {
        var entity = new TableEntity("p", "r");
        KindAct[] acts = [new("Kaffee für Jürgen – heimlich 😊")];
        JournalItem[] items = [new("a walk")];

        KindActColumns.Write(entity, acts);
        JournalItemColumns.Write(entity, items);

        Assert.Equal(acts, KindActColumns.Read(entity));
        Assert.Equal(items, JournalItemColumns.Read(entity));
    }

    [Fact]
    public void Read_RowWithoutActs_ReturnsNone()
    {
        var entity = new TableEntity("p", "r") { ["Theme"] = "dark" };

        var acts = KindActColumns.Read(entity);

        Assert.Empty(acts);
    }
}
