using Compersion.Core.Subscribers;

namespace Compersion.Core.Tests.Subscribers;

public sealed class SubscriberIdTests
{
    [Fact]
    public void New_Always_IsValidLowercaseBase32OfSixteenCharacters()
    {
        var ids = Enumerable.Range(0, 200).Select(_ => SubscriberId.New()).ToList();

        Assert.All(ids, id => Assert.True(SubscriberId.IsValid(id), id));
        Assert.All(ids, id => Assert.Matches("^[a-z2-7]{16}$", id));
    }

    [Fact]
    public void New_ManyTimes_NeverRepeats()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => SubscriberId.New()).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("abcdefghijklmnop")]
    [InlineData("qrstuvwxyz234567")]
    public void IsValid_WellFormedId_IsTrue(string id)
    {
        var valid = SubscriberId.IsValid(id);

        Assert.True(valid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abcdefghijklmno")] // 15
    [InlineData("abcdefghijklmnopq")] // 17
    [InlineData("ABCDEFGHIJKLMNOP")] // not the canonical lowercase spelling
    [InlineData("abcdefghijklmno0")] // 0, 1, 8, 9 are not base32
    [InlineData("abcdefghijklmno1")]
    [InlineData("abcdefghijklmn-p")]
    [InlineData("abcdefgh/jklmnop")]
    [InlineData("alex@example.org")]
    [InlineData("abcdefghijklmnop ")]
    public void IsValid_AnythingElse_IsFalse(string? id)
    {
        var valid = SubscriberId.IsValid(id);

        Assert.False(valid);
    }
}
