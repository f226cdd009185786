using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Compersion.Core.Kindness;

/// <summary>The catalog of small, secret acts of kindness that ships with the product (<c>Kindness/Catalog/ideas.tsv</c>).</summary>
/// <remarks>
/// <para>One idea per line, tab-separated: category, recipient, effort (1–3), cost (free, small, some), setting
/// (home, work, public, online), text. Lines starting with <c>#</c> and blank lines are skipped.</para>
/// <para>The file is validated when it is first read (and by the tests, so a bad edit fails the build): an unknown
/// tag, a pair that is not sensible (<see cref="KindnessPairs"/>), a duplicate text (ignoring case and spacing), fewer
/// than <see cref="MinimumPerPair"/> ideas for a sensible pair or fewer than <see cref="MinimumIdeas"/> in all is an
/// error naming the line.</para>
/// </remarks>
public sealed class IdeaCatalog
{
    /// <summary>The fewest ideas each sensible pair must have.</summary>
    public const int MinimumPerPair = 3;

    /// <summary>The fewest ideas the shipped catalog must have.</summary>
    public const int MinimumIdeas = 300;

    private const string ResourceName = "Compersion.Core.Kindness.Catalog.ideas.tsv";
    private const int Columns = 6;
    private static readonly Lazy<IdeaCatalog> ShippedCatalog = new(LoadShipped);

    private readonly Dictionary<string, KindnessIdea> byId;

    private IdeaCatalog(IReadOnlyList<KindnessIdea> ideas)
    {
        Ideas = ideas;
        byId = ideas.ToDictionary(idea => idea.Id, StringComparer.Ordinal);
    }

    /// <summary>The catalog embedded in the product, validated on first use.</summary>
    /// <exception cref="InvalidOperationException">The embedded file does not validate (a packaging mistake).</exception>
    public static IdeaCatalog Shipped => ShippedCatalog.Value;

    /// <summary>Every idea, in file order.</summary>
    public IReadOnlyList<KindnessIdea> Ideas { get; }

    /// <summary>Parses and validates catalog text.</summary>
    /// <param name="text">The file's contents.</param>
    /// <param name="minimumIdeas">The fewest ideas required in all (the shipped catalog needs <see cref="MinimumIdeas"/>).</param>
    /// <param name="catalog">The catalog, when there are no errors.</param>
    /// <param name="errors">Every problem found, each naming its line.</param>
    public static bool TryParse(string text, int minimumIdeas, out IdeaCatalog? catalog, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<string>();
        var ideas = new List<KindnessIdea>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var number = index + 1;
            var line = lines[index].TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var idea = ReadLine(line, number, problems);
            if (idea is null)
            {
                continue;
            }

            var key = Normalise(idea.Text);
            if (seen.TryGetValue(key, out var first))
            {
                problems.Add(Invariant($"line {number}: the same idea as line {first}"));
                continue;
            }

            seen.Add(key, number);
            ideas.Add(idea);
        }

        foreach (var (category, recipient) in KindnessPairs.All)
        {
            var count = ideas.Count(idea => idea.Category == category && idea.Recipient == recipient);
            if (count < MinimumPerPair)
            {
                problems.Add(Invariant($"{KindnessNames.Name(category)} for {KindnessNames.Name(recipient)} has {count} ideas; at least {MinimumPerPair} are needed"));
            }
        }

        if (ideas.Count < minimumIdeas)
        {
            problems.Add(Invariant($"{ideas.Count} ideas in all; at least {minimumIdeas} are needed"));
        }

        foreach (var collision in ideas.GroupBy(idea => idea.Id, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            problems.Add($"ideas share the id {collision.Key}: reword one of them");
        }

        errors = problems;
        catalog = problems.Count == 0 ? new IdeaCatalog(ideas) : null;
        return catalog is not null;
    }

    /// <summary>The idea with this id, or null (an idea since removed from the catalog).</summary>
    public KindnessIdea? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>The ideas of a category and/or for a recipient (null: any), in file order.</summary>
    public IEnumerable<KindnessIdea> Where(KindCategory? category = null, KindRecipient? recipient = null) =>
        Ideas.Where(idea => (category is null || idea.Category == category) && (recipient is null || idea.Recipient == recipient));

    private static KindnessIdea? ReadLine(string line, int number, List<string> problems)
    {
        var fields = line.Split('\t');
        if (fields.Length != Columns)
        {
            problems.Add(Invariant($"line {number}: {fields.Length} columns, expected {Columns} (category, recipient, effort, cost, setting, text) separated by tabs"));
            return null;
        }

        var start = problems.Count;
        var text = string.Join(' ', fields[5].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (!KindnessNames.TryParseCategory(fields[0].Trim(), out var category) || category == KindCategory.Unclassified)
        {
            problems.Add($"line {number}: unknown category '{fields[0].Trim()}'");
        }

        if (!KindnessNames.TryParseRecipient(fields[1].Trim(), out var recipient) || recipient == KindRecipient.Unclassified)
        {
            problems.Add($"line {number}: unknown recipient '{fields[1].Trim()}'");
        }

        if (!int.TryParse(fields[2].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var effort) || effort is < 1 or > 3)
        {
            problems.Add($"line {number}: effort must be 1, 2 or 3, not '{fields[2].Trim()}'");
        }

        if (!TryParseName(fields[3].Trim(), out IdeaCost cost))
        {
            problems.Add($"line {number}: cost must be free, small or some, not '{fields[3].Trim()}'");
        }

        if (!TryParseName(fields[4].Trim(), out IdeaSetting setting))
        {
            problems.Add($"line {number}: setting must be home, work, public or online, not '{fields[4].Trim()}'");
        }

        if (text.Length == 0)
        {
            problems.Add($"line {number}: the idea has no text");
        }

        if (problems.Count > start)
        {
            return null;
        }

        if (!KindnessPairs.IsSensible(category, recipient))
        {
            problems.Add($"line {number}: {KindnessNames.Name(category)} for {KindnessNames.Name(recipient)} is not a pair the catalog holds");
            return null;
        }

        return new KindnessIdea(IdFor(text), category, recipient, effort, cost, setting, text);
    }

    private static bool TryParseName<T>(string text, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string IdFor(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalise(text))))[..8];

    private static string Normalise(string text) => string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static IdeaCatalog LoadShipped()
    {
        using var stream = typeof(IdeaCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The idea catalog '{ResourceName}' is not embedded.");
        using var reader = new StreamReader(stream);
        return TryParse(reader.ReadToEnd(), MinimumIdeas, out var catalog, out var errors)
            ? catalog!
            : throw new InvalidOperationException("The shipped idea catalog does not validate: " + string.Join("; ", errors));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
