using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace Compersion.Replies.Tests;

/// <summary>
/// Scores <see cref="VisibleTextExtractor"/> on the shared reply corpus (212 bodies from the test
/// suites of six open-source reply parsers), with the three scores its README defines.
/// </summary>
public sealed class VisibleTextCorpusTests(ITestOutputHelper output)
{
    private const double ExactTarget = 0.95;
    private const double NormTarget = 0.99;
    private const double SoftTarget = 1.0;

    private static readonly string[] ProbedCategories = ["on-wrote", "signature", "mobile-sig", "separator"];

    /// <summary>
    /// Cases whose expected text upstream asserts exactly, in the categories where leaking quoted
    /// history is the failure that matters, and that name at least one probe (a quoted line). The
    /// explicit signature-only cases name none: their removed lines are the disputed <c>sig</c>
    /// lines, which the corpus-wide norm score covers.
    /// </summary>
    public static TheoryData<string> ExplicitCasesWithProbes()
    {
        var data = new TheoryData<string>();
        if (!ReplyCorpus.IsPresent)
        {
            // One row that fails with directions, rather than a theory that silently runs nothing.
            data.Add(ReplyCorpus.MissingMarker);
            return data;
        }

        foreach (var item in ReplyCorpus.Load().Cases)
        {
            if (item.Provenance == "explicit" && ProbedCategories.Contains(item.Category) && item.Probes.Count > 0)
            {
                data.Add(item.Id);
            }
        }

        return data;
    }

    [Fact]
    public void Extract_ReplyCorpusKeepingInlineQuotes_MeetsExactNormAndSoftTargets()
    {
        var corpus = ReplyCorpus.Load();

        var scores = corpus.Cases.Select(item => ReplyCorpus.Score(item, VisibleTextExtractor.Extract(item.Input, InlineQuotes.Keep))).ToList();

        var exact = scores.Count(s => s.Exact) / (double)scores.Count;
        var norm = scores.Count(s => s.Norm) / (double)scores.Count;
        var soft = scores.Count(s => s.Soft) / (double)scores.Count;
        output.WriteLine($"{scores.Count} cases: exact {exact:P1}, norm {norm:P1}, soft {soft:P1}");
        foreach (var category in corpus.Cases.Zip(scores).GroupBy(pair => pair.First.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {category.Key,-12} {category.Count(),3} cases: exact {category.Count(p => p.Second.Exact),3}, norm {category.Count(p => p.Second.Norm),3}, soft {category.Count(p => p.Second.Soft),3}");
        }

        foreach (var (item, score) in corpus.Cases.Zip(scores).Where(pair => !pair.Second.Exact || !pair.Second.Norm || !pair.Second.Soft))
        {
            output.WriteLine($"  not met: {item.Id} ({item.Category}, {item.Provenance}) exact={score.Exact} norm={score.Norm} soft={score.Soft}");
        }

        Assert.True(exact >= ExactTarget, $"exact {exact:P1} is below {ExactTarget:P0}");
        Assert.True(norm >= NormTarget, $"norm {norm:P1} is below {NormTarget:P0}");
        Assert.True(soft >= SoftTarget, $"soft {soft:P1} is below {SoftTarget:P0}");
    }

    [Theory]
    [MemberData(nameof(ExplicitCasesWithProbes))]
    public void Extract_ExplicitCorpusCase_LeaksNoQuotedLine(string id)
    {
        var item = ReplyCorpus.Load().Cases.Single(c => c.Id == id);

        var visible = ReplyCorpus.Collapse(VisibleTextExtractor.Extract(item.Input, InlineQuotes.Keep));

        Assert.All(item.Probes, probe => Assert.DoesNotContain(ReplyCorpus.Collapse(probe), visible, StringComparison.Ordinal));
    }
}

/// <summary>The reply corpus in <c>../shared/corpus/replies</c>, read once, and its README's scores.</summary>
internal sealed class ReplyCorpus
{
    public const string MissingMarker = "(reply corpus missing)";

    private static readonly Lazy<ReplyCorpus> Instance = new(Read);

    private ReplyCorpus(IReadOnlyList<ReplyCase> cases) => Cases = cases;

    public static bool IsPresent => File.Exists(Path.Combine(VisibleTextTestPaths.CorpusFolder, "manifest.json"));

    public IReadOnlyList<ReplyCase> Cases { get; }

    /// <summary>The corpus; fails the calling test with directions when it is not there.</summary>
    public static ReplyCorpus Load()
    {
        VisibleTextTestPaths.Corpus("manifest.json");
        return Instance.Value;
    }

    /// <summary>exact, norm and soft for one case, as the corpus README defines them.</summary>
    public static ReplyScore Score(ReplyCase item, string visible)
    {
        var exact = ExactForm(visible) == ExactForm(item.Expected);
        var sig = item.Sig.Select(Collapse).ToHashSet(StringComparer.Ordinal);
        var norm = NormLines(visible, sig).SequenceEqual(NormLines(item.Expected, sig), StringComparer.Ordinal);
        return new ReplyScore(exact, norm, IsSoft(item, Collapse(visible)));
    }

    /// <summary>Runs of whitespace as one space, trimmed.</summary>
    public static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd();
    }

    private static bool IsSoft(ReplyCase item, string visible)
    {
        var from = 0;
        foreach (var line in item.Required.Select(Collapse))
        {
            var at = visible.IndexOf(line, from, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            from = at + line.Length;
        }

        return !item.Probes.Select(Collapse).Any(probe => probe.Length > 0 && visible.Contains(probe, StringComparison.Ordinal));
    }

    private static string ExactForm(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(line => line.TrimEnd(' ', '\t'))).Trim();

    private static List<string> NormLines(string text, HashSet<string> sig) =>
        text.ReplaceLineEndings("\n").Split('\n').Select(Collapse).Where(line => line.Length > 0 && !sig.Contains(line)).ToList();

    private static ReplyCorpus Read()
    {
        var folder = VisibleTextTestPaths.CorpusFolder;
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
        var cases = new List<ReplyCase>();
        foreach (var entry in manifest.RootElement.GetProperty("cases").EnumerateArray())
        {
            var expected = File.ReadAllText(Path.Combine(folder, entry.GetProperty("expected_file").GetString()!));
            var sig = Strings(entry, "sig") ?? [];

            // The README's default: the expected text's non-empty lines that are not signature lines.
            var required = Strings(entry, "required")
                ?? expected.ReplaceLineEndings("\n").Split('\n').Where(line => !string.IsNullOrWhiteSpace(line) && !sig.Contains(Collapse(line))).ToList();
            cases.Add(new ReplyCase(
                entry.GetProperty("id").GetString()!,
                entry.GetProperty("category").GetString()!,
                entry.GetProperty("provenance").GetString()!,
                File.ReadAllText(Path.Combine(folder, entry.GetProperty("input_file").GetString()!)),
                expected,
                sig,
                required,
                Strings(entry, "probes") ?? []));
        }

        return new ReplyCorpus(cases);
    }

    private static List<string>? Strings(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var values) && values.ValueKind == JsonValueKind.Array
            ? values.EnumerateArray().Select(value => value.GetString() ?? string.Empty).ToList()
            : null;
}

/// <summary>One corpus case: its body, the expected visible text and the lines the scores look at.</summary>
internal sealed record ReplyCase(
    string Id,
    string Category,
    string Provenance,
    string Input,
    string Expected,
    IReadOnlyList<string> Sig,
    IReadOnlyList<string> Required,
    IReadOnlyList<string> Probes);

/// <summary>Whether one case met each of the corpus README's three criteria.</summary>
internal sealed record ReplyScore(bool Exact, bool Norm, bool Soft);
