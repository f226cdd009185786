using Compersion.Core.Kindness;

namespace Compersion.Core.Tests.Kindness;

public sealed class ActLinesTests
{
    [Theory]
    [InlineData("left flowers on my neighbour's doorstep")]
    [InlineData("paid for the coffee of the person behind me")]
    [InlineData("taught my nephew to tie his shoelaces")]
    [InlineData("fed the cat next door")]
    [InlineData("Shovelled the path for Mrs Kowalski")]
    [InlineData("I baked bread for the new neighbours")]
    [InlineData("We cooked dinner for Sam after his surgery")]
    [InlineData("Today I listened to my sister for an hour")]
    [InlineData("Called my grandma just to chat")]
    [InlineData("a note in a library book #words @stranger")]
    public void ReadsAsAct_SomethingTheWriterDidForSomeone_True(string line)
    {
        Assert.True(ActLines.ReadsAsAct(line));
    }

    [Theory]
    [InlineData("The snow")]
    [InlineData("Coffee with Ana before work")]
    [InlineData("Sam made me dinner")]
    [InlineData("Sam got the job and was so proud")]
    [InlineData("My warm bed")]
    [InlineData("Got a lovely card from my aunt")]
    [InlineData("Slept nine hours")]
    [InlineData("Watched the sunset from the bridge")]
    [InlineData("Walked home in the rain")]
    [InlineData("I'm grateful for my health")]
    [InlineData("Finished my book")]
    public void ReadsAsAct_AGratitude_False(string line)
    {
        Assert.False(ActLines.ReadsAsAct(line));
    }
}
