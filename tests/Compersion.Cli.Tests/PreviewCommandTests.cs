using System.CommandLine;
using AngleSharp.Html.Parser;
using Compersion.Cli.Commands;

namespace Compersion.Cli.Tests;

public sealed class PreviewCommandTests
{
    [Fact]
    public async Task PreviewDigest_SampleAsText_PrintsTheSubjectAndEveryPartOfTheDigest()
    {
        var (exit, output, _) = await RunAsync("preview", "digest", "--sample", "--date", "2026-11-29");

        Assert.Equal(0, exit);
        Assert.StartsWith("Subject: Your week of gratitude and kindness — Sunday, 29 November", output, StringComparison.Ordinal);
        foreach (var part in new[] { "GRATITUDE", "KINDNESS", "Who showed up most", "Recent acts, by whom and what kind:", "Three small ideas for the week ahead:", "Your last two acts were both practical help for a neighbour", "For you alone, from", "Keep them secret" })
        {
            Assert.Contains(part, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PreviewDigest_SampleAsHtml_PrintsAWholeHtmlDocument()
    {
        var (exit, output, _) = await RunAsync("preview", "digest", "--sample", "--html", "--date", "2026-11-29");

        var document = new HtmlParser().ParseDocument(output);
        Assert.Equal(0, exit);
        Assert.Equal("Your week of gratitude and kindness — Sunday, 29 November", document.Title);
        Assert.Contains("Three small ideas for the week ahead", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("script"));
    }

    [Fact]
    public async Task PreviewPrompt_Sample_PrintsThePromptWithProgressAndAMemory()
    {
        var (exit, output, _) = await RunAsync("preview", "prompt", "--sample", "--date", "2026-11-25");

        Assert.Equal(0, exit);
        Assert.StartsWith("Subject: Five gratitudes for Wednesday, 25 November", output, StringComparison.Ordinal);
        Assert.Contains("What are five things you're grateful for today?", output, StringComparison.Ordinal);
        Assert.Contains("you wrote:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_WithoutSample_IsRefused()
    {
        var (exit, _, error) = await RunAsync("preview", "digest");

        Assert.Equal(2, exit);
        Assert.Contains("Add --sample", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_HtmlAndText_ExitCode2()
    {
        var (exit, _, error) = await RunAsync("preview", "digest", "--sample", "--html", "--text");

        Assert.Equal(2, exit);
        Assert.Contains("Choose one of --html and --text", error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { PreviewCommand.Create() };

        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
