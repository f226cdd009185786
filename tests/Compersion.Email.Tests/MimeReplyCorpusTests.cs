using System.Text.Json;
using Compersion.Core.Inbound;
using Xunit.Abstractions;

namespace Compersion.Email.Tests;

/// <summary>
/// Whole reply emails shaped as ten mail clients build them, in eight languages (<c>TestData/replies-mime</c>, written by
/// <c>generate.py</c> there), read the way ingestion reads them: MIME decoding, visible text, items, signals and acts.
/// Every multipart/alternative message is read a second time without its text part, so the HTML path is scored on the
/// same content.
/// </summary>
public sealed class MimeReplyCorpusTests(ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestData", "replies-mime");

    private static List<string> Messages() =>
        [.. Directory.EnumerateFiles(Folder, "*.eml").Order(StringComparer.Ordinal).Select(path => Path.GetFileNameWithoutExtension(path))];

    [Fact]
    public void Read_WholeCorpusBothPaths_PrintsItemsExactSignalsAndActsAndMeetsTheTargets()
    {
        int readings = 0, itemsExact = 0, labels = 0, labelsRight = 0, actsExact = 0;
        var misses = new List<string>();
        foreach (var name in Messages())
        {
            var expected = Expected(name);
            foreach (var (path, reading) in Read(name))
            {
                readings++;
                var texts = reading.Items.Select(item => item.Text).ToList();
                if (texts.SequenceEqual(expected.Items.Select(item => item.Text)))
                {
                    itemsExact++;
                }
                else
                {
                    misses.Add($"{name} ({path}): items [{string.Join(" | ", texts)}]");
                }

                foreach (var want in expected.Items)
                {
                    var got = reading.Items.FirstOrDefault(item => item.Text == want.Text);
                    labels += 3;
                    labelsRight += got is null ? 0 : (got.Social == want.Social ? 1 : 0) + (got.Vague == want.Vague ? 1 : 0) + (got.Compersion == want.Compersion ? 1 : 0);
                    if (got is not null && (got.Social != want.Social || got.Vague != want.Vague || got.Compersion != want.Compersion))
                    {
                        misses.Add($"{name} ({path}): signals of \"{want.Text}\" social={got.Social} vague={got.Vague} compersion={got.Compersion}: {Compersion.Replies.ItemSignals.Explain(want.Text).ToString().ReplaceLineEndings("; ")}");
                    }
                }

                if (reading.Acts.Select(act => act.Text).SequenceEqual(expected.Acts))
                {
                    actsExact++;
                }
                else
                {
                    misses.Add($"{name} ({path}): acts [{string.Join(" | ", reading.Acts.Select(act => act.Text))}]");
                }
            }
        }

        var itemsRate = (double)itemsExact / readings;
        var signalsRate = (double)labelsRight / labels;
        var actsRate = (double)actsExact / readings;
        output.WriteLine($"{readings} readings of {Messages().Count} messages: items exact {itemsRate:P1} ({itemsExact}), signals {signalsRate:P1} ({labelsRight}/{labels}), acts {actsRate:P1} ({actsExact})");
        foreach (var miss in misses)
        {
            output.WriteLine("  miss: " + miss);
        }

        Assert.True(itemsRate >= 0.97, $"items exact {itemsRate:P1}");
        Assert.True(signalsRate >= 0.95, $"signals {signalsRate:P1}");
        Assert.Equal(1.0, actsRate);
    }

    /// <summary>
    /// Per language and signal: labels right over labels (both readings of every message), and how many of them say yes, so a
    /// signal that is never expected in a language is not reported as measured there. The Replies README's table comes from here.
    /// </summary>
    [Fact]
    public void Read_WholeCorpusBothPaths_PrintsSignalAccuracyPerLanguage()
    {
        var tally = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        var distinct = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var name in Messages())
        {
            // "<client>-<content>", the content id opening with its language: "gmail-de3".
            var language = name[(name.LastIndexOf('-') + 1)..][..2];
            var counts = tally.TryGetValue(language, out var existing) ? existing : tally[language] = new int[9];
            var expected = Expected(name);
            (distinct.TryGetValue(language, out var texts) ? texts : distinct[language] = []).UnionWith(expected.Items.Select(item => item.Text));
            foreach (var (_, reading) in Read(name))
            {
                foreach (var want in expected.Items)
                {
                    var got = reading.Items.FirstOrDefault(item => item.Text == want.Text);
                    bool[] wanted = [want.Social, want.Vague, want.Compersion];
                    bool?[] found = [got?.Social, got?.Vague, got?.Compersion];
                    for (var signal = 0; signal < 3; signal++)
                    {
                        counts[signal * 3]++;
                        counts[(signal * 3) + 1] += found[signal] == wanted[signal] ? 1 : 0;
                        counts[(signal * 3) + 2] += wanted[signal] ? 1 : 0;
                    }
                }
            }
        }

        output.WriteLine("labels right / labels over both readings of every message (and how many of those labels are yes)");
        output.WriteLine("| language | distinct items | Social | Vague | Compersion |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (var (language, counts) in tally)
        {
            output.WriteLine($"| {language} | {distinct[language].Count} | {Cell(counts, 0)} | {Cell(counts, 1)} | {Cell(counts, 2)} |");
        }

        Assert.All(tally, pair => Assert.All(new[] { 0, 1, 2 }, signal =>
            Assert.True(pair.Value[(signal * 3) + 1] >= 0.9 * pair.Value[signal * 3], $"{pair.Key} signal {signal}: {Cell(pair.Value, signal)}")));
    }

    private static string Cell(int[] counts, int signal) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{100.0 * counts[(signal * 3) + 1] / counts[signal * 3]:0.0}% ({counts[(signal * 3) + 1]}/{counts[signal * 3]}, {counts[(signal * 3) + 2]} yes)");

    private static IEnumerable<(string Path, ReplyReading Reading)> Read(string name)
    {
        using var eml = File.OpenRead(Path.Combine(Folder, name + ".eml"));
        Assert.True(InboundParseReader.TryReadMessage(eml, out var mail, out var problem), problem);
        yield return (mail!.Text is null ? "html" : "text", ReplyReading.Read(mail));
        if (mail.Text is not null && mail.Html is not null)
        {
            yield return ("html only", ReplyReading.Read(mail with { Text = null }));
        }
    }

    private static ExpectedReply Expected(string name) =>
        JsonSerializer.Deserialize<ExpectedReply>(File.ReadAllText(Path.Combine(Folder, name + ".expected.json")), JsonOptions)!;

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private sealed record ExpectedReply(IReadOnlyList<ExpectedItem> Items, IReadOnlyList<string> Acts);

    private sealed record ExpectedItem(string Text, bool Social, bool Vague, bool Compersion);
}
