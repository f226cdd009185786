using Xunit.Abstractions;

namespace Compersion.Replies.Tests;

/// <summary>Runs the signal rules over a labelled set of items and holds each signal to 90% accuracy.</summary>
public sealed class ItemSignalsAccuracyTests(ITestOutputHelper output)
{
    private const double RequiredAccuracy = 0.90;

    private static readonly Lazy<IReadOnlyList<LabelledItem>> Items = new(LoadItems);

    [Fact]
    public void LabelledSet_HasPositivesAndNegativesForEverySignal()
    {
        var items = Items.Value;

        Assert.True(items.Count >= 80, $"The labelled set has {items.Count} items; it needs at least 80.");
        foreach (var signal in Enum.GetValues<ItemSignal>())
        {
            Assert.True(items.Count(item => item.Expected(signal)) >= 15, $"{signal}: too few positives.");
            Assert.True(items.Count(item => !item.Expected(signal)) >= 15, $"{signal}: too few negatives.");
        }
    }

    [Theory]
    [InlineData(ItemSignal.Social)]
    [InlineData(ItemSignal.Vague)]
    [InlineData(ItemSignal.Compersion)]
    public void Understand_LabelledSet_AtLeastNinetyPercentAccurate(ItemSignal signal)
    {
        var items = Items.Value;

        var misses = items
            .Select(item => (item, actual: Actual(ItemSignals.Understand(item.Text), signal)))
            .Where(result => result.actual != result.item.Expected(signal))
            .ToList();

        var accuracy = 1.0 - (double)misses.Count / items.Count;
        output.WriteLine($"{signal}: {accuracy:P1} ({items.Count - misses.Count}/{items.Count})");
        foreach (var file in items.Select(item => item.File).Distinct())
        {
            var inFile = items.Count(item => item.File == file);
            var missed = misses.Count(miss => miss.item.File == file);
            output.WriteLine($"  {file}: {1.0 - (double)missed / inFile:P1} ({inFile - missed}/{inFile})");
        }

        foreach (var (item, actual) in misses)
        {
            output.WriteLine($"  expected {(actual ? "no " : string.Empty)}{signal} ({item.File}): {item.Text}");
            output.WriteLine($"    {ItemSignals.Explain(item.Text).ToString().Replace(Environment.NewLine, "; ", StringComparison.Ordinal)}");
        }

        Assert.True(accuracy >= RequiredAccuracy, $"{signal} accuracy {accuracy:P1} is below {RequiredAccuracy:P0}.");
    }

    private static bool Actual(UnderstoodItem item, ItemSignal signal) => signal switch
    {
        ItemSignal.Social => item.Social,
        ItemSignal.Vague => item.Vague,
        _ => item.Compersion,
    };

    // signals.tsv was written with the rules; signals-unseen.tsv after them, to measure honestly; signals-xx.tsv after each
    // language's rules, one file per language.
    private static readonly string[] Files =
        ["signals.tsv", "signals-unseen.tsv", "signals-de.tsv", "signals-fr.tsv", "signals-es.tsv", "signals-it.tsv", "signals-pt.tsv", "signals-nl.tsv", "signals-ja.tsv"];

    private static List<LabelledItem> LoadItems() =>
        Files
            .SelectMany(file => File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "items", file))
                .Where(line => line.Length > 0 && line[0] != '#')
                .Select(line => line.Split('\t'))
                .Select(columns => new LabelledItem(file, columns[3], columns[0] == "y", columns[1] == "y", columns[2] == "y")))
            .ToList();

    private sealed record LabelledItem(string File, string Text, bool Social, bool Vague, bool Compersion)
    {
        public bool Expected(ItemSignal signal) => signal switch
        {
            ItemSignal.Social => Social,
            ItemSignal.Vague => Vague,
            _ => Compersion,
        };
    }
}
