using System.Text;
using Compersion.Functions.Http;

namespace Compersion.Functions.Tests;

public sealed class EntriesJsonTests
{
    [Fact]
    public void Read_DateItemsAndActs_ThePostAsSent()
    {
        var (post, problem) = EntriesJson.Read(Body("""{"date":"2026-11-24","items":["warm socks"," my sister's call "],"acts":["fed the cat next door"]}"""));

        Assert.Null(problem);
        Assert.Equal("2026-11-24", post!.Date);
        Assert.Equal(["warm socks", " my sister's call "], post.Items);
        Assert.Equal(["fed the cat next door"], post.Acts);
    }

    [Theory]
    [InlineData("""{"items":["warm socks"]}""")]
    [InlineData("""{"date":null,"items":["warm socks"],"acts":null}""")]
    public void Read_MissingOrNullFields_ReadAsNoneAndNoDate(string json)
    {
        var (post, problem) = EntriesJson.Read(Body(json));

        Assert.Null(problem);
        Assert.Null(post!.Date);
        Assert.Equal(["warm socks"], post.Items);
        Assert.Empty(post.Acts);
    }

    [Theory]
    [InlineData("""not json""", "isn't valid JSON")]
    [InlineData("""["warm socks"]""", "must be a JSON object")]
    [InlineData("""{"date":20261124,"items":["warm socks"]}""", "\"date\" must be a string")]
    [InlineData("""{"acts":"fed the cat"}""", "\"acts\" must be an array of strings")]
    [InlineData("""{"items":["warm socks"],"acts":[1]}""", "Every act must be a string")]
    [InlineData("""{"items":"warm socks"}""", "\"items\" must be an array of strings")]
    [InlineData("""{"items":[["warm socks"]]}""", "Every item must be a string")]
    public void Read_WrongShape_NoPostAndTheReason(string json, string reason)
    {
        var (post, problem) = EntriesJson.Read(Body(json));

        Assert.Null(post);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NestedDeeperThanEight_NoPostNotAThrow()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 20)) + string.Concat(Enumerable.Repeat("]", 20));

        var (post, problem) = EntriesJson.Read(Body("{\"items\":" + deep + "}"));

        Assert.Null(post);
        Assert.Equal("That isn't valid JSON.", problem);
    }

    private static byte[] Body(string json) => Encoding.UTF8.GetBytes(json);
}
