using System.Text;
using Compersion.Core.Import;
using NodaTime;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Import;

public sealed class JournalFileParserTests
{
    private static readonly LocalDate Tomorrow = Date("2026-11-26");

    [Theory]
    [InlineData("dabble.txt", ImportFormat.DabbleText, "2024-05-20", "2024-05-21")]
    [InlineData("dabble.json", ImportFormat.DabbleJson, "2024-05-20", "2024-05-21")]
    [InlineData("ohlife.txt", ImportFormat.DatedText, "2013-05-20", "2013-05-21")]
    public void TryParse_ExportFile_ReadsEveryDayWithItsText(string file, ImportFormat expected, string first, string second)
    {
        var content = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "import", file));

        var ok = JournalFileParser.TryParse(content, Tomorrow, out var days, out var format, out var error);

        Assert.True(ok, error);
        Assert.Equal(expected, format);
        Assert.Equal([Date(first), Date(second)], days.Select(d => d.Date));
        Assert.All(days, day => Assert.False(string.IsNullOrWhiteSpace(day.Text)));
        Assert.DoesNotContain(days, day => day.Text.Contains('<', StringComparison.Ordinal) || day.Text.Contains("##", StringComparison.Ordinal));
    }

    [Fact]
    public void TryParse_DabbleTextWithABareDateInsideAnEntry_KeepsTheDateAsText()
    {
        var ok = Parse("## 2024-05-20\nWe set the wedding date:\n2025-06-01\nSo happy for them\n", out var days, out _);

        Assert.True(ok);
        Assert.Contains("2025-06-01", Assert.Single(days).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Dear diary,\n2024-05-20\nhello", "Line 1")]
    [InlineData("## 2024-05-20\nfine\n## 2024-02-30\nnot a day", "Line 3")]
    [InlineData("2024-05-20\nfine\n2099-01-01\nlater", "in the future")]
    [InlineData("## 2024-05-20\n\n## 2024-05-21\n", "no writing")]
    [InlineData("[{\"date\": \"2024-05-20\", \"body\": \"ok\"}, {\"body\": \"no date\"}]", "Entry 2")]
    [InlineData("[{\"date\": \"20-05-2024\", \"body\": \"ok\"}]", "yyyy-MM-dd")]
    [InlineData("[{\"date\": \"2024-05-20\", \"body\": 3}]", "no \"body\"")]
    [InlineData("{\"entries\": []}", "list of entries")]
    [InlineData("[{\"date\": \"2024-05-20\", \"body\": \"unterminated", "doesn't parse")]
    [InlineData("", "empty")]
    public void TryParse_MalformedFile_FailsSayingWhatAndWhere(string text, string expected)
    {
        var ok = Parse(text, out var days, out var error);

        Assert.False(ok);
        Assert.Empty(days);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_NotUtf8_FailsAskingForTextOrJson()
    {
        var ok = JournalFileParser.TryParse([0xFF, 0xFE, 0x00, 0x41, 0xC3], Tomorrow, out _, out _, out var error);

        Assert.False(ok);
        Assert.Contains("UTF-8", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_LargerThanTheLimit_FailsBeforeReading()
    {
        var ok = JournalFileParser.TryParse(new byte[JournalFileParser.MaxBytes + 1], Tomorrow, out _, out _, out var error);

        Assert.False(ok);
        Assert.Contains("larger than 2 MB", error, StringComparison.Ordinal);
    }

    private static bool Parse(string text, out IReadOnlyList<ImportedDay> days, out string error) =>
        JournalFileParser.TryParse(Encoding.UTF8.GetBytes(text), Tomorrow, out days, out _, out error);
}
