using System.CommandLine;
using Compersion.Cli.Commands;
using Compersion.Core.Kindness;

namespace Compersion.Cli.Tests;

public sealed class IdeasCommandTests
{
    [Fact]
    public async Task Ideas_Count_IsTheShippedCatalogsSize()
    {
        var (exit, output, _) = await RunAsync("ideas", "--count");

        Assert.Equal(0, exit);
        Assert.Equal(IdeaCatalog.Shipped.Ideas.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), output.Trim());
        Assert.True(IdeaCatalog.Shipped.Ideas.Count >= 300);
    }

    [Fact]
    public async Task Ideas_CategoryAndRecipient_ListsOnlyThosePairsTabSeparated()
    {
        var (exit, output, _) = await RunAsync("ideas", "--category", "food", "--recipient", "neighbor");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, exit);
        Assert.True(lines.Length >= 3);
        Assert.All(lines, line =>
        {
            var columns = line.Split('\t');
            Assert.Equal(6, columns.Length);
            Assert.Equal(("food", "neighbour"), (columns[0], columns[1]));
            Assert.Contains(columns[2], new[] { "1", "2", "3" });
        });
    }

    [Fact]
    public async Task Ideas_CountForOneRecipient_MatchesTheList()
    {
        var (_, count, _) = await RunAsync("ideas", "--recipient", "animal", "--count");
        var (_, list, _) = await RunAsync("ideas", "--recipient", "animal");

        Assert.Equal(list.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ToString(System.Globalization.CultureInfo.InvariantCulture), count.Trim());
    }

    [Theory]
    [InlineData("--category", "hugs", "Unknown category 'hugs'")]
    [InlineData("--recipient", "martians", "Unknown recipient 'martians'")]
    public async Task Ideas_UnknownName_ExitCode2WithTheChoices(string option, string value, string expected)
    {
        var (exit, _, error) = await RunAsync("ideas", option, value);

        Assert.Equal(2, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains(option == "--category" ? "words, time, help" : "partner, metamour, family", error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { IdeasCommand.Create() };

        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
