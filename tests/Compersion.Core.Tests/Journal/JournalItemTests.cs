using Compersion.Core.Journal;

namespace Compersion.Core.Tests.Journal;

public sealed class JournalItemTests
{
    [Fact]
    public void Merge_SameTextWithOtherCaseSpacingOrFullStop_KeptOnceInItsFirstPlace()
    {
        JournalItem[] current = [new("Tea with Ana", Social: true), new("the rain")];

        var merged = JournalItem.Merge(current, [new("tea  with ana."), new("Sam's soup", Social: true), new("Sam's soup!")]);

        Assert.Equal([new("Tea with Ana", Social: true), new("the rain"), new("Sam's soup", Social: true)], merged);
    }

    [Fact]
    public void Merge_DifferentTexts_KeepsAllInOrder()
    {
        var merged = JournalItem.Merge([new("tea")], [new("tea with Ana"), new("rain")]);

        Assert.Equal(["tea", "tea with Ana", "rain"], merged.Select(item => item.Text));
    }

    [Fact]
    public void Understand_ItemNamingAFriend_CarriesTheReplyEnginesSignals()
    {
        var item = JournalItem.Understand("Sam got the job and was so proud");

        Assert.Equal(new JournalItem("Sam got the job and was so proud", Social: true, Compersion: true), item);
    }
}
