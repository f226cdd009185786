using Compersion.Core.Kindness;
using Xunit.Abstractions;

namespace Compersion.Core.Tests.Kindness;

/// <summary>Runs the act classifier over 420 labelled acts and holds each dimension to 90% accuracy.</summary>
/// <remarks>
/// <para>The acts were written and labelled by someone other than the author of the rules, in four rounds, each file
/// without seeing the rules: <c>acts-dev.tsv</c> was used to write them; each later file was first measured as it
/// came, and only then used to improve them. The first measurements, on text the rules had never seen
/// (category / recipient): held-out 62.2% / 78.9%, unseen 71.0% / 75.0%, fresh 73.0% / 83.0%. See docs/kindness.md.</para>
/// <para>The output lists every miss with the reasons the classifier gave, per file.</para>
/// </remarks>
public sealed class ActClassifierAccuracyTests(ITestOutputHelper output)
{
    private const double RequiredAccuracy = 0.90;

    private static readonly string[] Files = ["acts-dev.tsv", "acts-heldout.tsv", "acts-unseen.tsv", "acts-fresh.tsv"];

    private static readonly Lazy<IReadOnlyList<LabelledAct>> Acts = new(Load);

    [Fact]
    public void LabelledSet_CoversEveryCategoryAndRecipient()
    {
        var acts = Acts.Value;

        Assert.True(acts.Count >= 400, $"The labelled set has {acts.Count} acts.");
        Assert.All(KindnessNames.Categories, category => Assert.True(acts.Count(act => act.Category == category) >= 30, $"{category}: too few acts."));
        Assert.All(KindnessNames.Recipients, recipient => Assert.True(acts.Count(act => act.Recipient == recipient) >= 30, $"{recipient}: too few acts."));
        Assert.True(acts.Count(act => act.Text.Contains('#', StringComparison.Ordinal) || act.Text.Contains('@', StringComparison.Ordinal)) >= 20, "Too few tagged acts.");
    }

    [Theory]
    [InlineData("category")]
    [InlineData("recipient")]
    public void Classify_LabelledActs_AtLeastNinetyPercentAccurate(string dimension)
    {
        var acts = Acts.Value;

        var results = acts.Select(act => (act, actual: ActClassifier.Classify(act.Text))).ToList();
        var misses = results.Where(result => Expected(result.act, dimension) != Actual(result.actual, dimension)).ToList();

        var accuracy = 1.0 - (double)misses.Count / acts.Count;
        output.WriteLine($"{dimension}: {accuracy:P1} ({acts.Count - misses.Count}/{acts.Count})");
        foreach (var file in Files)
        {
            var inFile = acts.Count(act => act.File == file);
            var missed = misses.Count(miss => miss.act.File == file);
            output.WriteLine($"  {file}: {1.0 - (double)missed / inFile:P1} ({inFile - missed}/{inFile})");
        }

        foreach (var (act, actual) in misses)
        {
            output.WriteLine($"  expected {Expected(act, dimension)} ({act.File}): {act.Text}");
            output.WriteLine($"    got {actual}");
        }

        Assert.True(accuracy >= RequiredAccuracy, $"{dimension} accuracy {accuracy:P1} is below {RequiredAccuracy:P0}.");
    }

    private static string Expected(LabelledAct act, string dimension) =>
        dimension == "category" ? KindnessNames.Name(act.Category) : KindnessNames.Name(act.Recipient);

    private static string Actual(ActClassification actual, string dimension) =>
        dimension == "category" ? KindnessNames.Name(actual.Category) : KindnessNames.Name(actual.Recipient);

    // Only "# " opens a comment: an act may start with a tag ("#help @partner mopped the floor").
    private static List<LabelledAct> Load() =>
        [.. Files.SelectMany(file => File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "acts", file))
            .Where(line => line.Length > 0 && !line.StartsWith("# ", StringComparison.Ordinal))
            .Select(line => line.Split('\t'))
            .Select(columns => new LabelledAct(file, columns[0], Category(columns[1]), Recipient(columns[2]))))];

    private static KindCategory Category(string name) =>
        KindnessNames.TryParseCategory(name, out var category) ? category : throw new InvalidDataException($"Unknown category '{name}'.");

    private static KindRecipient Recipient(string name) =>
        KindnessNames.TryParseRecipient(name, out var recipient) ? recipient : throw new InvalidDataException($"Unknown recipient '{name}'.");

    private sealed record LabelledAct(string File, string Text, KindCategory Category, KindRecipient Recipient);
}
