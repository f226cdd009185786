using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Journal;

public sealed class JournalDayTests
{
    [Fact]
    public void Merge_EntriesAndActsOnSomeSharedDates_OneDayPerDateOldestFirst()
    {
        JournalEntry[] entries = [Entry(Date("2026-11-24"), new JournalItem("rain")), Entry(Date("2026-11-20"), new JournalItem("snow"))];
        KindActDay[] acts =
        [
            new(AlexId, Date("2026-11-24"), [new KindAct("fed the cat next door")]),
            new(AlexId, Date("2026-11-22"), [new KindAct("a note for the postman")]),
        ];

        var days = JournalDay.Merge(entries, acts);

        Assert.Equal([Date("2026-11-20"), Date("2026-11-22"), Date("2026-11-24")], days.Select(day => day.Date));
        Assert.Equal(["snow"], days[0].Items.Select(item => item.Text));
        Assert.Empty(days[0].Acts);
        Assert.Empty(days[1].Items);
        Assert.Equal(["a note for the postman"], days[1].Acts.Select(act => act.Text));
        Assert.Equal(["rain"], days[2].Items.Select(item => item.Text));
        Assert.Equal(["fed the cat next door"], days[2].Acts.Select(act => act.Text));
    }

    [Fact]
    public void Merge_DateEmptiedByCorrections_NoDayForIt()
    {
        JournalEntry[] entries = [Entry(Date("2026-11-24")), Entry(Date("2026-11-25"), new JournalItem("rain"))];
        KindActDay[] acts = [new(AlexId, Date("2026-11-24"), [])];

        var days = JournalDay.Merge(entries, acts);

        Assert.Equal([Date("2026-11-25")], days.Select(day => day.Date));
    }

    [Fact]
    public void Merge_NothingWritten_NoDays()
    {
        var days = JournalDay.Merge([], []);

        Assert.Empty(days);
    }
}
