namespace Compersion.Storage.Tests;

public sealed class ChunkedJsonColumnsTests
{
    [Fact]
    public void Split_SurrogatePairAtAColumnBoundary_KeepsThePairTogether()
    {
        var text = new string('x', ChunkedJsonColumns.ChunkLength - 1) + "😊" + new string('y', 100);

        var chunks = ChunkedJsonColumns.Split(text);

        Assert.Equal(2, chunks.Count);
        Assert.Equal(ChunkedJsonColumns.ChunkLength - 1, chunks[0].Length);
        Assert.StartsWith("😊", chunks[1], StringComparison.Ordinal);
        Assert.Equal(text, string.Concat(chunks));
    }
}
