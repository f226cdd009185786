using Compersion.Core.Export;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;

namespace Compersion.Core.Tests.Export;

public sealed class ExportMarkdownTests
{
    private static readonly ExportSettings Settings = new("abcdefghijklmnop", "active", "Europe/Berlin", "20:00", "Sunday", "18:00", 2, true, false, false);

    [Fact]
    public void ToMarkdown_DayWithItemsAndAct_HeadingPerDayAndOnlyWhatThePersonWrote()
    {
        var export = new SubscriberExport("alex@example.org", Settings,
        [
            new ExportEntry("2026-11-25", [new JournalItem("Sam brought me lunch", Social: true), new JournalItem("My sister got the job", Social: true, Compersion: true)], [new KindAct("Fed the cat next door", "practical help", "neighbour")], []),
        ]);

        var markdown = ExportService.ToMarkdown(export);

        Assert.Contains("## Wednesday, 25 November 2026\n", markdown, StringComparison.Ordinal);
        Assert.Contains("1. Sam brought me lunch\n", markdown, StringComparison.Ordinal);
        Assert.Contains("2. My sister got the job\n", markdown, StringComparison.Ordinal);
        Assert.Contains("- Fed the cat next door\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("_(", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("practical help", markdown, StringComparison.Ordinal);
        Assert.Contains("- Daily prompt: 20:00 (Europe/Berlin)", markdown, StringComparison.Ordinal);
        Assert.Contains("- Kindness goal: 2 a week", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdown_UserTextWithMarkup_EscapedSoItStaysText()
    {
        var export = new SubscriberExport("alex@example.org", Settings,
            [new ExportEntry("2026-11-25", [new JournalItem("# not a heading [link](http://x) <b>bold</b>\nsecond line")], [], [])]);

        var markdown = ExportService.ToMarkdown(export);

        Assert.Contains(@"1. \# not a heading \[link\](http://x) \<b\>bold\</b\> second line", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\n# not", markdown, StringComparison.Ordinal);
    }
}
